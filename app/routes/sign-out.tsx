import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOut } from '~/modules/auth/auth.server';
import { readForm } from '~/modules/forms/read-form.server';

/** POST only: signing out by GET would let any page sign a person out. */
export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  return signOut(request, form.get('everywhere') === '1');
}
