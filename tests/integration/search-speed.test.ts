import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

/**
 * Decision 027: the list limits (30 skills, 20 tags) are checked once per statement with a
 * transition table instead of once per row. The rule must be the same as before: whatever the
 * statement, no profile ends up with more rows than its limit, and the refusal is a
 * check_violation with the same message — for a member writing their own lists under RLS and for
 * a bulk load writing many profiles in one COPY or INSERT.
 */
let t: TestDatabase;
let skills: string[];
beforeAll(async () => {
  t = await createTestDatabase();
  skills = (await t.sql`select id from app.skills order by id limit 31`).map((row) => row.id as string);
});
afterAll(() => t.drop());

async function skillCount(member: Identity) {
  const [row] = await t.sql`select count(*)::int as n from app.profile_skills where profile_id = ${member.userId}`;
  return row!.n as number;
}

function refusal(error: unknown) {
  const e = error as { code?: string; message?: string };
  return { code: e.code, message: e.message };
}

describe('list limits, once per statement', () => {
  it('a member: 31 skills in one statement are refused, 30 pass, a 31st later is refused', async () => {
    const member = await createUser(t.sql);
    const insert = (ids: string[]) =>
      t.db.asUser(member, (tx) => tx`
        insert into app.profile_skills (profile_id, skill_id, level)
        select ${member.userId}::uuid, s, 2 from unnest(${ids}::text[]) s`);

    const tooMany = await insert(skills).catch(refusal);
    expect(tooMany).toEqual({ code: '23514', message: 'at most 30 rows in profile_skills per profile' });
    expect(await skillCount(member)).toBe(0);

    await insert(skills.slice(0, 30));
    expect(await skillCount(member)).toBe(30);

    const oneMore = await insert(skills.slice(30)).catch(refusal);
    expect(oneMore).toEqual({ code: '23514', message: 'at most 30 rows in profile_skills per profile' });
    expect(await skillCount(member)).toBe(30);
  });

  it('a bulk statement for many profiles is refused as a whole when one of them goes over', async () => {
    const within = await createUser(t.sql);
    const over = await createUser(t.sql);
    const bulk = t.sql`
      insert into app.profile_skills (profile_id, skill_id, level)
      select ${within.userId}::uuid, s, 1 from unnest(${skills.slice(0, 5)}::text[]) s
      union all
      select ${over.userId}::uuid, s, 1 from unnest(${skills}::text[]) s`;
    expect(await bulk.catch(refusal)).toEqual({ code: '23514', message: 'at most 30 rows in profile_skills per profile' });
    expect(await skillCount(within)).toBe(0);
    expect(await skillCount(over)).toBe(0);

    await t.sql`
      insert into app.profile_skills (profile_id, skill_id, level)
      select ${within.userId}::uuid, s, 1 from unnest(${skills.slice(0, 5)}::text[]) s
      union all
      select ${over.userId}::uuid, s, 1 from unnest(${skills.slice(0, 30)}::text[]) s`;
    expect(await skillCount(within)).toBe(5);
    expect(await skillCount(over)).toBe(30);
  });

  it('tags: 20 pass, the 21st is refused', async () => {
    const member = await createUser(t.sql);
    const tags = Array.from({ length: 21 }, (_, i) => `tag ${i + 1}`);
    const insert = (values: string[]) =>
      t.db.asUser(member, (tx) => tx`
        insert into app.profile_tags (profile_id, tag) select ${member.userId}::uuid, x from unnest(${values}::text[]) x`);
    await insert(tags.slice(0, 20));
    expect(await insert(tags.slice(20)).catch(refusal)).toEqual({ code: '23514', message: 'at most 20 rows in profile_tags per profile' });
    const [row] = await t.sql`select count(*)::int as n from app.profile_tags where profile_id = ${member.userId}`;
    expect(row!.n).toBe(20);
  });
});
