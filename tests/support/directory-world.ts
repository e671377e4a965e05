import type { Identity, Sql } from '../../app/platform/db/client.server';
import type { Db } from '../../app/platform/db/client.server';
import type { JSONValue } from 'postgres';
import { createUser, openProfile, type Audience } from './factories';

/**
 * Members and organizers for the directory tests: a member is written as the editor would leave
 * them (fields, lists, audiences with their consents), and searched as an organizer through
 * app.organizer_search(), the only way organizers reach profiles.
 */
export type MemberSpec = {
  name: string | null;
  headline?: string;
  identity?: Audience;
  skillsPart?: Audience;
  photoPart?: Audience;
  photo?: boolean;
  city?: string;
  country?: string;
  workMode?: 'remote' | 'on_site' | 'both';
  hours?: number;
  skills?: Record<string, number>;
  languages?: Record<string, string>;
  directions?: string[];
  tags?: string[];
  /** Days since the last profile save; the 'recent' sort reads its day. */
  activeDaysAgo?: number;
  /** Something a card must never carry. */
  secrets?: boolean;
};

export async function createMember(sql: Sql, spec: MemberSpec): Promise<string> {
  const member = await createUser(sql, spec.name ? { displayName: spec.name } : {});
  const id = member.userId;
  await sql`
    update app.profiles
    set headline = ${spec.headline ?? null}, city_id = ${spec.city ?? null}, country_code = ${spec.country ?? null},
        work_mode = ${spec.workMode ?? null}, hours_per_week = ${spec.hours ?? null},
        photo_path = ${spec.photo ? `${id}/photo-file-1` : null},
        legal_name = ${spec.secrets ? 'Secret Legal Name' : null}, bio = ${spec.secrets ? 'Secret bio' : null},
        updated_at = now() - make_interval(days => ${spec.activeDaysAgo ?? 0})
    where id = ${id}`;
  for (const [skill, level] of Object.entries(spec.skills ?? {})) {
    await sql`insert into app.profile_skills (profile_id, skill_id, level) values (${id}, ${skill}, ${level})`;
  }
  for (const [code, level] of Object.entries(spec.languages ?? {})) {
    await sql`insert into app.profile_languages (profile_id, language_code, level) values (${id}, ${code}, ${level})`;
  }
  for (const direction of spec.directions ?? []) {
    await sql`insert into app.profile_directions (profile_id, direction_id) values (${id}, ${direction})`;
  }
  for (const tag of spec.tags ?? []) {
    await sql`insert into app.profile_tags (profile_id, tag) values (${id}, ${tag})`;
  }
  if (spec.secrets) {
    await sql`insert into app.contact_channels (profile_id, kind, value) values (${id}, 'telegram', '@secret_channel')`;
  }
  await openProfile(sql, id, {
    identity: spec.identity ?? 'organizers',
    skills: spec.skillsPart ?? 'organizers',
    photo: spec.photoPart ?? 'only_me',
  });
  // Opening the parts saved the row again: put the day of activity back.
  await sql`update app.profiles set updated_at = now() - make_interval(days => ${spec.activeDaysAgo ?? 0}) where id = ${id}`;
  return id;
}

/** An organizer past the 30 days of probation, with a second factor (aal2). */
export async function veteranOrganizer(sql: Sql): Promise<Identity> {
  const organizer = await createUser(sql, { roles: ['organizer'] });
  await sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId} and role = 'organizer'`;
  return organizer;
}

export type SearchAnswer = {
  total: number | 'lt5';
  cards: Record<string, unknown>[];
  next: Record<string, unknown> | null;
  facets: Record<string, { id?: string; code?: string; count: number | 'lt5' }[]> | null;
};

/** One call of app.organizer_search() as the given person. */
export async function search(
  db: Db,
  who: Pick<Identity, 'userId' | 'email' | 'aal'>,
  filters: Record<string, unknown>,
  options: { after?: unknown; pageSize?: number; facets?: boolean } = {},
): Promise<SearchAnswer> {
  return db.asUser(who, async (tx) => {
    const [row] = await tx`
      select app.organizer_search(${tx.json({ skills: [], skillMatch: 'any', sort: 'relevance', ...filters } as JSONValue)}::jsonb,
                                  ${options.after === undefined || options.after === null ? null : tx.json(options.after as JSONValue)}::jsonb,
                                  ${options.pageSize ?? 50}::int, ${options.facets ?? false}) as page`;
    return row!.page as SearchAnswer;
  });
}

/** Every card of a search, page after page, in the order given. */
export async function searchAll(db: Db, who: Identity, filters: Record<string, unknown>, pageSize = 50) {
  const cards: Record<string, unknown>[] = [];
  let after: unknown = null;
  for (let page = 0; page < 100; page += 1) {
    const answer = await search(db, who, filters, { after, pageSize });
    cards.push(...answer.cards);
    if (!answer.next) return cards;
    after = answer.next;
  }
  throw new Error('more than 100 pages');
}

/** The ids found by a search, sorted (for set comparisons). */
export async function foundIds(db: Db, who: Identity, filters: Record<string, unknown>) {
  return (await searchAll(db, who, filters)).map((card) => card.id as string).sort();
}
