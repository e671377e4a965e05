-- =====================================================================================
-- The organizer search: filters, cards, keyset pages and facets (issue 4 points 3–6 and 10;
-- decision 017).
--
-- Organizers hold no SELECT on any profile table (decision 008). They search only through
-- app.organizer_search(): the organizer power with a second factor, the hourly quota (halved on
-- probation), one 'search' audit row and the result, all in one transaction. The matching itself
-- is app.directory_matches(), an internal definer function that applies visibility on its own —
-- under RLS the trigram and array operators are not leakproof and no index would be used
-- (DESIGN §4). It takes the organizer as an argument, so the saved searches' daily digest can
-- call it as the table owner, outside any request.
--
-- Who is findable: a member whose display name and headline are open to organizers (identity
-- audience organizers or members), never the organizer themself, never a member who blocked
-- that organizer. Canaries are findable on purpose: they exist to catch harvesters. Filters on
-- skills, place, languages, directions and availability match only members whose skills part is
-- open to organizers; so do their facet counts and the skills part of their cards.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Indexes the filters use. Each list table is read from the filter value to the profile.
-- -------------------------------------------------------------------------------------
create index profile_skills_by_skill on app.profile_skills (skill_id, level, profile_id);
create index profile_languages_by_language on app.profile_languages (language_code, level, profile_id);
create index profile_directions_by_direction on app.profile_directions (direction_id, profile_id);
create index profiles_by_city on app.profiles (city_id) where city_id is not null;
create index profiles_by_country on app.profiles (country_code) where country_code is not null;

-- Free text also matches the headline and the tags, folded like names (decision 013). Expression
-- indexes rather than generated columns: the rows keep their shape for everyone else.
create index profiles_headline_key_trgm_idx
  on app.profiles using gin (app.search_key(headline) extensions.gin_trgm_ops) where headline is not null;
create index profile_tags_key_trgm_idx
  on app.profile_tags using gin (app.search_key(tag) extensions.gin_trgm_ops);

-- "Recent activity" is the day of the member's last profile save (updated_at, kept by every
-- save of the editor and the files). A day, not a time: the cursor carries it to the browser.
create index profiles_directory_recent_idx
  on app.profiles ((timezone('UTC', updated_at)::date) desc, id desc)
  where identity_audience in ('organizers', 'members') and display_name is not null;

-- -------------------------------------------------------------------------------------
-- The filters in one canonical shape: known keys only, each of the right type and range, nulls
-- dropped. What the audit row records and what the matching reads, so the two never disagree.
-- Keys as DirectoryFilters in app/modules/directory/directory-model.ts.
-- -------------------------------------------------------------------------------------
create function app.directory_filters(filters jsonb) returns jsonb
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  f jsonb := case when jsonb_typeof(filters) = 'object' then filters else '{}'::jsonb end;
  given jsonb := '{}';
  k text;
begin
  -- Text values, trimmed; a value of another type, or an empty one, is as if absent.
  foreach k in array array['q', 'city', 'country', 'language', 'minLanguageLevel', 'direction', 'workMode',
                           'skillMatch', 'sort'] loop
    if jsonb_typeof(f -> k) = 'string' and btrim(f ->> k) <> '' then
      given := given || jsonb_build_object(k, btrim(f ->> k));
    end if;
  end loop;
  return jsonb_strip_nulls(jsonb_build_object(
    'q', left(given ->> 'q', 200),
    'skills', coalesce((
      select jsonb_agg(chosen.id order by chosen.id) from (
        select distinct e.id
        from jsonb_array_elements_text(case when jsonb_typeof(f -> 'skills') = 'array' then f -> 'skills' else '[]' end) e(id)
        where e.id ~ '^[a-z0-9-]{2,60}$'
        order by e.id limit 10) chosen), '[]'::jsonb),
    'skillMatch', case when given ->> 'skillMatch' = 'all' then 'all' else 'any' end,
    'minSkillLevel', case when jsonb_typeof(f -> 'minSkillLevel') = 'number' and f ->> 'minSkillLevel' in ('1', '2', '3', '4')
                          then (f ->> 'minSkillLevel')::int end,
    'city', left(given ->> 'city', 100),
    'country', case when given ->> 'country' ~ '^[A-Za-z]{2}$' then upper(given ->> 'country') end,
    'language', case when given ->> 'language' ~ '^[a-z]{2}$' then given ->> 'language' end,
    'minLanguageLevel', case when given ->> 'language' ~ '^[a-z]{2}$'
                              and given ->> 'minLanguageLevel' in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native')
                             then given ->> 'minLanguageLevel' end,
    'direction', case when given ->> 'direction' ~ '^[a-z0-9-]{2,40}$' then given ->> 'direction' end,
    'workMode', case when given ->> 'workMode' in ('remote', 'on_site') then given ->> 'workMode' end,
    'minHours', case when jsonb_typeof(f -> 'minHours') = 'number' and f ->> 'minHours' ~ '^[0-9]{1,2}$'
                      and (f ->> 'minHours')::int between 1 and 80
                     then (f ->> 'minHours')::int end,
    'sort', case when given ->> 'sort' = 'recent' then 'recent' else 'relevance' end));
end
$$;
comment on function app.directory_filters(jsonb) is
  'Directory filters in canonical form: known keys of the right type and range only, skills distinct and sorted (at most 10), nulls dropped.';
