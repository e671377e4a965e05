import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { requireUser, safeRedirect } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { hideMyProfile } from '~/modules/profiles/hide-profile.server';
import { HideProfileSchema } from '~/modules/profiles/profile-schemas';

/**
 * "Hide my profile now", POST only (a GET could be triggered by any page). Every part goes back
 * to only me at once; the member returns to the page they were on, which confirms it.
 */
export async function loader() {
  return redirect('/account');
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const submission = await parseForm(request, HideProfileSchema);
  // Hiding never waits on a well-formed form: a bad redirect target only changes where we land.
  await hideMyProfile(identity);
  const back = safeRedirect(submission.status === 'success' ? submission.value.redirectTo : null, '/account');
  const url = new URL(back, 'http://talaka.invalid');
  url.searchParams.set('hidden', '1');
  return redirect(`${url.pathname}${url.search}`);
}
