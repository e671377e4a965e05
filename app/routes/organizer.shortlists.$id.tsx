import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { ExportPanel } from '~/components/shortlists/export-panel';
import { ShortlistEntryCard } from '~/components/shortlists/shortlist-entry';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { requirePower } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { EntryActionSchema, MemberIdSchema } from '~/modules/shortlists/shortlist-schemas';
import { changeEntry, readShortlist } from '~/modules/shortlists/shortlists.server';
import { detectLanguage } from '~/platform/i18n.server';
import shortlistStyles from '~/styles/shortlists.css';

/**
 * One of the organizer's lists: the members with their notes (edited and removed in place) and
 * the CSV export, which says how many members it leaves out and why. An unknown list and another
 * organizer's list are the same 404.
 */
export const handle = { i18n: ['common', 'shortlists'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: shortlistStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'shortlists');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const listId = readListId(params.id);
  const read = await readShortlist(identity, listId, await detectLanguage(request));
  if (!read.ok) throw new Response('Not found', { status: read.status === 403 ? 403 : 404 });
  const included = read.value.entries.filter((entry) => entry.contactAccepted).length;
  return json({ ...read.value, included, omitted: read.value.entries.length - included });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const listId = readListId(params.id);
  const submission = await parseForm(request, EntryActionSchema);
  const payload = submission.payload as Record<string, unknown>;
  const typed = { memberId: String(payload.memberId ?? ''), note: typeof payload.note === 'string' ? payload.note : '' };
  if (submission.status !== 'success') {
    const error = Object.values(submission.error ?? {}).flat().find((key) => key?.startsWith('errors.')) ?? 'errors.invalid';
    return json({ noteError: { ...typed, error }, error }, { status: 400 });
  }
  const outcome = await changeEntry(identity, listId, submission.value);
  if (!outcome.ok) {
    if (outcome.error === 'errors.listNotFound') throw new Response('Not found', { status: 404 });
    return json({ noteError: { ...typed, error: outcome.error }, error: outcome.error }, { status: outcome.status });
  }
  const done = submission.value.intent === 'note' ? 'saved' : 'removed';
  return redirect(`/organizer/shortlists/${listId}?${done}=1`);
}

function readListId(raw: string | undefined) {
  const parsed = MemberIdSchema.safeParse(raw);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

export default function Shortlist() {
  const { t } = useTranslation(['shortlists', 'common']);
  const { list, entries, included, omitted } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = ['created', 'added', 'saved', 'removed'].find((key) => searchParams.has(key));
  return (
    <>
      <OrganizerNav />
      <section className="stack shortlists-page" aria-labelledby="list-title">
        <p>
          <Link to="/organizer/shortlists">{t('back')}</Link>
        </p>
        <h1 id="list-title">{list.name}</h1>
        {notice ? <Notice tone="success">{t(`notices.${notice === 'saved' ? 'noteSaved' : notice}`)}</Notice> : null}
        {searchParams.get('export') === 'quota' ? (
          <Notice tone="error">
            <strong>{t('export.quotaTitle')}</strong> {t('export.quotaBody')}
          </Notice>
        ) : null}
        {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
        <ExportPanel listId={list.id} included={included} omitted={omitted} />
        <section aria-labelledby="members-title" className="stack">
          <h2 id="members-title">{t('members.title')}</h2>
          {entries.length === 0 ? (
            <EmptyState title={t('members.emptyTitle')} headingLevel={3} action={{ to: '/directory', label: t('common:titles.directory') }}>
              <p>{t('members.empty')}</p>
            </EmptyState>
          ) : (
            <ul className="shortlist-grid">
              {entries.map((entry) => (
                <li key={entry.memberId}>
                  <ShortlistEntryCard entry={entry} noteError={data?.noteError ?? null} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
