import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { EmailLinkForm } from '~/components/auth/email-link-form';
import { requestPasswordReset } from '~/modules/auth/auth.server';
import { EmailOnlySchema } from '~/modules/auth/schemas';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'auth'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forgot');

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, EmailOnlySchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), sent: false }, { status: 400 });
  await requestPasswordReset(request, submission.value.email);
  return json({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  return <EmailLinkForm section="forgot" lastResult={data?.result} sent={data?.sent ?? false} />;
}
