import type { Sql } from '../../app/platform/db/client.server';
import { copyRows } from './copy';
import { eventsStep, dropGeneratedEvents } from './events';
import { cityWeights, GENERATED_DOMAIN, generateMember, type Member, type Reference } from './member';
import { createRandom } from './random';

/**
 * The generator's steps, run in order. Each is idempotent on its own: it looks at what is
 * already there and does only what is missing. Events (issue 6: 5,000 of them) come as one more
 * step once their tables exist.
 */
export type GenerateOptions = { profiles: number; seed: number; batch: number; jobs: number };
export type StepContext = { sql: Sql; options: GenerateOptions; log: (line: string) => void };
export type Step = { name: string; run(context: StepContext): Promise<void> };

const GENERATED_EMAILS = `%@${GENERATED_DOMAIN}`;

/** How many generated members the database holds, and whether they come from this seed. */
export async function generatedState(sql: Sql, seed: number) {
  const [row] = await sql`
    select count(*)::int as members,
           count(*) filter (where email like ${`member-${seed}-%`})::int as of_seed
    from auth.users where email like ${GENERATED_EMAILS}`;
  return { members: row!.members as number, ofSeed: row!.of_seed as number };
}

/** Drops every generated account; profiles and their lists, consents and roles go with it (cascade). */
export async function dropGenerated(sql: Sql, log: (line: string) => void) {
  // Events first: their organizers are generated accounts too.
  await dropGeneratedEvents(sql, log);
  const started = performance.now();
  const deleted = await sql`delete from auth.users where email like ${GENERATED_EMAILS}`;
  log(`Dropped ${deleted.count} generated accounts in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

async function readReference(sql: Sql): Promise<Reference> {
  const cities = await sql`select id, country_code from app.cities order by id`;
  const skills = await sql`select id, category_id from app.skills order by id`;
  const skillsByCategory = new Map<string, string[]>();
  for (const s of skills) {
    const list = skillsByCategory.get(s.category_id as string) ?? [];
    list.push(s.id as string);
    skillsByCategory.set(s.category_id as string, list);
  }
  return { cities: cities.map((c) => ({ id: c.id as string, countryCode: c.country_code as string })), skillsByCategory };
}

/**
 * Members, one transaction per batch, through the app's own path: COPY into auth.users (the
 * trigger gives each a hidden profile and the member role), COPY the consents, then the profile
 * columns (COPY into a temporary table and one UPDATE: the consent trigger checks every opened
 * part), then the lists by COPY (the per-profile limit triggers run).
 */
async function writeBatch(sql: Sql, members: Member[], timings: Map<string, number>) {
  let mark = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    timings.set(label, (timings.get(label) ?? 0) + now - mark);
    mark = now;
  };
  await sql.begin(async (tx) => {
    await copyRows(tx, 'auth.users',
      ['id', 'aud', 'role', 'email', 'email_confirmed_at', 'created_at', 'updated_at', 'raw_app_meta_data', 'raw_user_meta_data'],
      members.map((m) => [m.id, 'authenticated', 'authenticated', m.email, m.createdAt, m.createdAt, m.updatedAt,
        '{"provider":"email","providers":["email"],"generated":true}', '{}']));
    lap('auth.users (trigger: profiles, roles)');
    await copyRows(tx, 'app.consents', ['user_id', 'purpose', 'version', 'granted_at'],
      members.flatMap((m) => {
        const audiences = new Set([m.identityAudience, m.skillsAudience]);
        return (['members', 'organizers'] as const)
          .filter((a) => audiences.has(a))
          .map((a) => [m.id, `visible_to_${a}`, 'v1', m.createdAt] as const);
      }));
    lap('consents');
    await tx`create temporary table generated_profiles (
      id uuid, display_name text, headline text, city_id text, country_code text, work_mode app.work_mode,
      hours_per_week smallint, identity_audience app.audience, skills_audience app.audience, created_at timestamptz, updated_at timestamptz
    ) on commit drop`;
    await copyRows(tx, 'generated_profiles',
      ['id', 'display_name', 'headline', 'city_id', 'country_code', 'work_mode', 'hours_per_week', 'identity_audience', 'skills_audience', 'created_at', 'updated_at'],
      members.map((m) => [m.id, m.displayName, m.headline, m.cityId, m.countryCode, m.workMode, m.hoursPerWeek,
        m.identityAudience, m.skillsAudience, m.createdAt, m.updatedAt]));
    await tx`
      update app.profiles p
      set display_name = g.display_name, headline = g.headline, city_id = g.city_id, country_code = g.country_code,
          work_mode = g.work_mode, hours_per_week = g.hours_per_week, identity_audience = g.identity_audience,
          skills_audience = g.skills_audience, created_at = g.created_at, updated_at = g.updated_at
      from generated_profiles g where p.id = g.id`;
    lap('profiles (temporary table, update)');
    await copyRows(tx, 'app.profile_skills', ['profile_id', 'skill_id', 'level', 'years'],
      members.flatMap((m) => m.skills.map((s) => [m.id, s.id, s.level, s.years] as const)));
    lap('profile_skills');
    await copyRows(tx, 'app.profile_languages', ['profile_id', 'language_code', 'level'],
      members.flatMap((m) => m.languages.map((l) => [m.id, l.code, l.level] as const)));
    await copyRows(tx, 'app.profile_directions', ['profile_id', 'direction_id'],
      members.flatMap((m) => m.directions.map((d) => [m.id, d] as const)));
    await copyRows(tx, 'app.profile_tags', ['profile_id', 'tag'],
      members.flatMap((m) => m.tags.map((t) => [m.id, t] as const)));
    lap('languages, directions, tags');
  });
  lap('commit');
}

export const membersStep: Step = {
  name: 'members',
  async run({ sql, options, log }) {
    const state = await generatedState(sql, options.seed);
    if (state.members === options.profiles && state.ofSeed === options.profiles) {
      log(`${options.profiles} generated members of seed ${options.seed} are already there.`);
      return;
    }
    if (state.members > 0) await dropGenerated(sql, log);
    const reference = await readReference(sql);
    const cities = cityWeights(reference);
    const started = performance.now();
    const timings = new Map<string, number>();
    let written = 0;
    let nextBatch = 0;
    const batches = Math.ceil(options.profiles / options.batch);
    // Each batch has its own random stream (seed, batch), so parallel writers stay deterministic.
    async function worker() {
      while (nextBatch < batches) {
        const batch = nextBatch++;
        const random = createRandom(options.seed * 1_000_003 + batch);
        const from = batch * options.batch;
        const to = Math.min(options.profiles, from + options.batch);
        const members: Member[] = [];
        const generating = performance.now();
        for (let i = from; i < to; i++) members.push(generateMember(random, options.seed, i, reference, cities));
        timings.set('generate in Node', (timings.get('generate in Node') ?? 0) + performance.now() - generating);
        await writeBatch(sql, members, timings);
        written += members.length;
        const seconds = (performance.now() - started) / 1000;
        log(`${written} / ${options.profiles} members (${Math.round(written / seconds)} a second)`);
      }
    }
    await Promise.all(Array.from({ length: options.jobs }, worker));
    const seconds = (performance.now() - started) / 1000;
    log(`Members: ${options.profiles} in ${seconds.toFixed(1)} s, ${Math.round(options.profiles / seconds)} a second.`);
    // Summed over the parallel writers, so the parts add up to about jobs × the wall time.
    for (const [label, ms] of timings) log(`  ${label}: ${(ms / 1000).toFixed(1)} s`);
  },
};

/** Fresh statistics and a clean GIN pending list, so the planner sees the data as it is (decision 013). */
export const analyzeStep: Step = {
  name: 'vacuum analyze',
  async run({ sql, log }) {
    const started = performance.now();
    for (const table of ['auth.users', 'app.profiles', 'app.consents', 'app.profile_skills', 'app.profile_languages',
      'app.profile_directions', 'app.profile_tags', 'app.user_roles', 'app.directory_arrivals']) {
      await sql.unsafe(`vacuum (analyze) ${table}`);
    }
    log(`Vacuum and analyze in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  },
};

/** The steps of `npm run db:generate`, in order. */
export const GENERATE_STEPS: Step[] = [
  membersStep,
  eventsStep,
  analyzeStep,
];
