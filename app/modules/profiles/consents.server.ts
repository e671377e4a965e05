import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { readActiveConsents } from './editable-profile.server';
import type { ConsentPurpose } from './profile-model';

/**
 * Consents to be seen. They are given together with the audience that needs them (see
 * saveVisibility); withdrawing one is its own action, and the database then sets every part it
 * covered back to only_me (20261129011000_profile_editor.sql).
 */

/** Which consents the member holds now, per purpose. */
export async function heldConsents(identity: Identity): Promise<Record<ConsentPurpose, boolean>> {
  const consents = await runtime().db.asUser(identity, readActiveConsents);
  return { visible_to_organizers: consents.visible_to_organizers !== null, visible_to_members: consents.visible_to_members !== null };
}

/** Withdraws the member's consent for a purpose; the record stays, with the time it ended. */
export async function withdrawConsent(identity: Identity, purpose: ConsentPurpose) {
  await runtime().db.asUser(
    identity,
    (tx) => tx`update app.consents set withdrawn_at = now()
               where user_id = auth.uid() and purpose = ${purpose} and withdrawn_at is null`,
  );
}
