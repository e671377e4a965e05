import { json, type ActionFunctionArgs, type HeadersFunction, type MetaFunction } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { EmailLinkForm } from '~/components/auth/email-link-form';
import { failureStatus, requestMagicLink } from '~/modules/auth/auth.server';
import { withRetryAfter } from '~/platform/rate-limit/retry-after-headers';
import { EmailOnlySchema } from '~/modules/auth/schemas';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'auth'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'magicLink');
/** A refusal by a rate limit carries Retry-After into the page's response (ADR 026). */
export const headers: HeadersFunction = withRetryAfter;

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, EmailOnlySchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), sent: false }, { status: 400 });
  const outcome = await requestMagicLink(request, submission.value.email);
  if (!outcome.ok) {
    // Too many attempts (ADR 026): said at the e-mail field, which keeps what was typed.
    const result = submission.reply({ fieldErrors: { email: [`auth:${outcome.error}`] } });
    return json({ result, sent: false }, { status: failureStatus(outcome.error), headers: outcome.headers });
  }
  return json({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function MagicLink() {
  const data = useActionData<typeof action>();
  return <EmailLinkForm section="magicLink" lastResult={data?.result} sent={data?.sent ?? false} />;
}
