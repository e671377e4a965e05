import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { ListChoice } from '~/components/shortlists/list-choice';
import { SubmitButton } from '~/components/ui/button';
import { Notice } from '~/components/ui/notice';
import { TextAreaField } from '~/components/ui/text-area-field';
import { requirePower } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { AddToListSchema, MemberIdSchema } from '~/modules/shortlists/shortlist-schemas';
import { addToShortlist, listMyShortlists } from '~/modules/shortlists/shortlists.server';
import { detectLanguage } from '~/platform/i18n.server';
import shortlistStyles from '~/styles/shortlists.css';

/**
 * `/organizer/shortlists/add?member=<id>`, linked from the search cards and the profile page:
 * choose one of the organizer's lists or name a new one, with an optional note. The database
 * decides whether the member may be added (identity open to this organizer, not blocked); a new
 * list is created in the same transaction, so a refusal leaves no empty list behind.
 */
export const handle = { i18n: ['common', 'shortlists'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: shortlistStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'shortlistAdd');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const member = MemberIdSchema.safeParse(new URL(request.url).searchParams.get('member'));
  if (!member.success) throw new Response('Not found', { status: 404 });
  const lists = await listMyShortlists(identity, await detectLanguage(request), member.data);
  return json({ memberId: member.data, lists });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const submission = await parseForm(request, AddToListSchema);
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const outcome = await addToShortlist(identity, submission.value);
  if (!outcome.ok) {
    // Where the refusal belongs: a name problem at the new list's name, the rest at the form.
    const atName = ['errors.nameTaken', 'errors.nameRequired', 'errors.nameTooLong'].includes(outcome.error);
    const result = submission.reply(atName ? { fieldErrors: { newName: [outcome.error] } } : { formErrors: [outcome.error] });
    return json({ result }, { status: outcome.status });
  }
  return redirect(`/organizer/shortlists/${outcome.value}?added=1`);
}

export default function AddToShortlist() {
  const { t } = useTranslation('shortlists');
  const { memberId, lists } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const firstFree = lists.find((list) => !list.hasMember)?.id ?? 'new';
  const [form, fields] = useForm({
    lastResult: data?.result,
    defaultValue: { memberId, listId: firstFree },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddToListSchema }),
  });
  return (
    <>
      <OrganizerNav />
      <section className="narrow stack shortlists-page" aria-labelledby="add-title">
        <h1 id="add-title">{t('add.title')}</h1>
        <p>{t('add.intro')}</p>
        {form.errors?.length ? <Notice tone="error">{form.errors.map((key) => t(key)).join(' ')}</Notice> : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name={fields.memberId.name} value={memberId} />
          <ListChoice lists={lists} listField={fields.listId} nameField={fields.newName} />
          <TextAreaField meta={fields.note} label={t('add.note')} hint={t('members.noteHint')} rows={3} namespace="shortlists" />
          <SubmitButton pendingLabel={t('common:pending.saving')}>{t('add.submit')}</SubmitButton>
        </Form>
        <p>
          <Link to={`/people/${memberId}`}>{t('add.profile')}</Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
