import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Identity } from '../../app/platform/db/client.server';
import { prepareBaseline } from '../../scripts/bench/baseline';
import { prepareOrganizers } from '../../scripts/bench/organizers';
import { QUERY_MIX } from '../../scripts/bench/queries';
import { timeQueries } from '../../scripts/bench/run';
import { generatedEventsState } from '../../scripts/data/events';
import { eventCount, organizerCount } from '../../scripts/data/events-model';
import { generatedState } from '../../scripts/data/steps';
import { generate } from '../../scripts/generate-data';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

/**
 * The data generator at smoke size (issue 6, acceptance 1): 2,000 members through the app's own
 * triggers, spread roughly as designed, every row valid, every opened part backed by its
 * consent, and findable exactly as their audiences say. Also one pass of the benchmark's query
 * mix, ours against the baseline, which must find the same members for the structured filters.
 * And the events step: one event per 100 members, organized by generated organizers, with
 * registrations that follow the sign-up rules (capacity, waitlist order, retention).
 */

const PROFILES = 2_000;
const quiet = () => {};

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await generate(t.sql, { profiles: PROFILES, seed: 7, batch: 700, jobs: 2 }, quiet);
}, 180_000);
afterAll(() => t.drop());

/** Share of generated profiles matching a condition on p (app.profiles). */
async function share(condition: string) {
  const [row] = await t.sql.unsafe(`
    select avg(case when ${condition} then 1.0 else 0 end)::float as share
    from app.profiles p join auth.users u on u.id = p.id where u.email like '%@generated.talaka.invalid'`);
  return row!.share as number;
}

