import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser, openProfile } from '../support/factories';
import { createClient, decodeHtml, signInAs, translation } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The talent map page over HTTP (acceptance 11): a real table with caption and headers in each
 * language for an organizer with the second factor; nobody else sees it; no count from 1 to 4
 * reaches the HTML, not even in the data the page hydrates from; over quota, a translated 429.
 */
const running = useSelfHostedApp();
const sql = () => running.database.sql;

async function veteranOrganizer() {
  const organizer = await createUser(sql(), { roles: ['organizer'] });
  await sql()`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId} and role = 'organizer'`;
  const secret = await giveVerifiedFactor(sql(), organizer.userId);
  return { ...organizer, secret };
}

/** A city of the test's own with `n` open members who have `skill`. */
async function openMembers(city: string, n: number, skill: string) {
  for (let i = 0; i < n; i++) {
    const person = await createUser(sql());
    await openProfile(sql(), person.userId, { identity: 'organizers', skills: 'organizers' });
    await sql()`update app.profiles set city_id = ${city} where id = ${person.userId}`;
    await sql()`insert into app.profile_skills (profile_id, skill_id, level) values (${person.userId}, ${skill}, 2)`;
  }
}

async function cityWithSevenAndThree() {
  const city = `test-${randomUUID().slice(0, 8)}`;
  await sql()`insert into app.cities (id, country_code, name_be, name_en, name_pl) values (${city}, 'LT', 'Тэставе', 'Testville', 'Testowo')`;
  const rows = await sql()`select s.id, s.category_id from app.skills s join app.skill_categories c on c.id = s.category_id order by c.position, s.id`;
  const other = rows.find((row) => row.category_id !== rows[0]!.category_id)!;
  await openMembers(city, 7, rows[0]!.id);
  await openMembers(city, 3, other.id);
  return city;
}

const cellTexts = (html: string) => [...html.matchAll(/<td\b[^>]*>(.*?)<\/td>/gs)].map((match) => decodeHtml(match[1]!.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim());

describe('an organizer with the second factor', () => {
  // First: no city has 5 open members yet in this file's database.
  it('sees the empty state while no city has 5 members open to organizers', async () => {
    const organizer = await veteranOrganizer();
    const browser = await signInWithSecondFactor(running.app.url, organizer.email, organizer.secret, { language: 'pl' });
    const page = await browser.get('/directory/map');
    expect(page.status).toBe(200);
    expect(decodeHtml(page.body)).toContain(translation('pl', 'talentMap:empty.title'));
    expect(page.body).not.toMatch(/<table\b/);
  });

  it('sees the map as a table with caption and headers, in be, en and pl', async () => {
    const city = await cityWithSevenAndThree();
    const organizer = await veteranOrganizer();
    const browser = await signInWithSecondFactor(running.app.url, organizer.email, organizer.secret, { language: 'en' });
    const names = { be: 'Тэставе', en: 'Testville', pl: 'Testowo' } as const;
    const lithuania = { be: 'Літва', en: 'Lithuania', pl: 'Litwa' } as const;
    for (const language of ['be', 'en', 'pl'] as const) {
      const page = await browser.get(`/directory/map?lng=${language}`);
      expect(page.status, language).toBe(200);
      const html = page.body;
      const text = decodeHtml(html);
      expect(html).toMatch(/<table\b/);
      expect(html).toMatch(/<caption\b[^>]*>/);
      expect(html).toMatch(/<th scope="col"/);
      expect(html).toMatch(/<th scope="row"/);
      expect(text).toContain(translation(language, 'talentMap:city'));
      expect(text).toContain(names[language]);
      expect(text).toContain(lithuania[language]);
      expect(text).toContain(translation(language, 'talentMap:fewerThanFive'));
      expect(text).toContain(translation(language, 'talentMap:legend.title'));
      expect(html).toContain(`href="/directory?city=${city}"`);
      expect(html).toContain('aria-label="' + decodeHtml(translation(language, 'common:nav.organizerLabel')) + '"');
    }
    const audited = await sql()`select 1 from app.audit_events where actor = ${organizer.userId} and action = 'talent_map'`;
    expect(audited).toHaveLength(3);
  });

  it('never finds a count from 1 to 4 in the page, not even in its data', async () => {
    await cityWithSevenAndThree();
    const organizer = await veteranOrganizer();
    const browser = await signInWithSecondFactor(running.app.url, organizer.email, organizer.secret, { language: 'en' });
    const page = await browser.get('/directory/map');
    expect(page.status).toBe(200);
    const cells = cellTexts(page.body);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell === `<5 ${translation('en', 'talentMap:fewerThanFive')}` || Number(cell.replace(/,/g, '')) === 0 || Number(cell.replace(/,/g, '')) >= 5, cell).toBe(true);
    }
    expect(cells).toContain('7');
    expect(page.body).not.toMatch(/"(?:text|totalText)":"[1-4]"/);
    expect(page.body).not.toMatch(/"exact":[1-4][,}]/);
  });

  it('over the hourly quota gets a translated 429, and the alert is recorded', async () => {
    const organizer = await veteranOrganizer();
    await sql()`insert into app.audit_events (actor, action, at)
                select ${organizer.userId}, 'talent_map', now() - interval '5 minutes' from generate_series(1, 60)`;
    const browser = await signInWithSecondFactor(running.app.url, organizer.email, organizer.secret, { language: 'pl' });
    const page = await browser.get('/directory/map');
    expect(page.status).toBe(429);
    expect(decodeHtml(page.body)).toContain(translation('pl', 'talentMap:quota.title'));
    expect(page.body).not.toMatch(/<table\b/);
    const alerts = await sql()`select detail from app.audit_events where actor = ${organizer.userId} and action = 'quota_exceeded'`;
    expect(alerts.map((row) => row.detail)).toEqual([{ alert: true, quota: 'talent_map' }]);
  });
});

describe('everyone else', () => {
  it('a member gets 403 and nothing is audited', async () => {
    const member = await createUser(sql());
    const browser = await signInAs(running.app.url, member.email, { language: 'en' });
    const page = await browser.get('/directory/map');
    expect(page.status).toBe(403);
    expect(page.body).not.toMatch(/<table\b/);
    expect(await sql()`select 1 from app.audit_events where actor = ${member.userId}`).toHaveLength(0);
  });

  it('an organizer without the second factor is sent to give it', async () => {
    const organizer = await veteranOrganizer();
    const browser = await signInAs(running.app.url, organizer.email, { language: 'en' });
    const page = await browser.get('/directory/map');
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/auth/second-factor?${new URLSearchParams({ redirectTo: '/directory/map' })}`);
  });

  it('a visitor is sent to sign in', async () => {
    const page = await createClient(running.app.url).get('/directory/map');
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
