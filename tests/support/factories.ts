import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Identity, RoleName, Sql } from '../../app/platform/db/client.server';

export const TEST_PASSWORD = 'correct horse battery staple';
const TEST_PASSWORD_HASH = bcrypt.hashSync(TEST_PASSWORD, 4);

/**
 * A confirmed user with the given roles, written as the identity provider writes one. The
 * trigger on auth.users gives it a hidden profile and the member role.
 */
export async function createUser(
  sql: Sql,
  options: { email?: string; roles?: RoleName[]; confirmed?: boolean; displayName?: string } = {},
): Promise<Identity> {
  const id = randomUUID();
  const email = options.email ?? `user-${id.slice(0, 8)}@example.org`;
  await sql`
    insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, created_at, updated_at)
    values (${id}, 'authenticated', 'authenticated', ${email}, ${TEST_PASSWORD_HASH},
            ${options.confirmed === false ? null : new Date()}, now(), now())`;
  for (const role of options.roles ?? []) {
    await sql`insert into app.user_roles (user_id, role) values (${id}, ${role}) on conflict do nothing`;
  }
  if (options.displayName) {
    await sql`update app.profiles set display_name = ${options.displayName} where id = ${id}`;
  }
  const roles = await sql`select role from app.user_roles where user_id = ${id} order by role`;
  const held = roles.map((row) => row.role as RoleName);
  // Organizers and admins act with their second factor unless a test says otherwise.
  const aal = held.includes('organizer') || held.includes('admin') ? 'aal2' : 'aal1';
  return { userId: id, email, aal, roles: held };
}

export type Audience = 'only_me' | 'organizers' | 'members';
export type ProfileAudiences = Partial<Record<'identity' | 'legal_name' | 'skills' | 'bio' | 'photo' | 'cv', Audience>>;

/** Opens parts of a profile as its owner would: consent first (per audience), then the audiences. */
export async function openProfile(sql: Sql, userId: string, audiences: ProfileAudiences) {
  const wanted = new Set(Object.values(audiences));
  for (const audience of ['members', 'organizers'] as const) {
    if (!wanted.has(audience)) continue;
    await sql`insert into app.consents (user_id, purpose, version)
              values (${userId}, ${`visible_to_${audience}`}, 'v1') on conflict do nothing`;
  }
  for (const [part, audience] of Object.entries(audiences)) {
    await sql`update app.profiles set ${sql(`${part}_audience`)} = ${audience} where id = ${userId}`;
  }
}
