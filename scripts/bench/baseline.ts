import type { Sql, Tx } from '../../app/platform/db/client.server';

/**
 * The baseline of acceptance 3: the same searches written the way a typical Supabase app would
 * write them. The profile data is copied into schema `bench_baseline` (created here, never by a
 * migration), readable by `authenticated` through per-row policies that call a plpgsql role
 * check reading auth.uid() for every row; filters are plain SELECTs with ILIKE '%…%' and no
 * search key, ordinary b-tree indexes on the foreign keys and the filter columns, no trigram or
 * full-text index, offset pagination, and one query per count and facet.
 */
export const BASELINE_SCHEMA = 'bench_baseline';

/** Creates (or refreshes, when the row counts differ) the baseline copy. Returns seconds spent. */
export async function prepareBaseline(sql: Sql, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  const [state] = await sql`
    select to_regclass('bench_baseline.profiles') is not null as present,
           (select count(*) from app.profiles)::int as profiles`;
  if (state!.present) {
    const [copy] = await sql`select count(*)::int as n from bench_baseline.profiles`;
    if (copy!.n === state!.profiles) return 0;
  }
  log('Building the baseline schema bench_baseline (a plain copy of the profile tables)…');
  await sql.begin(async (tx) => {
    await tx.unsafe(`
      drop schema if exists bench_baseline cascade;
      create schema bench_baseline;
      comment on schema bench_baseline is 'Benchmark only (scripts/bench): the search as a typical Supabase app writes it.';
      grant usage on schema bench_baseline to authenticated;

      create table bench_baseline.profiles as
        select id, display_name, headline, city_id, country_code, work_mode, hours_per_week,
               identity_audience, skills_audience, updated_at
        from app.profiles;
      alter table bench_baseline.profiles add primary key (id);
      create table bench_baseline.profile_skills as select profile_id, skill_id, level from app.profile_skills;
      alter table bench_baseline.profile_skills add primary key (profile_id, skill_id);
      create table bench_baseline.profile_languages as select profile_id, language_code, level from app.profile_languages;
      alter table bench_baseline.profile_languages add primary key (profile_id, language_code);
      create table bench_baseline.profile_directions as select profile_id, direction_id from app.profile_directions;
      alter table bench_baseline.profile_directions add primary key (profile_id, direction_id);
      create table bench_baseline.profile_tags as select profile_id, tag from app.profile_tags;
      alter table bench_baseline.profile_tags add primary key (profile_id, tag);

      -- The indexes a careful typical app has: foreign keys and the columns it filters on.
      create index on bench_baseline.profiles (city_id);
      create index on bench_baseline.profiles (country_code);
      create index on bench_baseline.profiles (updated_at desc, id desc);
      create index on bench_baseline.profile_skills (skill_id);
      create index on bench_baseline.profile_languages (language_code);
      create index on bench_baseline.profile_directions (direction_id);

      -- The usual role check: a function the policies call, reading auth.uid() each time.
      create function bench_baseline.is_organizer() returns boolean
      language plpgsql stable
      as $$ begin
        return exists (select 1 from app.user_roles r where r.user_id = auth.uid() and r.role = 'organizer');
      end $$;
      grant execute on function bench_baseline.is_organizer() to authenticated;
    `);
    await tx.unsafe(`
      alter table bench_baseline.profiles enable row level security;
      create policy "Organizers read open profiles" on bench_baseline.profiles for select to authenticated
        using (bench_baseline.is_organizer() and identity_audience in ('organizers', 'members') and display_name is not null
               and id <> auth.uid());
      grant select on bench_baseline.profiles to authenticated;
    `);
    for (const table of ['profile_skills', 'profile_languages', 'profile_directions', 'profile_tags']) {
      await tx.unsafe(`
        alter table bench_baseline.${table} enable row level security;
        create policy "Organizers read open lists" on bench_baseline.${table} for select to authenticated
          using (bench_baseline.is_organizer() and exists (
            select 1 from bench_baseline.profiles p where p.id = profile_id and p.skills_audience in ('organizers', 'members')));
        grant select on bench_baseline.${table} to authenticated;
      `);
    }
  });
  for (const table of ['profiles', 'profile_skills', 'profile_languages', 'profile_directions', 'profile_tags']) {
    await sql.unsafe(`vacuum (analyze) bench_baseline.${table}`);
  }
  const seconds = (performance.now() - started) / 1000;
  log(`Baseline ready in ${seconds.toFixed(1)} s.`);
  return seconds;
}

