-- =====================================================================================
-- Search speed at half a million profiles (issue 6, decision 027).
--
-- 1. Covering partial indexes on the members a skills-part filter can find (identity and skills
--    part open, a display name): a city or country filter becomes an index-only scan instead of a
--    heap scan of every member of Warsaw. The predicates of app.directory_matches() are written
--    exactly as these indexes' WHERE, so the planner can prove the match.
-- 2. app.directory_matches() also returns the member's city (for the skills part), so the city
--    facet reads it from the match set instead of probing app.profiles once per match.
-- 3. Free text on names: only word similarity (`%>`, threshold 0.6). Plain similarity (`%`, 0.3)
--    made the trigram index return every name sharing three trigrams with the query (a common
--    surname ending such as -kevič gave 100,000 candidates at 500,000 members); whatever it found
--    above 0.6 word similarity is found anyway. Ranking still uses the greater of the two.
-- 4. The list limits (30 skills, 20 tags) are checked once per statement with a transition
--    table and one grouped count, instead of one dynamic count per inserted row.
-- 5. The matching runs without parallel workers (see the function).
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- 1. Covering partial indexes for place filters.
-- -------------------------------------------------------------------------------------
create index profiles_findable_by_city
  on app.profiles (city_id, id) include (updated_at, skills_audience)
  where identity_audience in ('organizers', 'members') and skills_audience in ('organizers', 'members')
    and display_name is not null and city_id is not null;
comment on index app.profiles_findable_by_city is
  'Directory: members with identity and skills part open, by city; covers the match columns (index-only scans).';

create index profiles_findable_by_country
  on app.profiles (country_code, id) include (updated_at, skills_audience, city_id)
  where identity_audience in ('organizers', 'members') and skills_audience in ('organizers', 'members')
    and display_name is not null and country_code is not null;
comment on index app.profiles_findable_by_country is
  'Directory: members with identity and skills part open, by the country they named; covers the match columns.';

-- -------------------------------------------------------------------------------------
-- 2 and 3. The matching, as in 20261129020600 with the changes above. The return type changes
-- (city_id added), so the function is dropped and created again; its callers are plpgsql and
-- look it up at run time.
-- -------------------------------------------------------------------------------------
drop function app.directory_matches(jsonb, uuid);

create function app.directory_matches(filters jsonb, organizer uuid)
returns table (id uuid, rank numeric, active_on date, skills_open boolean, city_id text)
language plpgsql stable security definer
set search_path = ''
-- No parallel workers: on a small shared machine each worker rebuilds the same hash of skill
-- rows, which tripled the work of a three-skill search under load; one core per search keeps
-- latency predictable when many organizers search at once.
set max_parallel_workers_per_gather = 0
as $$
declare
  f jsonb := app.directory_filters(filters);
  q text := app.search_key(f ->> 'q');
  skills text[] := array(select jsonb_array_elements_text(f -> 'skills'));
  cities text[];
  country_cities text[];
  joins text := '';
  conditions text[] := array[
    'p.identity_audience in (''organizers'', ''members'')',
    'p.display_name is not null',
    'p.id <> $13',
    'not exists (select 1 from app.organizer_blocks b where b.member_id = p.id and b.organizer_id = $13)'];
  rank_expression text := '0::numeric';
  skills_part_filtered boolean := false;