revoke all on function app.directory_filters(jsonb) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- A count as it may leave the database: 0 and 5 up exactly, 1 to 4 as the string 'lt5'. The
-- exact small number never leaves, so no filter can single a person out (DESIGN §8).
-- -------------------------------------------------------------------------------------
create function app.shown_count(n bigint) returns jsonb
language sql immutable strict parallel safe
set search_path = ''
as $$ select case when n = 0 or n >= 5 then to_jsonb(n) else '"lt5"'::jsonb end $$;
comment on function app.shown_count(bigint) is 'A count as shown to organizers: exact from 5 up (and 0), otherwise "lt5".';
revoke all on function app.shown_count(bigint) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- Who matches the filters, as one organizer may find them. Internal: nobody holds EXECUTE; the
-- definer functions of the directory (search, saved-search digests) call it as the owner.
--
-- The query is assembled from fixed fragments, one per filter given, and run with EXECUTE …
-- USING: values travel only as parameters, and each call is planned with the filters it has, so
-- the planner sees exactly which indexes apply. rank: text similarity (0..1, 4 decimals) when q
-- is given, else 10 × matched skills + their levels, else 0. active_on: the day of the last save.
-- -------------------------------------------------------------------------------------
create function app.directory_matches(filters jsonb, organizer uuid)
returns table (id uuid, rank numeric, active_on date, skills_open boolean)
language plpgsql stable security definer
set search_path = ''
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
    -- Nobody to search for, or a text with nothing searchable in it (a script the key does not
    -- cover): no match rather than everyone.
    return;
  end if;

  if q is not null then
    -- Names by similarity or as one word of a full name; headlines and tags as words. Each
    -- branch uses its own trigram index; tags count only where the skills part is open.
    joins := joins || $j$
      join (select h.id, max(h.score) as score from (
          select n.id, greatest(extensions.similarity(n.display_name_key, $1),
                                extensions.word_similarity($1, n.display_name_key)) as score
          from app.profiles n
          where n.display_name_key operator(extensions.%) $1 or n.display_name_key operator(extensions.%>) $1
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
    -- Members with any (or all) of the skills at the minimum level, read from the skill index.
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
    -- The city as an id, or in any spelling of any of its names and aliases (decision 013).
    select array_agg(c.id) into cities
    from app.cities c
    where c.id = f ->> 'city' or c.search_keys @> array[app.search_key(f ->> 'city')];
    if cities is null then
      return;  -- a city we do not know has no members
    end if;
    conditions := array_append(conditions, 'p.city_id = any($5)');
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
            p.skills_audience in (''organizers'', ''members'')
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
  'Internal: the members an organizer may find with these filters, with rank, day of last activity and whether the skills part is open. Applies visibility and blocks itself.';
revoke all on function app.directory_matches(jsonb, uuid) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The card of one member: the allow-listed columns only, the skills part only when it is
-- open to organizers, never contact channels, legal name, bio or CV.
-- -------------------------------------------------------------------------------------
create function app.directory_card(member uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p.id,
    'display_name', p.display_name,
    'headline', p.headline,
    'has_photo', p.photo_audience in ('organizers', 'members') and p.photo_path is not null,
    'city_id', case when open.skills then p.city_id end,
    'country_code', case when open.skills then
                      coalesce(p.country_code, (select c.country_code from app.cities c where c.id = p.city_id)) end,
    'work_mode', case when open.skills then p.work_mode end,
    'hours_per_week', case when open.skills then p.hours_per_week end,
    'skills', case when open.skills then coalesce((
                select jsonb_agg(jsonb_build_object('id', s.skill_id, 'level', s.level) order by s.level desc, s.skill_id)
                from app.profile_skills s where s.profile_id = p.id), '[]') else '[]' end,
    'languages', case when open.skills then coalesce((
                   select jsonb_agg(jsonb_build_object('code', l.language_code, 'level', l.level) order by l.level desc, l.language_code)
                   from app.profile_languages l where l.profile_id = p.id), '[]') else '[]' end,
    'directions', case when open.skills then coalesce((
                    select jsonb_agg(d.direction_id order by d.direction_id)
                    from app.profile_directions d where d.profile_id = p.id), '[]') else '[]' end)
  from app.profiles p, lateral (select p.skills_audience in ('organizers', 'members') as skills) open
  where p.id = member
$$;
comment on function app.directory_card(uuid) is
  'Internal: a member''s result card (identity; skills part only when open to organizers; photo flag). Callers decide who is findable.';
revoke all on function app.directory_card(uuid) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The organizer's search. Every call is one search for the quota and one audit row, first page
-- or next. Returns { total, cards, next, facets }; `next` is the sort key of the last card
-- ({ sort, rank, day, id, page }) or null on the last page; pass it back as `after`. The key
-- orders by (rank, day, id) descending — rank is 0 for the 'recent' sort — so rows with equal
-- rank and day still come in one fixed order and none is skipped or repeated. A cursor that does
-- not parse, or belongs to the other sort, starts again from the first page.
--
-- A refusal raises (42501 without the power, check_violation with hint 'quota:search' over
-- quota) and rolls everything back; the app then calls app.record_quota_exceeded('search')
-- (decision 016).
-- -------------------------------------------------------------------------------------
create function app.organizer_search(filters jsonb, after jsonb default null, page_size int default 20,
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
  -- One organizer's searches are counted one after the other, so parallel requests cannot
  -- overrun the quota.
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
    select m.id, case when f ->> 'sort' = 'recent' then 0::numeric else m.rank end as rank, m.active_on as day, m.skills_open
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
    select 'cities' as facet, p.city_id as value, count(*) as n
    from matches m join app.profiles p on p.id = m.id
    where with_facets and m.skills_open and p.city_id is not null group by p.city_id
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
revoke all on function app.organizer_search(jsonb, jsonb, int, boolean) from public, anon;
grant execute on function app.organizer_search(jsonb, jsonb, int, boolean) to authenticated;
