import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Notice } from '~/components/ui/notice';
import { followEmailLink } from '~/modules/auth/auth.server';
import { OtpSchema } from '~/modules/auth/schemas';
import { readForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'auth'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'confirm');

/**
 * Links from auth mails land here. Opening the link only shows a button: mail scanners that
 * fetch every link must not use up the token or start a session. The button's POST does.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = OtpSchema.safeParse({ token_hash: url.searchParams.get('token_hash'), type: url.searchParams.get('type') });
  return json({ link: parsed.success ? parsed.data : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = OtpSchema.safeParse({ token_hash: form.get('token_hash'), type: form.get('type') });
  if (!parsed.success) return json({ error: 'errors.linkInvalid' as const }, { status: 400 });
  const failure = await followEmailLink(request, { type: parsed.data.type, tokenHash: parsed.data.token_hash });
  return json({ error: failure.ok ? null : failure.error }, { status: 400, headers: failure.headers });
}

export default function ConfirmLink() {
  const { t } = useTranslation('auth');
  const { link } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const error = data?.error ?? (link ? null : 'errors.linkInvalid');
  return (
    <section className="narrow" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t(`confirm.title.${link?.type ?? 'signup'}`)}</h1>
      {error ? (
        <>
          <Notice tone="error">{t(error)}</Notice>
          <p>
            <Link to="/magic-link">{t('confirm.newLink')}</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="stack">
          <p>{t('confirm.intro')}</p>
          <input type="hidden" name="token_hash" value={link!.token_hash} />
          <input type="hidden" name="type" value={link!.type} />
          <SubmitButton>{t('confirm.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