describe('generated members', () => {
  it('are all there, each with a name, one to eight skills and Belarusian among the languages', async () => {
    expect(await generatedState(t.sql, 7)).toEqual({ members: PROFILES, ofSeed: PROFILES });
    const [row] = await t.sql`
      select count(*)::int as profiles,
             count(*) filter (where p.display_name is null)::int as unnamed,
             min((select count(*) from app.profile_skills s where s.profile_id = p.id))::int as fewest_skills,
             max((select count(*) from app.profile_skills s where s.profile_id = p.id))::int as most_skills,
             count(*) filter (where not exists (select 1 from app.profile_languages l
                                                where l.profile_id = p.id and l.language_code = 'be'))::int as without_be,
             (select count(*) from app.user_roles r where r.role = 'member')::int as members
      from app.profiles p`;
    expect(row).toMatchObject({ profiles: PROFILES, unnamed: 0, fewest_skills: 1, without_be: 0, members: PROFILES });
    expect(row!.most_skills).toBeLessThanOrEqual(8);
    expect(row!.most_skills).toBeGreaterThanOrEqual(6);
  });

  it('live mostly in Warsaw and Vilnius, some name only a country', async () => {
    const [top] = await t.sql`select city_id from app.profiles where city_id is not null group by city_id order by count(*) desc limit 2`.then(
      (rows) => [rows.map((r) => r.city_id).sort()]);
    expect(top).toEqual(['vilnius', 'warsaw']);
    expect(await share(`p.city_id = 'warsaw'`)).toBeGreaterThan(0.13);
    expect(await share(`p.city_id = 'warsaw'`)).toBeLessThan(0.27);
    expect(await share(`p.country_code is not null`)).toBeGreaterThan(0.04);
    expect(await share(`p.country_code is not null`)).toBeLessThan(0.13);
    const [tail] = await t.sql`select count(distinct city_id)::int as n from app.profiles`;
    expect(tail!.n).toBeGreaterThan(40);
  });

  it('write their names in Cyrillic, Łacinka, Latin and Polish spellings', async () => {
    const cyrillic = await share(`p.display_name ~ '[а-яіўё]'`);
    expect(cyrillic).toBeGreaterThan(0.3);
    expect(cyrillic).toBeLessThan(0.6);
    expect(await share(`p.display_name ~ '[ŭčšž]'`)).toBeGreaterThan(0.03);   // Łacinka
    expect(await share(`p.display_name ~ '(kh|zh|sh|ts)'`)).toBeGreaterThan(0.05); // English transliteration
    expect(await share(`p.display_name ~ '(sz|cz|ż|w)'`)).toBeGreaterThan(0.05);   // Polish
  });

  it('have skills whose level follows their years', async () => {
    const [row] = await t.sql`
      select avg(years) filter (where level = 4)::float as expert_years, avg(years) filter (where level = 1)::float as learner_years
      from app.profile_skills`;
    expect(row!.expert_years).toBeGreaterThan(row!.learner_years + 5);
  });

  it('open their parts about 60 / 20 / 20, each opened part backed by its consent', async () => {
    const organizers = await share(`p.identity_audience = 'organizers'`);
    expect(organizers).toBeGreaterThan(0.5);
    expect(organizers).toBeLessThan(0.7);
    expect(await share(`p.identity_audience = 'only_me'`)).toBeGreaterThan(0.12);
    const [row] = await t.sql`
      select count(*) filter (where 'organizers' in (p.identity_audience::text, p.skills_audience::text) and not exists (
               select 1 from app.consents c where c.user_id = p.id and c.purpose = 'visible_to_organizers'))::int as unbacked,
             (select count(*) from app.consents c join app.profiles q on q.id = c.user_id
              where c.purpose = 'visible_to_members' and 'members' not in (q.identity_audience::text, q.skills_audience::text))::int as needless
      from app.profiles p`;
    expect(row).toEqual({ unbacked: 0, needless: 0 });
  });

  it('are found by an organizer exactly as their audiences say', async () => {
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    await t.sql`update app.quota_limits set "limit" = 100000 where action = 'search'`;
    const [expected] = await t.sql`
      select count(*) filter (where identity_audience in ('organizers', 'members'))::int as findable,
             count(*) filter (where skills_audience in ('organizers', 'members') and identity_audience in ('organizers', 'members')
                               and city_id = 'warsaw')::int as in_warsaw
      from app.profiles where id <> ${organizer.userId}`;
    const db = createDb(t.sql);
    const search = (filters: object) =>
      db.asUser(organizer, async (tx) => (await tx`select app.organizer_search(${filters as never}::jsonb, null, 20, false) as r`)[0]!.r);
    expect((await search({})).total).toBe(expected!.findable);
    expect((await search({ city: 'Warszawa' })).total).toBe(expected!.in_warsaw);
  });

  it('are a member like any other to the member viewer: hidden parts stay hidden', async () => {
    const member = await createUser(t.sql);
    const [hidden] = await t.sql`select id from app.profiles where identity_audience = 'only_me' and skills_audience = 'only_me' and display_name is not null limit 1`;
    const [open] = await t.sql`select id, display_name from app.profiles where identity_audience = 'members' limit 1`;
    const db = createDb(t.sql);
    const view = (id: string) => db.asUser(member, async (tx) => (await tx`select app.profile_for_viewer(${id}) as v`)[0]!.v);
    expect(await view(hidden!.id)).toBeNull();
    expect(await view(open!.id)).toMatchObject({ display_name: open!.display_name });
  });

  it('are not written twice: the same options again change nothing', async () => {
    const [before] = await t.sql`select count(*)::int as n, max(id::text) as last from app.profiles`;
    await generate(t.sql, { profiles: PROFILES, seed: 7, batch: 700, jobs: 2 }, quiet);
    const [after] = await t.sql`select count(*)::int as n, max(id::text) as last from app.profiles`;
    expect(after).toEqual(before);
  });
});

