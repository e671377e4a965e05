import { isProfileId } from '~/modules/files/object-name.server';
import type { Identity } from '~/platform/db/client.server';
import { revealCv } from './organizer-requests.server';

/**
 * May this viewer download someone else's CV? Only an organizer with the second factor whose
 * request the member accepted, with the CV opened to organizers; the download is then recorded
 * as a contact reveal and counted in its quota, before any byte leaves (fail closed). The
 * storage policies check the same again when the file is read.
 */
export async function checkCvDownload(identity: Identity, ownerId: string): Promise<'allowed' | 'refused' | 'quota'> {
  if (!isProfileId(ownerId)) return 'refused';
  if (identity.userId === ownerId) return 'allowed';
  if (!identity.roles.includes('organizer') || identity.aal !== 'aal2') return 'refused';
  return revealCv(identity, ownerId);
}
