import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

/** "Hide my profile now": every part back to only me, in one statement run as the member. */
export async function hideMyProfile(identity: Identity) {
  await runtime().db.asUser(identity, (tx) => tx`select app.hide_my_profile()`);
}