begin
  if organizer is null or q = '' then
    -- Nobody to search for, or a text with nothing searchable in it: no match rather than everyone.
    return;
  end if;

  if q is not null then
    -- Names as words of the full name (word similarity, `%>`); headlines and tags as words. Each
    -- branch uses its own trigram index; tags count only where the skills part is open. The score
    -- of a name is still the greater of similarity and word similarity.
    joins := joins || $j$
      join (select h.id, max(h.score) as score from (
          select n.id, greatest(extensions.similarity(n.display_name_key, $1),
                                extensions.word_similarity($1, n.display_name_key)) as score
          from app.profiles n
          where n.display_name_key operator(extensions.%>) $1
        union all
          select n.id, 0.8 * extensions.word_similarity($1, app.search_key(n.headline))
          from app.profiles n
          where n.headline is not null and app.search_key(n.headline) operator(extensions.%>) $1
        union all
          select t.profile_id, 0.8 * extensions.word_similarity($1, app.search_key(t.tag))
          from app.profile_tags t join app.profiles n on n.id = t.profile_id
          where app.search_key(t.tag) operator(extensions.%>) $1
            and n.skills_audience in ('organizers', 'members')
        ) h group by h.id) text_hit on text_hit.id = p.id$j$;
    rank_expression := 'round(text_hit.score::numeric, 4)';
  end if;

  if cardinality(skills) > 0 then
    joins := joins || $j$
      join (select s.profile_id, count(*) as matched, sum(s.level) as levels
            from app.profile_skills s
            where s.skill_id = any($2) and s.level >= $3
            group by s.profile_id
            having count(*) >= $4) skill_hit on skill_hit.profile_id = p.id$j$;
    if q is null then
      rank_expression := '(10 * skill_hit.matched + skill_hit.levels)::numeric';
    end if;
    skills_part_filtered := true;
  end if;

  if f ? 'city' then
    select array_agg(c.id) into cities
    from app.cities c
    where c.id = f ->> 'city' or c.search_keys @> array[app.search_key(f ->> 'city')];
    if cities is null then
      return;  -- a city we do not know has no members
    end if;
    -- `city_id is not null` is implied, but written out so profiles_findable_by_city applies.
    conditions := conditions || array['p.city_id = any($5)', 'p.city_id is not null'];
    skills_part_filtered := true;
  end if;

  if f ? 'country' then
    select coalesce(array_agg(c.id), '{}') into country_cities from app.cities c where c.country_code = f ->> 'country';
    conditions := array_append(conditions, '(p.country_code = $6 or p.city_id = any($7))');
    skills_part_filtered := true;
  end if;

  if f ? 'language' then
    conditions := array_append(conditions, $c$exists (select 1 from app.profile_languages l
      where l.profile_id = p.id and l.language_code = $8 and l.level >= coalesce($9, 'A1'::app.language_level))$c$);
    skills_part_filtered := true;
  end if;

  if f ? 'direction' then
    conditions := array_append(conditions, $c$exists (select 1 from app.profile_directions d
      where d.profile_id = p.id and d.direction_id = $10)$c$);
    skills_part_filtered := true;
  end if;

  if f ? 'workMode' then
    conditions := array_append(conditions, 'p.work_mode in ($11, ''both''::app.work_mode)');
    skills_part_filtered := true;
  end if;

  if f ? 'minHours' then
    conditions := array_append(conditions, 'p.hours_per_week >= $12');
    skills_part_filtered := true;
  end if;

  if skills_part_filtered then
    conditions := array_append(conditions, 'p.skills_audience in (''organizers'', ''members'')');
  end if;

  return query execute
    'select p.id, ' || rank_expression || ', timezone(''UTC'', p.updated_at)::date,
            p.skills_audience in (''organizers'', ''members''),
            case when p.skills_audience in (''organizers'', ''members'') then p.city_id end
     from app.profiles p' || joins || '
     where ' || array_to_string(conditions, ' and ')
  using q, skills, coalesce((f ->> 'minSkillLevel')::int, 1),
        case when f ->> 'skillMatch' = 'all' then cardinality(skills) else 1 end,
        cities, f ->> 'country', country_cities,
        f ->> 'language', (f ->> 'minLanguageLevel')::app.language_level,
        f ->> 'direction', (f ->> 'workMode')::app.work_mode, (f ->> 'minHours')::int,
        organizer;
end
$$;
comment on function app.directory_matches(jsonb, uuid) is
  'Internal: the members an organizer may find with these filters, with rank, day of last activity, whether the skills part is open and (only then) the city. Applies visibility and blocks itself.';
revoke all on function app.directory_matches(jsonb, uuid) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The organizer's search, as in 20261129020600, with the city facet read from the match set.
-- -------------------------------------------------------------------------------------
create or replace function app.organizer_search(filters jsonb, after jsonb default null, page_size int default 20,
                                                with_facets boolean default true)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  f jsonb;
  size int := least(greatest(coalesce(page_size, 20), 1), 50);
  after_rank numeric;
  after_day date;
  after_id uuid;
  page int := 1;
  result jsonb;
