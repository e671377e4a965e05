import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { confirmationWords, deleteAccount } from '~/modules/account/delete-account.server';
import { getCurrentUser, requireUser } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'account'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'deleteAccount');

/** Case and diacritics do not matter: `usun` confirms as well as `USUŃ`. */
const normaliseWord = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase();

/** The browser knows the word of its page's language; the server accepts it in any of ours. */
function deleteAccountSchema(words: string[]) {
  const accepted = new Set(words.map(normaliseWord));
  return z.object({
    password: z.string({ required_error: 'validation.passwordRequired' }).max(1000, 'validation.passwordRequired'),
    confirmation: z
      .string({ required_error: 'validation.confirmationRequired' })
      .max(100, 'validation.confirmationWrong')
      .refine((value) => accepted.has(normaliseWord(value)), 'validation.confirmationWrong'),
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  // The goodbye page is for whoever just left: after the deletion nobody is signed in.
  if (new URL(request.url).searchParams.has('deleted') && !(await getCurrentUser(request))) {
    return json({ deleted: true });
  }
  await requireUser(request);
  return json({ deleted: false });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const submission = await parseForm(request, deleteAccountSchema(await confirmationWords()));
  const reply = () => submission.reply({ hideFields: ['password'] });
  if (submission.status !== 'success') return json({ result: reply(), error: null }, { status: 400 });
  const outcome = await deleteAccount(request, identity, submission.value.password);
  if (!outcome.ok) return json({ result: reply(), error: outcome.error }, { status: 400 });
  return redirect('/account/delete?deleted', { headers: outcome.headers });
}

export default function DeleteAccount() {
  const { deleted } = useLoaderData<typeof loader>();
  return deleted ? <Goodbye /> : <ConfirmDeletion />;
}

function ConfirmDeletion() {
  const { t } = useTranslation('account');
  const data = useActionData<typeof action>();
  const word = t('delete.confirmWord');
  const [form, fields] = useForm({
    lastResult: data?.result,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteAccountSchema([word]) }),
  });
  return (
    <section className="narrow" aria-labelledby="delete-title">
      <h1 id="delete-title">{t('delete.title')}</h1>
      <p>{t('delete.intro')}</p>
      <Notice tone="warning">
        <strong>{t('delete.cannotUndo')}</strong>
      </Notice>
      <h2>{t('delete.whatTitle')}</h2>
      <ul>
        {(['account', 'profile', 'files', 'consents', 'mails'] as const).map((part) => (
          <li key={part}>{t(`delete.what.${part}`)}</li>
        ))}
      </ul>
      <p>
        {t('delete.exportFirst')} <Link to="/account/export">{t('delete.exportLink')}</Link>
      </p>

      <h2 id="delete-form-title">{t('delete.formTitle')}</h2>
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} aria-labelledby="delete-form-title" className="stack">
        <Field
          meta={fields.password}
          label={t('delete.password')}
          hint={t('delete.passwordHint')}
          type="password"
          autoComplete="current-password"
          namespace="account"
        />
        <Field
          meta={fields.confirmation}
          label={t('delete.confirmation', { word })}
          type="text"
          autoComplete="off"
          namespace="account"
        />
        <div className="actions">
          <SubmitButton variant="danger">{t('delete.submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function Goodbye() {
  const { t } = useTranslation('account');
  return (
    <section className="narrow" aria-labelledby="goodbye-title">
      <h1 id="goodbye-title">{t('goodbye.title')}</h1>
      <p>{t('goodbye.body')}</p>
      <p>{t('goodbye.back')}</p>
      <p>
        <Link to="/">{t('goodbye.home')}</Link>
      </p>
    </section>
  );
}
