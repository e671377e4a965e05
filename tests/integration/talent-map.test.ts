import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile, type ProfileAudiences } from '../support/factories';

/**
 * Acceptance 11 in SQL: app.talent_map() counts members open to organizers per city and skill
 * category, never lets a count from 1 to 4 out, leaves out hidden parts and blockers, and is an
 * audited, quota-bound organizer read that needs the second factor. Each test counts in a city
 * of its own, so the other tests' members do not change its numbers.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

type Raw = { categories: string[]; cities: { city: string; country: string; total: number | null; cells: Record<string, number | null> }[] };

const talentMap = (who: Pick<Identity, 'userId' | 'email' | 'aal'>) =>
  t.db.asUser(who, async (tx) => (await tx`select app.talent_map() as map`)[0]!.map as Raw);

async function newCity() {
  const id = `test-${randomUUID().slice(0, 8)}`;
  await t.sql`insert into app.cities (id, country_code, name_be, name_en, name_pl) values (${id}, 'PL', 'Тэст', 'Test', 'Test')`;
  return id;
}

/** Skills of the first two categories (law and IT, say): two skills of one, one of the other. */
async function skills() {
  const rows = await t.sql`
    select s.id, s.category_id from app.skills s join app.skill_categories c on c.id = s.category_id
    order by c.position, s.id`;
  const first = rows.filter((row) => row.category_id === rows[0]!.category_id);
  const second = rows.find((row) => row.category_id !== rows[0]!.category_id)!;
  return { a1: first[0]!.id as string, a2: first[1]!.id as string, b: second.id as string, catA: rows[0]!.category_id as string, catB: second.category_id as string };
}

async function member(city: string, skillIds: string[], audiences: ProfileAudiences = { identity: 'organizers', skills: 'organizers' }) {
  const person = await createUser(t.sql);
  await openProfile(t.sql, person.userId, audiences);
  await t.sql`update app.profiles set city_id = ${city} where id = ${person.userId}`;
  for (const skill of skillIds) {
    await t.sql`insert into app.profile_skills (profile_id, skill_id, level) values (${person.userId}, ${skill}, 3)`;
  }
  return person;
}

async function members(n: number, city: string, skillIds: string[], audiences?: ProfileAudiences) {
  const made = [];
  for (let i = 0; i < n; i++) made.push(await member(city, skillIds, audiences));
  return made;
}

const veteranOrganizer = async () => {
  const organizer = await createUser(t.sql, { roles: ['organizer'] });
  await t.sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId} and role = 'organizer'`;
  return organizer;
};

const cityIn = (map: Raw, city: string) => map.cities.find((row) => row.city === city);
const auditRows = (actor: string, action: string) =>
  t.sql`select 1 from app.audit_events where actor = ${actor} and action = ${action}`;

describe('who may read the map', () => {
  it('an organizer with a second factor gets it, and one audit row is written', async () => {
    const organizer = await veteranOrganizer();
    const map = await talentMap(organizer);
    expect(map.categories.length).toBeGreaterThan(0);
    expect(await auditRows(organizer.userId, 'talent_map')).toHaveLength(1);
  });

  it('an organizer without a second factor (aal1) is refused, and nothing is audited', async () => {
    const organizer = await veteranOrganizer();
    await expect(talentMap({ ...organizer, aal: 'aal1' })).rejects.toMatchObject({ code: '42501', hint: 'talentMap:errors.secondFactorNeeded' });
    expect(await auditRows(organizer.userId, 'talent_map')).toHaveLength(0);
  });

  it('a member is refused, even with a second factor', async () => {
    const person = await createUser(t.sql);
    await expect(talentMap({ ...person, aal: 'aal2' })).rejects.toMatchObject({ code: '42501', hint: 'talentMap:errors.forbidden' });
  });

  it('an admin who is not an organizer is refused', async () => {
    const admin = await createUser(t.sql, { roles: ['admin'] });
    await expect(talentMap(admin)).rejects.toMatchObject({ code: '42501', hint: 'talentMap:errors.forbidden' });
  });

  it('visitors cannot call it at all', async () => {
    await expect(t.db.asAnon((tx) => tx`select app.talent_map()`)).rejects.toMatchObject({ code: '42501' });
  });
});

describe('the counts', () => {
  it('shows 5 as 5, suppresses 3, and counts a member once per category', async () => {
    const { a1, a2, b, catA, catB } = await skills();
    const city = await newCity();
    await members(5, city, [a1, a2]);
    await members(3, city, [b]);
    const row = cityIn(await talentMap(await veteranOrganizer()), city);
    expect(row).toMatchObject({ country: 'PL', total: 8 });
    expect(row!.cells[catA]).toBe(5);
    expect(row!.cells[catB]).toBeNull();
  });

  it('leaves out a city with fewer than 5 members counted', async () => {
    const { a1 } = await skills();
    const city = await newCity();
    await members(4, city, [a1]);
    expect(cityIn(await talentMap(await veteranOrganizer()), city)).toBeUndefined();
  });

  it('no count from 1 to 4 ever leaves the database', async () => {
    const { a1, b } = await skills();
    const city = await newCity();
    await members(6, city, [a1]);
    await members(1, city, [b]);
    const map = await talentMap(await veteranOrganizer());
    for (const row of map.cities) {
      for (const value of [row.total, ...Object.values(row.cells)]) {
        expect(value === null || value === 0 || value >= 5).toBe(true);
      }
    }
  });

  it('counts only members whose identity AND skills are open to organizers', async () => {
    const { a1, catA } = await skills();
    const city = await newCity();
    await members(5, city, [a1]);
    await members(2, city, [a1], { identity: 'organizers' });
    await members(2, city, [a1], { skills: 'organizers' });
    await members(1, city, [a1], { identity: 'members', skills: 'members' });
    const row = cityIn(await talentMap(await veteranOrganizer()), city);
    expect(row!.total).toBe(6);
    expect(row!.cells[catA]).toBe(6);
  });

  it('does not count members who blocked this organizer', async () => {
    const { a1, catA } = await skills();
    const city = await newCity();
    const people = await members(6, city, [a1]);
    const organizer = await veteranOrganizer();
    const other = await veteranOrganizer();
    await t.sql`insert into app.organizer_blocks (member_id, organizer_id) values (${people[0]!.userId}, ${organizer.userId})`;
    expect(cityIn(await talentMap(organizer), city)!.cells[catA]).toBe(5);
    expect(cityIn(await talentMap(other), city)!.cells[catA]).toBe(6);
  });
});

describe('the quota', () => {
  it('refuses the call after the last one, with the quota hint, and audits nothing more', async () => {
    const organizer = await veteranOrganizer();
    await t.sql`insert into app.audit_events (actor, action, at)
                select ${organizer.userId}, 'talent_map', now() - interval '10 minutes' from generate_series(1, 60)`;
    await expect(talentMap(organizer)).rejects.toMatchObject({ code: '23514', hint: 'quota:talent_map' });
    expect(await auditRows(organizer.userId, 'talent_map')).toHaveLength(60);
    const written = await t.db.asUser(organizer, async (tx) => (await tx`select app.record_quota_exceeded('talent_map') as ok`)[0]!.ok);
    expect(written).toBe(true);
  });

  it('is halved on probation', async () => {
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    await t.sql`insert into app.audit_events (actor, action, at)
                select ${organizer.userId}, 'talent_map', now() - interval '10 minutes' from generate_series(1, 30)`;
    await expect(talentMap(organizer)).rejects.toMatchObject({ hint: 'quota:talent_map' });
  });
});