begin
  perform app.require_power('organizer', 'directory');
  perform pg_advisory_xact_lock(hashtextextended('quota:search:' || me::text, 0));
  if app.quota_remaining('search') = 0 then
    raise exception 'the search quota is used up' using errcode = 'check_violation', hint = 'quota:search';
  end if;

  f := app.directory_filters(filters);
  if jsonb_typeof(after) = 'object' and after ->> 'sort' = f ->> 'sort' then
    begin
      after_rank := (after ->> 'rank')::numeric;
      after_day := (after ->> 'day')::date;
      after_id := (after ->> 'id')::uuid;
      page := least(greatest(coalesce((after ->> 'page')::int, 1), 1), 1000000) + 1;
    exception when others then
      after_rank := null;
    end;
    if after_rank is null or after_day is null or after_id is null then
      after_rank := null; after_day := null; after_id := null; page := 1;
    end if;
  end if;

  insert into app.audit_events (actor, action, target, detail)
  values (me, 'search', null, jsonb_build_object('filters', f, 'page', page, 'pageSize', size));

  with matches as materialized (
    select m.id, case when f ->> 'sort' = 'recent' then 0::numeric else m.rank end as rank, m.active_on as day,
           m.skills_open, m.city_id
    from app.directory_matches(f, me) m
  ),
  page_rows as (
    select m.id, m.rank, m.day, row_number() over (order by m.rank desc, m.day desc, m.id desc) as n
    from (select * from matches m
          where after_id is null or (m.rank, m.day, m.id) < (after_rank, after_day, after_id)
          order by m.rank desc, m.day desc, m.id desc
          limit size + 1) m
  ),
  -- Facets count only members whose skills part is open to organizers; top 15 each by the count
  -- as shown, so even the order among the "fewer than 5" says nothing; ties by id.
  counted as (
    select 'cities' as facet, m.city_id as value, count(*) as n
    from matches m
    where with_facets and m.skills_open and m.city_id is not null group by m.city_id
    union all
    select 'skills', s.skill_id, count(*) from matches m join app.profile_skills s on s.profile_id = m.id
    where with_facets and m.skills_open group by s.skill_id
    union all
    select 'languages', l.language_code, count(*) from matches m join app.profile_languages l on l.profile_id = m.id
    where with_facets and m.skills_open group by l.language_code
    union all
    select 'directions', d.direction_id, count(*) from matches m join app.profile_directions d on d.profile_id = m.id
    where with_facets and m.skills_open group by d.direction_id
  ),
  ranked as (
    select c.*, row_number() over (partition by c.facet order by case when c.n >= 5 then c.n else 0 end desc, c.value) as place
    from counted c
  ),
  facets as (
    select r.facet, jsonb_agg(jsonb_build_object(case when r.facet = 'languages' then 'code' else 'id' end, r.value,
                                                 'count', app.shown_count(r.n)) order by r.place) as entries
    from ranked r where r.place <= 15 group by r.facet
  )
  select jsonb_build_object(
    'total', app.shown_count((select count(*) from matches)),
    'cards', coalesce((select jsonb_agg(app.directory_card(r.id) order by r.n) from page_rows r where r.n <= size), '[]'),
    'next', (select jsonb_build_object('sort', f ->> 'sort', 'rank', r.rank, 'day', r.day, 'id', r.id, 'page', page)
             from page_rows r where r.n = size and exists (select 1 from page_rows x where x.n = size + 1)),
    'facets', case when with_facets then
                jsonb_build_object('cities', '[]'::jsonb, 'skills', '[]'::jsonb, 'languages', '[]'::jsonb, 'directions', '[]'::jsonb)
                || coalesce((select jsonb_object_agg(x.facet, x.entries) from facets x), '{}') end)
  into result;
  return result;
end
$$;
comment on function app.organizer_search(jsonb, jsonb, int, boolean) is
  'Organizers with a second factor: one page of directory cards (≤ 50), total and facets with small counts suppressed; within the hourly quota, audited.';

-- -------------------------------------------------------------------------------------
-- 4. List limits once per statement: one grouped count over the profiles the statement touched.
-- Same rule and message as the row trigger of 20261129010200 (refused beyond the limit).
-- -------------------------------------------------------------------------------------
drop trigger profile_skills_limit on app.profile_skills;
drop trigger profile_tags_limit on app.profile_tags;
drop function app.enforce_profile_list_limit();

create function app.enforce_profile_list_limits() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  most integer := tg_argv[0]::integer;
  over uuid;
begin
  execute format('select t.profile_id from app.%I t where t.profile_id in (select a.profile_id from added a)
                  group by t.profile_id having count(*) > $1 limit 1', tg_table_name)
    into over using most;
  if over is not null then
    raise exception 'at most % rows in % per profile', most, tg_table_name using errcode = 'check_violation';
  end if;
  return null;
end
$$;
comment on function app.enforce_profile_list_limits() is
  'Refuses a statement that leaves a profile with more rows than the limit given as trigger argument (one grouped count per statement).';
revoke all on function app.enforce_profile_list_limits() from public, anon;

create trigger profile_skills_limit after insert on app.profile_skills
  referencing new table as added
  for each statement execute function app.enforce_profile_list_limits(30);
create trigger profile_tags_limit after insert on app.profile_tags
  referencing new table as added
  for each statement execute function app.enforce_profile_list_limits(20);
