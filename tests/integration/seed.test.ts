import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOnce } from '../../app/platform/db/seed.server';
import { verifyPassword } from '../../app/platform/auth/passwords.server';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** The demo seed: four demo accounts with roles and profiles, two hundred generated members. */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedOnce(t.sql);
});
afterAll(() => t.drop());

describe('demo seed', () => {
  it('gives the four demo accounts their roles and the demo password', async () => {
    const rows = await t.sql`
      select u.email, u.encrypted_password, array_agg(r.role::text order by r.role) as roles
      from auth.users u join app.user_roles r on r.user_id = u.id
      where u.email like '%@example.org' and u.email not like 'demo-member-%'
      group by u.email, u.encrypted_password order by u.email`;
    expect(rows.map((row) => [row.email, row.roles])).toEqual([
      ['admin2@example.org', ['member', 'admin']],
      ['admin@example.org', ['member', 'admin']],
      ['member@example.org', ['member']],
      ['organizer@example.org', ['member', 'organizer']],
    ]);
    for (const row of rows) expect(await verifyPassword('talaka-demo-password', row.encrypted_password)).toBe(true);
  });

  it('gives every demo account a plausible profile', async () => {
    const rows = await t.sql`
      select p.display_name, p.headline, p.city_id, (select count(*)::int from app.profile_skills s where s.profile_id = p.id) as skills
      from app.profiles p join auth.users u on u.id = p.id
      where u.email in ('admin@example.org', 'admin2@example.org', 'organizer@example.org', 'member@example.org')`;
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.display_name && row.headline && row.city_id).toBeTruthy();
      expect(row.skills).toBeGreaterThanOrEqual(2);
    }
  });

  it('adds 200 members spread over cities, skills and every audience, named in Cyrillic and in Latin letters', async () => {
    const [stats] = await t.sql`
      select count(*)::int as members,
             count(distinct coalesce(p.city_id, p.country_code))::int as places,
             count(*) filter (where p.display_name ~ '[А-Яа-яІіЎў]')::int as cyrillic,
             count(*) filter (where p.display_name ~ '^[A-Za-zŁłŠšŽžČčŚśĆćŃńŹźŬŭ ]+$')::int as latin,
             count(distinct p.identity_audience)::int as audiences,
             min((select count(*) from app.profile_skills s where s.profile_id = p.id))::int as fewest_skills
      from app.profiles p join auth.users u on u.id = p.id
      where u.email like 'demo-member-%@example.org'`;
    expect(stats).toMatchObject({ members: 200, audiences: 3 });
    expect(stats!.places).toBeGreaterThanOrEqual(40);
    expect(stats!.cyrillic).toBeGreaterThanOrEqual(90);
    expect(stats!.latin).toBeGreaterThanOrEqual(90);
    expect(stats!.fewest_skills).toBeGreaterThanOrEqual(3);
  });

  it('opens no profile without the matching consent', async () => {
    const rows = await t.sql`
      select p.id from app.profiles p
      where (p.identity_audience = 'members'
             and not exists (select 1 from app.consents c where c.user_id = p.id and c.purpose = 'visible_to_members'))
         or (p.identity_audience = 'organizers'
             and not exists (select 1 from app.consents c where c.user_id = p.id and c.purpose = 'visible_to_organizers'))`;
    expect(rows).toEqual([]);
  });

  it('runs once: a second call changes nothing', async () => {
    await seedOnce(t.sql);
    const [row] = await t.sql`select count(*)::int as n from auth.users`;
    expect(row?.n).toBe(204);
  });
});
