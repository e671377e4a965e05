import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity, Sql } from '../../app/platform/db/client.server';
import { createUser, openProfile } from '../support/factories';
import { createClient, decodeHtml, htmlLang, signInAs, translation, type HttpClient, type Page } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The organizer's search page over HTTP, as a browser without JavaScript uses it: a GET form
 * whose state is the URL. Members are written straight into the app's database; the organizer
 * signs in with the second factor. Checks who may see the page, what the cards show (and what
 * they never show), the cross-alphabet city filter in three languages, keyset pages, the
 * quota, and hostile query strings.
 */
const running = useSelfHostedApp();
let organizer: HttpClient;
let member: HttpClient;
let found: Identity;
let hidden: Identity;
let skillsHidden: Identity;

const CONTACT = '@lyasny_zubr_secret';
const FILLERS = 22;

async function seedMember(sql: Sql, name: string, options: { identity?: 'organizers' | 'only_me'; skills?: 'organizers' | 'only_me'; skill: string }) {
  const person = await createUser(sql, { displayName: name });
  await sql`update app.profiles set headline = ${`${name}: headline`}, city_id = 'vilnius', hours_per_week = 8, work_mode = 'remote'
            where id = ${person.userId}`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level) values (${person.userId}, ${options.skill}, 4)`;
  await sql`insert into app.profile_languages (profile_id, language_code, level) values (${person.userId}, 'pl', 'B2')`;
  await sql`insert into app.contact_channels (profile_id, kind, value) values (${person.userId}, 'telegram', ${CONTACT})`;
  const audiences = { identity: options.identity ?? 'organizers', skills: options.skills ?? 'organizers' };
  await openProfile(sql, person.userId, Object.fromEntries(Object.entries(audiences).filter(([, audience]) => audience !== 'only_me')));
  return person;
}

/** A GET that follows our own redirects (the page sends a query to its canonical form). */
async function visit(client: HttpClient, path: string, language: 'be' | 'en' | 'pl' = 'en'): Promise<Page & { path: string }> {
  let current = path;
  for (let hop = 0; hop < 3; hop++) {
    const page = await client.get(current, { headers: { 'Accept-Language': language } });
    if (page.status !== 302 || !page.location?.startsWith('/directory')) return { ...page, path: current };
    current = page.location;
  }
  throw new Error(`${path} keeps redirecting`);
}

const articles = (html: string) => [...html.matchAll(/<article\b[\s\S]*?<\/article>/g)].map(([article]) => article);
/** "<href> <name>" of the card's heading link. */
const headingOf = (article: string) => decodeHtml(/<h3\b[^>]*>\s*<a\b[^>]*\shref="([^"]+)"[^>]*>([^<]*)<\/a>\s*<\/h3>/.exec(article)?.slice(1).join(' ') ?? '');
/** The href of the "next page" link, if there is one. */
const nextLink = (html: string) => /<a\b(?=[^>]*\srel="next")[^>]*\shref="([^"]+)"/.exec(html)?.[1];
const searches = async (sql: Sql) => Number((await sql`select count(*) as n from app.audit_events where action = 'search'`)[0]!.n);

beforeAll(async () => {
  const sql = running.database.sql;
  found = await seedMember(sql, 'Лясны Зубр', { skill: 'criminal-law' });
  hidden = await seedMember(sql, 'Схаваная Асоба', { identity: 'only_me', skill: 'criminal-law' });
  skillsHidden = await seedMember(sql, 'Zakryta Umiejętność', { skills: 'only_me', skill: 'criminal-law' });
  for (let index = 1; index <= FILLERS; index++) await seedMember(sql, `Filler ${String(index).padStart(2, '0')}`, { skill: 'fact-checking' });

  const person = await createUser(sql, { roles: ['organizer'], displayName: 'Arhanizatar' });
  const secret = await giveVerifiedFactor(sql, person.userId);
  organizer = await signInWithSecondFactor(running.app.url, person.email, secret);
  member = await signInAs(running.app.url, (await createUser(sql, { displayName: 'Just A Member' })).email);
});

describe('/directory for an organizer with the second factor', () => {
  it.each(['be', 'en', 'pl'] as const)('finds the member typed in Cyrillic by "Wilno" and a skill, in %s', async (language) => {
    const page = await visit(organizer, '/directory?city=Wilno&skill=criminal-law', language);
    expect(page.status).toBe(200);
    expect(page.path).toBe('/directory?skill=criminal-law&city=Wilno');
    expect(htmlLang(page.body)).toBe(language);
    const cards = articles(page.body);
    expect(cards.map(headingOf)).toEqual([`/people/${found.userId} Лясны Зубр`]);
    const text = decodeHtml(page.body);
    expect(text).toContain(translation(language, 'directory:results.fewerThan').replace('{{count}}', '5'));
    expect(text).toContain(translation(language, 'directory:card.addToShortlist'));
    expect(page.body).toContain(`href="/organizer/shortlists/add?member=${found.userId}"`);
    expect(text).not.toContain('Схаваная Асоба');
    expect(text).not.toContain('Zakryta Umiejętność');
    expect(text).not.toContain(CONTACT);
    expect(text).not.toContain(hidden.userId);
    expect(text).not.toContain(skillsHidden.userId);
  });

  it('filters the same members whatever the city is typed as', async () => {
    for (const city of ['Вильнюс', 'Вільня', 'Vilnius', 'vilnius']) {
      const page = await visit(organizer, `/directory?${new URLSearchParams({ skill: 'criminal-law', city })}`);
      expect(articles(page.body).map(headingOf), city).toEqual([`/people/${found.userId} Лясны Зубр`]);
    }
  });

  it('shows the guide without searching when no filter is chosen', async () => {
    const before = await searches(running.database.sql);
    const page = await visit(organizer, '/directory');
    expect(page.status).toBe(200);
    const text = decodeHtml(page.body);
    expect(text).toContain(translation('en', 'directory:guide.title'));
    expect(text).toMatch(/You have \d+ searches left this hour/);
    expect(articles(page.body)).toHaveLength(0);
    expect(await searches(running.database.sql)).toBe(before);
  });

  it('pages with a cursor: a next-page link, then the rest and a way back to the first page', async () => {
    const first = await visit(organizer, '/directory?skill=fact-checking&sort=recent');
    expect(first.status).toBe(200);
    expect(decodeHtml(first.body)).toContain(`${FILLERS} members`);
    const firstNames = articles(first.body).map(headingOf);
    expect(firstNames).toHaveLength(20);
    const next = nextLink(first.body);
    expect(next).toMatch(/^\/directory\?skill=fact-checking&amp;sort=recent&amp;after=[\w-]+$/);
    const second = await visit(organizer, decodeHtml(next!));
    expect(second.status).toBe(200);
    const secondNames = articles(second.body).map(headingOf);
    expect(secondNames).toHaveLength(FILLERS - 20);
    expect(new Set([...firstNames, ...secondNames]).size).toBe(FILLERS);
    expect(decodeHtml(second.body)).toContain(translation('en', 'directory:pages.first'));
    expect(nextLink(second.body)).toBeUndefined();
  });

  it('shows facets whose links add a filter, and a "save this search" link without the cursor', async () => {
    const page = await visit(organizer, '/directory?skill=fact-checking');
    expect(page.body).toContain('href="/directory?skill=fact-checking&amp;lang=pl"');
    expect(page.body).toContain('href="/organizer/saved-searches/new?skill=fact-checking"');
  });

  it('answers garbage in the query with translated field errors or by ignoring it, never a 500', async () => {
    const fifty = Array.from({ length: 50 }, (_, index) => `skill=s${index}`).join('&');
    const hostile = [
      `q=${'x'.repeat(5000)}`,
      'q=%00%01%02%E2%80%AE&city=%0A%0D',
      fifty,
      'skill=no-such-skill&country=XX&lang=zz&direction=%3Cscript%3E',
      'hours=ten&skillLevel=99&langLevel=Z9&mode=both&sort=random&match=some',
      'after=%3Cscript%3Ealert(1)%3C%2Fscript%3E&skill=criminal-law',
      'after=eyJzb3J0IjoicmVsZXZhbmNlIn0&skill=criminal-law',
      'q[]=1&skill[a]=2&__proto__=x&constructor=y',
      '%E0%A4%A=broken&q=%ZZ',
    ];
    for (const query of hostile) {
      const page = await visit(organizer, `/directory?${query}`);
      expect(page.status, query).toBe(200);
      expect(page.body, query).not.toMatch(/at \S+ \(\S+:\d+:\d+\)/);
    }
    const refused = decodeHtml((await visit(organizer, '/directory?skill=no-such-skill&hours=ten&skill=criminal-law')).body);
    expect(refused).toContain(translation('en', 'directory:errors.summary'));
    expect(refused).toContain(translation('en', 'directory:errors.skillUnknown'));
    expect(refused).toContain(translation('en', 'directory:errors.hoursInvalid'));
    const long = decodeHtml((await visit(organizer, `/directory?q=${'я'.repeat(150)}`, 'pl')).body);
    expect(long).toContain(translation('pl', 'directory:errors.textTooLong'));
  });

  it('refuses the next search over the hourly quota with a translated 429, and raises the alert', async () => {
    const sql = running.database.sql;
    await sql`update app.quota_limits set "limit" = 1 where action = 'search'`;
    try {
      for (const language of ['be', 'en', 'pl'] as const) {
        const page = await visit(organizer, '/directory?skill=criminal-law', language);
        expect(page.status).toBe(429);
        expect(decodeHtml(page.body)).toContain(translation(language, 'directory:quota.title'));
        expect(decodeHtml(page.body)).not.toContain('Лясны Зубр');
      }
      const alerts = await sql`select 1 from app.audit_events where action = 'quota_exceeded' and detail ->> 'quota' = 'search'`;
      expect(alerts.length).toBeGreaterThan(0);
    } finally {
      await sql`update app.quota_limits set "limit" = 60 where action = 'search'`;
    }
  });
});

describe('/directory for anyone else', () => {
  it('is forbidden to a member, who learns no name', async () => {
    const page = await member.get('/directory?skill=criminal-law&city=Wilno');
    expect([403, 404]).toContain(page.status);
    expect(decodeHtml(page.body)).not.toContain('Лясны Зубр');
    expect(articles(page.body)).toHaveLength(0);
  });

  it('sends an organizer without the second factor in this session to give it', async () => {
    const person = await createUser(running.database.sql, { roles: ['organizer'] });
    await giveVerifiedFactor(running.database.sql, person.userId);
    const halfSignedIn = await signInAs(running.app.url, person.email);
    const page = await halfSignedIn.get('/directory?skill=criminal-law');
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/auth/second-factor?${new URLSearchParams({ redirectTo: '/directory?skill=criminal-law' })}`);
  });

  it('sends a visitor to sign in', async () => {
    const page = await createClient(running.app.url).get('/directory');
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
