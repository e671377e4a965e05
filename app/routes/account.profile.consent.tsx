import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { withdrawConsent } from '~/modules/profiles/consents.server';
import { WithdrawConsentSchema } from '~/modules/profiles/profile-schemas';

/**
 * POST only: withdraws a consent to be seen. The database then hides every part it had opened;
 * the member lands back on "who sees what", which says so.
 */
export async function loader() {
  return redirect('/account/profile/visibility');
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const submission = await parseForm(request, WithdrawConsentSchema);
  if (submission.status !== 'success') throw new Response('Bad request', { status: 400 });
  await withdrawConsent(identity, submission.value.purpose);
  return redirect(`/account/profile/visibility?withdrawn=${submission.value.purpose}`);
}
