-- =====================================================================================
-- Search speed, continued (issue 6, decision 027): facets planned for the real match set.
--
-- The facets joined the materialised match set to the skill, language and direction rows. The
-- planner sees a function's result as 1,000 rows whatever it returns, so it always probed the
-- list tables once per match: right for 4,000 matches, ruinous for the 400,000 of an unfiltered
-- directory (1.2 million index probes, about 20 s at 500,000 members). Now the search keeps the
-- ids of the matches whose skills part is open as one array and counts the facets in a second
-- query run with EXECUTE … USING: planned with the array as a value, so the planner knows its
-- length (unnest's row estimate) and picks probes for small sets and one hash join over the list
-- tables for large ones. Counts, suppression and order are unchanged (decision 017).
-- =====================================================================================
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
  open_ids uuid[];
  city_counts jsonb;
  facets jsonb;
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

  -- The match set once: total, page, next, and (with facets) the city counts and the ids whose
  -- skills part is open.
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
  )
  select jsonb_build_object(
    'total', app.shown_count((select count(*) from matches)),
    'cards', coalesce((select jsonb_agg(app.directory_card(r.id) order by r.n) from page_rows r where r.n <= size), '[]'),
    'next', (select jsonb_build_object('sort', f ->> 'sort', 'rank', r.rank, 'day', r.day, 'id', r.id, 'page', page)
             from page_rows r where r.n = size and exists (select 1 from page_rows x where x.n = size + 1))),
    case when with_facets then (select array_agg(m.id) from matches m where m.skills_open) end,
    case when with_facets then (select jsonb_agg(jsonb_build_array(c.city_id, c.n)) from (
      select m.city_id, count(*) as n from matches m where m.skills_open and m.city_id is not null group by m.city_id) c) end
  into result, open_ids, city_counts;

  if with_facets then
    -- Facets count only members whose skills part is open to organizers; top 15 each by the
    -- count as shown, so even the order among the "fewer than 5" says nothing; ties by id.
    execute $q$
      with open_matches as (select u.id from unnest($1::uuid[]) as u(id)),
      counted as (
        select 'cities' as facet, c ->> 0 as value, (c ->> 1)::bigint as n from jsonb_array_elements($2) c
        union all
        select 'skills', s.skill_id, count(*) from open_matches m join app.profile_skills s on s.profile_id = m.id
        group by s.skill_id
        union all
        select 'languages', l.language_code, count(*) from open_matches m join app.profile_languages l on l.profile_id = m.id
        group by l.language_code
        union all
        select 'directions', d.direction_id, count(*) from open_matches m join app.profile_directions d on d.profile_id = m.id
        group by d.direction_id
      ),
      ranked as (
        select c.*, row_number() over (partition by c.facet order by case when c.n >= 5 then c.n else 0 end desc, c.value) as place
        from counted c
      ),
      entries as (
        select r.facet, jsonb_agg(jsonb_build_object(case when r.facet = 'languages' then 'code' else 'id' end, r.value,
                                                     'count', app.shown_count(r.n)) order by r.place) as entries
        from ranked r where r.place <= 15 group by r.facet
      )
      select jsonb_build_object('cities', '[]'::jsonb, 'skills', '[]'::jsonb, 'languages', '[]'::jsonb, 'directions', '[]'::jsonb)
             || coalesce((select jsonb_object_agg(x.facet, x.entries) from entries x), '{}')
    $q$ into facets using coalesce(open_ids, '{}'), coalesce(city_counts, '[]');
  end if;
  return result || jsonb_build_object('facets', facets);
end
$$;
comment on function app.organizer_search(jsonb, jsonb, int, boolean) is
  'Organizers with a second factor: one page of directory cards (≤ 50), total and facets with small counts suppressed; within the hourly quota, audited.';
