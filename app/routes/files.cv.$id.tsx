import type { LoaderFunctionArgs } from '@remix-run/node';
import { getCurrentUser } from '~/modules/auth/session.server';
import { fileResponse, notFoundResponse } from '~/modules/files/file-response.server';
import { readProfileFile } from '~/modules/files/read-profile-file.server';

/** A profile's current CV, for those the policies allow (for now its owner alone); else the same 404 (T7). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await getCurrentUser(request);
  const file = identity ? await readProfileFile({ identity, request }, 'cv', params.id ?? '') : null;
  return file ? fileResponse('cv', file.bytes) : notFoundResponse();
}
