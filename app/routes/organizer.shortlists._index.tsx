import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { ShortlistCard } from '~/components/shortlists/shortlist-card';
import { SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { requirePower } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { CreateListSchema, ListActionSchema } from '~/modules/shortlists/shortlist-schemas';
import { changeShortlist, listMyShortlists } from '~/modules/shortlists/shortlists.server';
import { detectLanguage } from '~/platform/i18n.server';
import shortlistStyles from '~/styles/shortlists.css';

/**
 * The organizer's shortlists: each with its member count, renamed or deleted in place, and a
 * form for a new one. Private to the organizer; members get a 403, an organizer without the
 * second factor is sent to give it (the SQL functions refuse them too).
 */
export const handle = { i18n: ['common', 'shortlists'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: shortlistStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'shortlists');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  return json({ lists: await listMyShortlists(identity, await detectLanguage(request)) });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const submission = await parseForm(request, ListActionSchema);
  if (submission.status !== 'success') return json(refused(submission, firstError(submission.error)), { status: 400 });
  const outcome = await changeShortlist(identity, submission.value);
  if (!outcome.ok) return json(refused(submission, outcome.error), { status: outcome.status });
  if (submission.value.intent === 'create') return redirect(`/organizer/shortlists/${outcome.value}?created=1`);
  return redirect(`/organizer/shortlists?${submission.value.intent === 'rename' ? 'renamed' : 'deleted'}=1`);
}

type Submission = Awaited<ReturnType<typeof parseForm<typeof ListActionSchema>>>;

/** The refusal, said where the organizer looks: beside the field of the form they sent. */
function refused(submission: Submission, error: string) {
  const payload = submission.payload as Record<string, unknown>;
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : '');
  if (payload.intent === 'rename') return { result: null, renameError: { listId: text('listId'), name: text('name'), error }, error: null };
  if (payload.intent === 'create') {
    // Field errors of the form itself are shown at the field; the database's at the form.
    const result = submission.status === 'success' ? submission.reply({ formErrors: [error] }) : submission.reply();
    return { result, renameError: null, error: null };
  }
  return { result: null, renameError: null, error };
}

function firstError(errors: Record<string, string[] | null> | null | undefined) {
  return Object.values(errors ?? {}).flat().find((key) => key?.startsWith('errors.')) ?? 'errors.invalid';
}

export default function Shortlists() {
  const { t } = useTranslation(['shortlists', 'common']);
  const { lists } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <OrganizerNav />
      <section className="stack shortlists-page" aria-labelledby="shortlists-title">
        <h1 id="shortlists-title">{t('index.title')}</h1>
        <p>{t('index.intro')}</p>
        {searchParams.has('renamed') ? <Notice tone="success">{t('notices.renamed')}</Notice> : null}
        {searchParams.has('deleted') ? <Notice tone="success">{t('notices.deleted')}</Notice> : null}
        {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
        {lists.length === 0 ? (
          <EmptyState title={t('index.emptyTitle')} action={{ to: '/directory', label: t('common:titles.directory') }}>
            <p>{t('index.empty')}</p>
          </EmptyState>
        ) : (
          <ul className="shortlist-grid">
            {lists.map((list) => (
              <li key={list.id}>
                <ShortlistCard list={list} renameError={data?.renameError ?? null} />
              </li>
            ))}
          </ul>
        )}
        <CreateListForm />
        <p className="muted">{t('index.limit')}</p>
      </section>
    </>
  );
}

function CreateListForm() {
  const { t } = useTranslation('shortlists');
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'create-list',
    lastResult: data?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateListSchema }),
  });
  return (
    <Card as="section" className="stack" title={t('create.title')}>
      <Form method="post" {...getFormProps(form)} className="stack">
        {form.errors?.length ? <Notice tone="error">{form.errors.map((key) => t(key)).join(' ')}</Notice> : null}
        <Field meta={fields.name} label={t('create.name')} namespace="shortlists" autoComplete="off" />
        <SubmitButton name="intent" value="create" pendingLabel={t('common:pending.saving')}>
          {t('create.submit')}
        </SubmitButton>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