describe('generated events', () => {
  it('are one per 100 members, organized by generated members holding the organizer power', async () => {
    expect(await generatedEventsState(t.sql)).toMatchObject({ events: eventCount(PROFILES), organizers: organizerCount(PROFILES) });
    expect(eventCount(500_000)).toBe(5_000);
    expect(organizerCount(500_000)).toBe(250);
    const [row] = await t.sql`
      select count(*) filter (where not exists (
               select 1 from app.event_organizers o join app.user_roles r on r.user_id = o.organizer_id and r.role = 'organizer'
               join auth.users u on u.id = o.organizer_id
               where o.event_id = e.id and u.email like '%@generated.talaka.invalid'))::int as without_generated_organizer,
             count(*) filter (where e.created_by is null)::int as without_creator
      from app.events e`;
    expect(row).toEqual({ without_generated_organizer: 0, without_creator: 0 });
  });

  it('take 10 to 300 people, start within six months either way, in their city\'s zone, written in one to three languages', async () => {
    const [row] = await t.sql`
      select min(capacity)::int as min_capacity, max(capacity)::int as max_capacity,
             bool_and(starts_at between now() - interval '190 days' and now() + interval '190 days') as within_a_year,
             bool_and(exists (select 1 from pg_timezone_names z where z.name = e.time_zone)) as zones_known,
             bool_and(extract(hour from starts_at at time zone time_zone) between 10 and 19) as local_hours,
             bool_and(e.city_id <> 'warsaw' or e.time_zone = 'Europe/Warsaw') as warsaw_in_warsaw_time,
             bool_and(online = (city_id is null)) as online_or_placed,
             min(num_nonnulls(title_be, title_en, title_pl))::int as fewest_languages,
             count(*) filter (where starts_at < now())::int as past,
             count(*) filter (where starts_at > now())::int as upcoming
      from app.events e`;
    expect(row).toMatchObject({ within_a_year: true, zones_known: true, local_hours: true, warsaw_in_warsaw_time: true, online_or_placed: true, fewest_languages: 1 });
    expect(row!.min_capacity).toBeGreaterThanOrEqual(10);
    expect(row!.max_capacity).toBeLessThanOrEqual(300);
    expect(row!.past).toBeGreaterThan(0);
    expect(row!.upcoming).toBeGreaterThan(0);
  });

  it('have registrations that keep the sign-up rules: never over capacity, a waitlist only when full and in arrival order', async () => {
    const rows = await t.sql`
      select e.id, e.capacity,
             count(r.*) filter (where r.status = 'confirmed')::int as confirmed,
             count(r.*) filter (where r.status = 'waitlisted')::int as waitlisted,
             count(r.*) filter (where r.status = 'confirmed' and r.checkin_code_hash is null)::int as confirmed_without_code,
             coalesce(max(r.queue_no) filter (where r.status = 'confirmed') < min(r.queue_no) filter (where r.status = 'waitlisted'), true) as in_order,
             count(r.*) filter (where r.status in ('pending', 'declined') and not e.approval_required)::int as needless_approval
      from app.events e left join app.event_registrations r on r.event_id = e.id
      group by e.id`;
    const registered = rows.reduce((sum, r) => sum + r.confirmed + r.waitlisted, 0);
    expect(registered).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.confirmed, r.id).toBeLessThanOrEqual(r.capacity);
      if (r.waitlisted > 0) expect(r.confirmed, r.id).toBe(r.capacity);
      expect(r).toMatchObject({ confirmed_without_code: 0, in_order: true, needless_approval: 0 });
    }
  });

  it('forget who came 30 days after the end, keeping anonymous totals, as the retention job does', async () => {
    const [row] = await t.sql`
      select count(*) filter (where e.ends_at < now() - interval '33 days'
                                and exists (select 1 from app.event_registrations r where r.event_id = e.id))::int as old_with_people,
             count(*) filter (where e.ends_at < now() - interval '33 days'
                                and not exists (select 1 from app.event_totals x where x.event_id = e.id))::int as old_without_totals
      from app.events e`;
    expect(row).toEqual({ old_with_people: 0, old_without_totals: 0 });
  });
});

describe('the benchmark at smoke size', () => {
  let organizers: Identity[];
  beforeAll(async () => {
    organizers = await prepareOrganizers(t.sql, 2);
    await prepareBaseline(t.sql, quiet);
  }, 120_000);

  it('runs the whole mix as organizers; the baseline finds the same members for structured filters', async () => {
    const results = await timeQueries(t.sql, organizers, QUERY_MIX, { iterations: 1, baselineIterations: 1, warmup: 0, baselineWarmup: 0, log: quiet });
    expect(results.map((r) => r.name)).toEqual(QUERY_MIX.map((q) => q.name));
    const shown = (n: number) => (n === 0 || n >= 5 ? n : 'lt5');
    for (const result of results) {
      expect(result.ours.n).toBeGreaterThan(0);
      expect(result.ours.p95).toBeGreaterThan(0);
      if (!QUERY_MIX.find((q) => q.name === result.name)!.filters.q) {
        expect(result.ours.total, result.name).toEqual(shown(result.baseline!.total));
      }
    }
    // Across alphabets: the Cyrillic and the Latin spelling of one surname find the same members.
    const cyrillic = results.find((r) => r.name === 'free text Cyrillic, facets')!;
    const latin = results.find((r) => r.name === 'free text Latin, facets')!;
    expect(cyrillic.ours.total).toEqual(latin.ours.total);
    expect(cyrillic.ours.total).not.toBe(0);
    // Every call was audited, as the app's are.
    const [audit] = await t.sql`select count(*)::int as n from app.audit_events e
      where e.action = 'search' and e.actor in ${t.sql(organizers.map((o) => o.userId))}`;
    expect(audit!.n).toBeGreaterThanOrEqual(QUERY_MIX.length);
  });
});
