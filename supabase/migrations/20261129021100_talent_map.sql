-- =====================================================================================
-- The talent map: how many members, visible to organizers, have each skill category in each
-- city (SECURITY T1, DESIGN §8).
--
-- Counts only, never people: a member is counted when their identity AND skills parts are
-- open to organizers (or to all members), once per category however many skills of it they
-- have, and not by an organizer they blocked. Counts from 1 to 4 never leave the database: they
-- come back as null ("fewer than 5"), so the map cannot single anyone out. A city whose total
-- is below 5 is left out altogether. Like every organizer read, the call needs the organizer
-- role and a second factor, is counted against the 'talent_map' quota and writes its audit row,
-- all in one transaction.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- A count as it may be shown: exact from 5 up, null below (0 stays 0: nobody to single out).
-- -------------------------------------------------------------------------------------
create function app.suppress_small_count(n bigint) returns int
language sql immutable
set search_path = ''
as $$ select case when n = 0 then 0 when n < 5 then null else n::int end $$;
comment on function app.suppress_small_count(bigint) is
  'A count as it may leave the database: 0, null for 1–4 (fewer than 5), the number from 5 up.';
revoke all on function app.suppress_small_count(bigint) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The map itself. Shape:
--   { "categories": ["it", "law", …],                       -- in their curated order
--     "cities": [ { "city": "vilnius", "country": "LT",
--                   "total": 12,                            -- members counted in the city
--                   "cells": { "it": 7, "law": null } } ] } -- null = fewer than 5; absent = 0
-- Cities are ordered by total, largest first; those with a total below 5 are not listed.
-- -------------------------------------------------------------------------------------
create function app.talent_map() returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  result jsonb;
begin
  perform app.require_power('organizer', 'talentMap');
  -- One organizer's calls are counted one after the other (see app.organizer_view_profile).
  perform pg_advisory_xact_lock(hashtextextended('quota:talent_map:' || me::text, 0));
  if app.quota_remaining('talent_map') = 0 then
    raise exception 'the talent map quota is used up' using errcode = 'check_violation', hint = 'quota:talent_map';
  end if;
  insert into app.audit_events (actor, action) values (me, 'talent_map');

  with counted as (
    -- Members an organizer at aal2 may see both by name and by skills, in a city.
    select p.id, p.city_id
    from app.profiles p
    join auth.users u on u.id = p.id
    where p.city_id is not null
      and p.identity_audience in ('organizers', 'members')
      and p.skills_audience in ('organizers', 'members')
      and u.deleted_at is null
      and (u.banned_until is null or u.banned_until < now())
      and not app.is_blocked(p.id, me)
  ),
  totals as (
    select c.city_id, count(*) as total from counted c group by c.city_id having count(*) >= 5
  ),
  cells as (
    select c.city_id, s.category_id, count(distinct c.id) as members
    from counted c
    join app.profile_skills ps on ps.profile_id = c.id
    join app.skills s on s.id = ps.skill_id
    where c.city_id in (select t.city_id from totals t)
    group by c.city_id, s.category_id
  )
  select jsonb_build_object(
    'categories', (select coalesce(jsonb_agg(sc.id order by sc.position), '[]'::jsonb) from app.skill_categories sc),
    'cities', coalesce((
      select jsonb_agg(jsonb_build_object(
               'city', t.city_id,
               'country', ci.country_code,
               'total', app.suppress_small_count(t.total),
               'cells', coalesce((select jsonb_object_agg(x.category_id, app.suppress_small_count(x.members))
                                  from cells x where x.city_id = t.city_id), '{}'::jsonb))
             order by t.total desc, t.city_id)
      from totals t join app.cities ci on ci.id = t.city_id), '[]'::jsonb))
  into result;
  return result;
end
$$;
comment on function app.talent_map() is
  'Organizers with a second factor: members open to organizers per city and skill category, counts 1–4 suppressed; within the quota, audited.';
revoke all on function app.talent_map() from public, anon;
grant execute on function app.talent_map() to authenticated;
