import { randomBytes } from 'node:crypto';
import type { Identity, Sql } from '../../app/platform/db/client.server';
import type { StorageAdapter } from '../../app/platform/storage/types';
import { createUser, openProfile } from './factories';

/**
 * A member with something in every part Talaka keeps about a person: profile fields and lists,
 * a contact channel, consents (one withdrawn), and a photo and a CV stored through the given
 * storage adapter as the member (bytes on disk, rows in storage.objects). For export and
 * erasure tests, which must find all of it — and nothing of anyone else.
 */
export type FullMember = Identity & { displayName: string; photoPath: string; cvPath: string };

export async function createFullMember(sql: Sql, storage: StorageAdapter, name: string): Promise<FullMember> {
  const member = await createUser(sql, { displayName: name });
  const id = member.userId;
  const photoPath = `${id}/${randomBytes(12).toString('base64url')}`;
  const cvPath = `${id}/${randomBytes(12).toString('base64url')}`;
  const actor = { identity: member, request: new Request('http://localhost/') };
  const photo = await storage.upload(actor, { bucket: 'avatars', path: photoPath, bytes: new Uint8Array([82, 73, 70, 70, 1, 2, 3]), contentType: 'image/webp' });
  const cv = await storage.upload(actor, { bucket: 'documents', path: cvPath, bytes: new TextEncoder().encode('%PDF-1.7 cv'), contentType: 'application/pdf' });
  if (!photo || !cv) throw new Error('the storage adapter refused the test files');

  await sql`
    update app.profiles
    set legal_name = ${`${name} Legal`}, headline = ${`${name} headline`}, bio = ${`${name} bio`},
        city_id = (select id from app.cities order by id limit 1), hours_per_week = 6, work_mode = 'remote',
        photo_path = ${photoPath}, cv_path = ${cvPath}
    where id = ${id}`;
  await sql`insert into app.profile_languages (profile_id, language_code, level) values (${id}, 'pl', 'B2')`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level, years)
            select ${id}, id, 3, 4 from app.skills order by id limit 2`;
  await sql`insert into app.profile_tags (profile_id, tag) values (${id}, ${`${name} tag`})`;
  await sql`insert into app.profile_directions (profile_id, direction_id)
            select ${id}, id from app.directions order by position limit 1`;
  await sql`insert into app.contact_channels (profile_id, kind, value) values (${id}, 'telegram', ${`@${name.replace(/\W/g, '')}_tg`})`;

  // Opened to members and organizers, then organizers taken back: one consent stays withdrawn.
  await openProfile(sql, id, { identity: 'members', skills: 'organizers' });
  await sql`update app.profiles set skills_audience = 'only_me' where id = ${id}`;
  await sql`update app.consents set withdrawn_at = now() where user_id = ${id} and purpose = 'visible_to_organizers'`;

  return { ...member, displayName: name, photoPath, cvPath };
}
