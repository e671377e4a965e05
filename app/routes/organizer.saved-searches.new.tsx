import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { FilterSummaryList } from '~/components/saved-searches/filter-summary-list';
import { SaveSearchForm } from '~/components/saved-searches/save-search-form';
import { Notice } from '~/components/ui/notice';
import { requirePower } from '~/modules/auth/session.server';
import { directoryHref, knownIds, readFilters } from '~/modules/directory/filters';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { loadReferenceOptions } from '~/modules/profiles/reference-options.server';
import { summarizeFilters } from '~/modules/saved-searches/filter-summary';
import { SaveSearchSchema } from '~/modules/saved-searches/saved-search-schemas';
import { saveSearch } from '~/modules/saved-searches/saved-searches.server';
import { detectLanguage } from '~/platform/i18n.server';
import savedSearchStyles from '~/styles/saved-searches.css';

/**
 * `/organizer/saved-searches/new?<directory query>`: the search page links here with its current
 * filters; the organizer names the search and saves it. The filters are read from this page's
 * own query string by the directory's reader (app/modules/directory/filters.ts), the same on
 * showing and on saving; invalid ones are left out, and said so.
 */
export const handle = { i18n: ['common', 'savedSearches'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: savedSearchStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'savedSearches');

async function filtersOf(request: Request, identity: Awaited<ReturnType<typeof requirePower>>) {
  const language = await detectLanguage(request);
  const options = await loadReferenceOptions(identity, language);
  const read = readFilters(new URL(request.url).searchParams, knownIds(options));
  return { language, options, ...read };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const { filters, errors, options } = await filtersOf(request, identity);
  return json({
    summary: summarizeFilters(filters, options),
    dropped: Object.keys(errors).length > 0,
    back: directoryHref(filters),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const submission = await parseForm(request, SaveSearchSchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), error: null }, { status: 400 });
  const { filters } = await filtersOf(request, identity);
  const outcome = await saveSearch(identity, { ...submission.value, filters });
  if (!outcome.ok) return json({ result: submission.reply(), error: outcome.error }, { status: outcome.status });
  return redirect('/organizer/saved-searches?saved=1');
}

export default function NewSavedSearch() {
  const { t } = useTranslation('savedSearches');
  const { summary, dropped, back } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <OrganizerNav />
      <section className="narrow stack saved-search-page" aria-labelledby="new-search-title">
        <h1 id="new-search-title">{t('new.title')}</h1>
        <p id="new-search-filters">{t('new.intro')}</p>
        <FilterSummaryList items={summary} labelledBy="new-search-filters" />
        {dropped ? <Notice tone="warning">{t('new.dropped')}</Notice> : null}
        <SaveSearchForm lastResult={data?.result} error={data?.error ?? null} />
        <p>
          <Link to={back}>{t('new.back')}</Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
