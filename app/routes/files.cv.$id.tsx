import type { LoaderFunctionArgs } from '@remix-run/node';
import { getCurrentUser } from '~/modules/auth/session.server';
import { checkCvDownload } from '~/modules/contact/cv-download.server';
import { fileResponse, notFoundResponse } from '~/modules/files/file-response.server';
import { readProfileFile } from '~/modules/files/read-profile-file.server';

/**
 * A profile's current CV: for its owner, and for an organizer whose contact request the member
 * accepted (recorded as a reveal); anyone else gets the same 404 (T7).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await getCurrentUser(request);
  const ownerId = params.id ?? '';
  if (!identity) return notFoundResponse();
  const check = await checkCvDownload(identity, ownerId);
  if (check === 'quota') return new Response('Too many requests', { status: 429, headers: { 'Cache-Control': 'no-store' } });
  const file = check === 'allowed' ? await readProfileFile({ identity, request }, 'cv', ownerId) : null;
  return file ? fileResponse('cv', file.bytes) : notFoundResponse();
}
