import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { exportMyData, myDataResponse } from '~/modules/account/export-data.server';
import { requireUser } from '~/modules/auth/session.server';

/**
 * The file behind "Download my data" on /account/export. A resource route because a page's
 * action cannot answer a document POST with anything but the page; POST so that nothing (a
 * prefetch, a link in a mail) fetches it unasked.
 */

export async function loader() {
  return redirect('/account/export');
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  return myDataResponse(await exportMyData(identity));
}