type Filters = {
  q?: string; skills?: string[]; skillMatch?: 'any' | 'all'; minSkillLevel?: number; city?: string; country?: string;
  language?: string; minLanguageLevel?: string; direction?: string; workMode?: string; minHours?: number; sort?: string;
};

/**
 * One directory call as a typical app makes it: resolve the city by ILIKE on its names, one
 * SELECT for the page (offset, nested lists), one for the total, four for the facets.
 */
export async function baselineSearch(tx: Tx, filters: Filters, page: number, facets: boolean) {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let skillsPart = false;
  if (filters.q) {
    const like = param(`%${filters.q}%`);
    where.push(`(p.display_name ilike ${like} or p.headline ilike ${like}
      or exists (select 1 from bench_baseline.profile_tags t where t.profile_id = p.id and t.tag ilike ${like}))`);
  }
  if (filters.skills?.length) {
    const level = param(filters.minSkillLevel ?? 1);
    const conditions = filters.skills.map((skill) =>
      `exists (select 1 from bench_baseline.profile_skills s where s.profile_id = p.id and s.skill_id = ${param(skill)} and s.level >= ${level})`);
    where.push(`(${conditions.join(filters.skillMatch === 'all' ? ' and ' : ' or ')})`);
    skillsPart = true;
  }
  if (filters.city) {
    const like = param(filters.city);
    where.push(`p.city_id in (select c.id from app.cities c where c.id = ${like} or c.name_be ilike ${like}
      or c.name_en ilike ${like} or c.name_pl ilike ${like} or ${like} ilike any (c.aliases))`);
    skillsPart = true;
  }
  if (filters.language) {
    where.push(`exists (select 1 from bench_baseline.profile_languages l where l.profile_id = p.id
      and l.language_code = ${param(filters.language)} and l.level >= ${param(filters.minLanguageLevel ?? 'A1')}::app.language_level)`);
    skillsPart = true;
  }
  if (filters.direction) {
    where.push(`exists (select 1 from bench_baseline.profile_directions d where d.profile_id = p.id and d.direction_id = ${param(filters.direction)})`);
    skillsPart = true;
  }
  if (filters.workMode) {
    where.push(`p.work_mode::text in (${param(filters.workMode)}, 'both')`);
    skillsPart = true;
  }
  if (filters.minHours) {
    where.push(`p.hours_per_week >= ${param(filters.minHours)}`);
    skillsPart = true;
  }
  if (skillsPart) where.push(`p.skills_audience in ('organizers', 'members')`);
  const condition = where.join(' and ');
  const size = 20;
  const cards = await tx.unsafe(`
    select p.id, p.display_name, p.headline, p.city_id, p.work_mode, p.hours_per_week,
      (select json_agg(json_build_object('id', s.skill_id, 'level', s.level)) from bench_baseline.profile_skills s where s.profile_id = p.id) as skills,
      (select json_agg(json_build_object('code', l.language_code, 'level', l.level)) from bench_baseline.profile_languages l where l.profile_id = p.id) as languages,
      (select json_agg(d.direction_id) from bench_baseline.profile_directions d where d.profile_id = p.id) as directions
    from bench_baseline.profiles p where ${condition}
    order by p.updated_at desc, p.id desc offset ${(page - 1) * size} limit ${size + 1}`, params as never[]);
  const [total] = await tx.unsafe(`select count(*)::int as n from bench_baseline.profiles p where ${condition}`, params as never[]);
  if (facets) {
    const open = `${condition} and p.skills_audience in ('organizers', 'members')`;
    await tx.unsafe(`select p.city_id, count(*) from bench_baseline.profiles p where ${open} and p.city_id is not null
      group by p.city_id order by 2 desc limit 15`, params as never[]);
    for (const [table, column] of [['profile_skills', 'skill_id'], ['profile_languages', 'language_code'], ['profile_directions', 'direction_id']]) {
      await tx.unsafe(`select x.${column}, count(*) from bench_baseline.${table} x join bench_baseline.profiles p on p.id = x.profile_id
        where ${open} group by x.${column} order by 2 desc limit 15`, params as never[]);
    }
  }
  return { total: total!.n as number, cards: cards.length };
}
