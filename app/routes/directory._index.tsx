import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useLoaderData, useNavigation, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SearchGuide } from '~/components/directory/empty-states';
import { FilterForm } from '~/components/directory/filter-form';
import { referenceNames } from '~/components/directory/reference-names';
import { SearchResults } from '~/components/directory/search-results';
import { ErrorPage } from '~/components/layout/error-page';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { QuotaNotice } from '~/components/organizer/quota-notice';
import { Notice } from '~/components/ui/notice';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower, requireUser } from '~/modules/auth/session.server';
import { canonicalRedirect, isEmptyFilter, knownIds, readFilters } from '~/modules/directory/filters';
import { searchDirectory } from '~/modules/directory/search.server';
import { searchesLeft } from '~/modules/directory/search-quota.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { loadReferenceOptions } from '~/modules/profiles/reference-options.server';
import { detectLanguage } from '~/platform/i18n.server';
import directoryStyles from '~/styles/directory.css';

export const handle = { i18n: ['common', 'directory', 'profile'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: directoryStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'directory');

/**
 * The organizer's search. The state lives in the URL: the loader reads the filters from it (a
 * bad parameter is dropped with a translated field error, an unknown one ignored), sends a
 * request that is not in canonical form to the canonical URL, and searches through the audited,
 * quota-bound SQL function. With no filter it does not search at all: it shows the organizer's
 * guide (what to search, what it costs, what is recorded, how to reach someone), so opening the
 * page neither costs a search nor lists anyone. Only organizers with their second factor get
 * here; anyone else gets the 403 page and learns nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const identity = await requirePower(request, 'organizer');
  const language = await detectLanguage(request);
  const url = new URL(request.url);
  const options = await loadReferenceOptions(identity, language);
  const read = readFilters(url.searchParams, knownIds(options));

  const canonical = canonicalRedirect(url, read);
  if (canonical) throw redirect(canonical);

  const base = { filters: read.filters, after: read.after, errors: read.errors, typed: read.typed, options };
  if (isEmptyFilter(read.filters)) return json({ ...base, page: null, searchesLeft: await searchesLeft(identity) });
  const page = await searchDirectory(identity, read.filters, { after: read.after }).catch(async (error: unknown) => {
    if (!(error instanceof OrganizerRefusal)) throw error;
    if (error.refusal.kind === 'quota') throw json({ quota: error.refusal.action }, { status: 429 });
    await requirePower(request, 'organizer');
    throw new Response('Forbidden', { status: 403 });
  });
  return json({ ...base, page, searchesLeft: null });
}

export default function Directory() {
  const { t } = useTranslation('directory');
  const { filters, after, errors, typed, options, page, searchesLeft: left } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === 'loading' && navigation.location.pathname === '/directory';
  const names = referenceNames(options);
  return (
    <div className="directory">
      <OrganizerNav />
      <h1 id="directory-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {Object.keys(errors).length > 0 ? <Notice tone="error">{t('errors.summary')}</Notice> : null}
      {/* On a phone the filters come first: a way past them to the results, or to the guide. */}
      <p className="skip-to-results">{page ? <a href="#results-title">{t('results.skip')}</a> : <a href="#guide-title">{t('guide.title')}</a>}</p>
      <div className="directory-layout">
        <FilterForm filters={filters} typed={typed} errors={errors} options={options} />
        {page ? <SearchResults page={page} filters={filters} after={after} names={names} busy={busy} /> : <SearchGuide searchesLeft={left} busy={busy} />}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 429) return <QuotaNotice namespace="directory" back="/" />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
