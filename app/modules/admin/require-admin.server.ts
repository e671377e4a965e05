import type { Identity } from '~/platform/db/client.server';
import { requireUser } from '~/modules/auth/session.server';

/**
 * Admin pages: a signed-in admin, or a 403. The second factor is not checked here: an admin at
 * aal1 gets the page with a "sign in with your second factor" notice, and every admin SQL
 * function refuses them anyway (app.has_power).
 */
export async function requireAdmin(request: Request): Promise<Identity> {
  const identity = await requireUser(request);
  if (!identity.roles.includes('admin')) throw new Response('Forbidden', { status: 403 });
  return identity;
}

/** Whether this admin may act now, i.e. signed in with a second factor. */
export const hasAdminPower = (identity: Identity) => identity.roles.includes('admin') && identity.aal === 'aal2';
