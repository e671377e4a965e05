-- =====================================================================================
-- Search speed, continued (issue 6, decision 030): facets of a large match set are estimated
-- from a fixed-size random sample of it.
--
-- Counting the skill, language and direction facets costs one index probe (or one hash-join
-- row) per skill, language and direction of every match: 343 ms p95 for 20,000 matches and 2 s
-- for the 400,000 of the whole directory at 500,000 members, most of the search page's time.
-- A facet is a hint for narrowing a search, not a census: above 1,000 matches whose skills part
-- is open, the facets are counted over a uniform sample of about 1,000 of them and scaled up,
-- rounded to two significant digits and marked `about`. The sample is the matches whose id falls
-- below a threshold: ids are random (gen_random_uuid), so "id below x" is a uniform sample, the
-- same members for the same search, and costs one comparison per match. The total and the city
-- facet (counted from the match set itself) stay exact; small counts keep their suppression
-- ("lt5"), and an estimate below 5 is shown as "lt5" too.
-- =====================================================================================

-- The uuid below which a `fraction` (0..1] of random uuids fall: the first 32 bits scaled.
create function app.uuid_fraction_bound(fraction numeric) returns uuid
language sql immutable strict parallel safe
set search_path = ''
as $$
  select (lpad(to_hex(least(greatest(floor(fraction * 4294967296), 0), 4294967295)::bigint), 8, '0')
          || '-0000-0000-0000-000000000000')::uuid
$$;
comment on function app.uuid_fraction_bound(numeric) is 'Internal: the uuid below which the given fraction of random (v4) uuids fall.';
revoke all on function app.uuid_fraction_bound(numeric) from public, anon, authenticated;

-- An estimated count as shown: "lt5" below 5, else {"about": n} with n rounded to two
-- significant digits (1,234 → 1,200; 57 → 57).
create function app.shown_estimate(n numeric) returns jsonb
language sql immutable strict parallel safe
set search_path = ''
as $$
  select case
    when n < 5 then '"lt5"'::jsonb
    else jsonb_build_object('about', round(n, 1 - floor(log(n))::int)::bigint)
  end
$$;
comment on function app.shown_estimate(numeric) is 'Internal: an estimated count as shown to organizers: "lt5" below 5, otherwise {"about": n} to two significant digits.';
revoke all on function app.shown_estimate(numeric) from public, anon, authenticated;

create or replace function app.organizer_search(filters jsonb, after jsonb default null, page_size int default 20,
                                                with_facets boolean default true)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
-- The match set of a broad search (400,000 rows for the whole directory) is read five times;
-- with the default 4 MB it spilled to disk (16 MB) and every pass read it back.
set work_mem = '64MB'
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
  open_total bigint;
  fraction numeric := 1;
  city_counts jsonb;
  facets jsonb;
  -- Above this many open matches the list facets are estimated from a sample of about this size:
  -- 1,000, or the setting talaka.facet_sample_size (tests use a small one to exercise the sample;
  -- any value only trades exact counts for estimates, both suppressed below 5).
  sample_size int := case when coalesce(current_setting('talaka.facet_sample_size', true), '') ~ '^[0-9]{1,7}$'
                          then greatest(current_setting('talaka.facet_sample_size', true)::int, 1) else 1000 end;
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

  -- The match set once: total, page, next, and (with facets) the city counts, the number of
  -- matches whose skills part is open and the ids of those (all of them, or the sample).
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
  open_count as (
    select count(*) as n from matches m where with_facets and m.skills_open
  ),
  -- Materialized: the bound is computed once, not once per match.
  bound as materialized (
    select case when o.n > sample_size then app.uuid_fraction_bound(sample_size::numeric / o.n) end as below from open_count o
  )
  select jsonb_build_object(
    'total', app.shown_count((select count(*) from matches)),
    'cards', coalesce((select jsonb_agg(app.directory_card(r.id) order by r.n) from page_rows r where r.n <= size), '[]'),
    'next', (select jsonb_build_object('sort', f ->> 'sort', 'rank', r.rank, 'day', r.day, 'id', r.id, 'page', page)
             from page_rows r where r.n = size and exists (select 1 from page_rows x where x.n = size + 1))),
    case when with_facets then (select o.n from open_count o) end,
    case when with_facets then (select array_agg(m.id) from matches m, bound b
                                where m.skills_open and (b.below is null or m.id < b.below)) end,
    case when with_facets then (select jsonb_agg(jsonb_build_array(c.city_id, c.n)) from (
      select m.city_id, count(*) as n from matches m where m.skills_open and m.city_id is not null group by m.city_id) c) end
  into result, open_total, open_ids, city_counts;

  if with_facets then
    if open_total > sample_size then
      -- The share of random ids below the bound; the sample's counts are scaled by its inverse.
      fraction := sample_size::numeric / open_total;
    end if;
    -- Facets count only members whose skills part is open to organizers; top 15 each by the
    -- count as shown, so even the order among the "fewer than 5" says nothing; ties by id.
    execute $q$
      with open_matches as (select u.id from unnest($1::uuid[]) as u(id)),
      counted as (
        select 'cities' as facet, c ->> 0 as value, (c ->> 1)::numeric as n, true as exact from jsonb_array_elements($2) c
        union all
        select 'skills', s.skill_id, count(*) / $3, $3 = 1 from open_matches m join app.profile_skills s on s.profile_id = m.id
        group by s.skill_id
        union all
        select 'languages', l.language_code, count(*) / $3, $3 = 1 from open_matches m join app.profile_languages l on l.profile_id = m.id
        group by l.language_code
        union all
        select 'directions', d.direction_id, count(*) / $3, $3 = 1 from open_matches m join app.profile_directions d on d.profile_id = m.id
        group by d.direction_id
      ),
      shown as (
        select c.facet, c.value,
               case when c.exact then app.shown_count(c.n::bigint) else app.shown_estimate(c.n) end as count,
               case when c.exact then case when c.n >= 5 then c.n else 0 end
                    when c.n >= 5 then round(c.n, 1 - floor(log(c.n))::int) else 0 end as order_n
        from counted c
      ),
      ranked as (
        select s.*, row_number() over (partition by s.facet order by s.order_n desc, s.value) as place
        from shown s
      ),
      entries as (
        select r.facet, jsonb_agg(jsonb_build_object(case when r.facet = 'languages' then 'code' else 'id' end, r.value,
                                                     'count', r.count) order by r.place) as entries
        from ranked r where r.place <= 15 group by r.facet
      )
      select jsonb_build_object('cities', '[]'::jsonb, 'skills', '[]'::jsonb, 'languages', '[]'::jsonb, 'directions', '[]'::jsonb)
             || coalesce((select jsonb_object_agg(x.facet, x.entries) from entries x), '{}')
    $q$ into facets using coalesce(open_ids, '{}'), coalesce(city_counts, '[]'), fraction;
  end if;
  return result || jsonb_build_object('facets', facets);
end
$$;
comment on function app.organizer_search(jsonb, jsonb, int, boolean) is
  'Organizers with a second factor: one page of directory cards (≤ 50), total and facets with small counts suppressed (list facets of more than 1,000 matches estimated from a sample); within the hourly quota, audited.';
