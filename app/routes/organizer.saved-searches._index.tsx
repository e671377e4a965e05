import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { SavedSearchCard } from '~/components/saved-searches/saved-search-card';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { requirePower } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { loadReferenceOptions } from '~/modules/profiles/reference-options.server';
import { SAVED_SEARCH_LIMITS, SavedSearchActionSchema } from '~/modules/saved-searches/saved-search-schemas';
import { changeSavedSearch, listMySavedSearches } from '~/modules/saved-searches/saved-searches.server';
import { detectLanguage } from '~/platform/i18n.server';
import savedSearchStyles from '~/styles/saved-searches.css';

/**
 * The organizer's saved searches: each with its filters in words, a link that runs it, the daily
 * e-mail on or off, and delete. Private to the organizer; members get a 403, an organizer without
 * the second factor is sent to give it (the SQL functions refuse them too).
 */
export const handle = { i18n: ['common', 'savedSearches'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: savedSearchStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'savedSearches');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const language = await detectLanguage(request);
  const options = await loadReferenceOptions(identity, language);
  return json({ searches: await listMySavedSearches(identity, language, options) });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const submission = await parseForm(request, SavedSearchActionSchema);
  if (submission.status !== 'success') return json({ error: 'errors.notFound' }, { status: 400 });
  const outcome = await changeSavedSearch(identity, submission.value);
  if (!outcome.ok) return json({ error: outcome.error }, { status: outcome.status });
  const done = submission.value.intent === 'delete' ? 'deleted' : submission.value.digest === 'on' ? 'digestTurnedOn' : 'digestTurnedOff';
  return redirect(`/organizer/saved-searches?${done}=1`);
}

const NOTICES = ['saved', 'deleted', 'digestTurnedOn', 'digestTurnedOff'] as const;

export default function SavedSearches() {
  const { t } = useTranslation('savedSearches');
  const { searches } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = NOTICES.find((key) => searchParams.has(key));
  return (
    <>
      <OrganizerNav />
      <section className="stack saved-search-page" aria-labelledby="saved-searches-title">
        <h1 id="saved-searches-title">{t('list.title')}</h1>
        <p>{t('list.intro')}</p>
        {notice ? <Notice tone="success">{t(`list.${notice}`)}</Notice> : null}
        {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
        {searches.length === 0 ? (
          <EmptyState title={t('list.emptyTitle')} action={{ to: '/directory', label: t('list.toDirectory') }}>
            <p>{t('list.empty')}</p>
          </EmptyState>
        ) : (
          <ul className="saved-search-list">
            {searches.map((search) => (
              <li key={search.id}>
                <SavedSearchCard search={search} />
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{t('list.limit', { most: SAVED_SEARCH_LIMITS.perOrganizer })}</p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
