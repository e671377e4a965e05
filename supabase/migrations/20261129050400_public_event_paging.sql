-- =====================================================================================
-- Public event teasers page correctly (issue 8: the events list has page links).
--
-- app.public_event_teasers kept the public, scheduled events *after* app.event_matches had
-- applied its limit and offset, so a page for signed-out visitors could come out short (members-
-- only events took its places) and its "next" link could go missing. The filter `publicOnly`
-- now applies inside event_matches, before the limit.
-- =====================================================================================
create or replace function app.event_matches(filters jsonb) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select e.id
  from app.events e
  left join app.cities c on c.id = e.city_id
  where (coalesce((filters ->> 'includePast')::boolean, false) or e.ends_at >= now())
    and (not coalesce((filters ->> 'publicOnly')::boolean, false)
         or (e.visibility = 'public_teaser' and e.status = 'scheduled'))
    and (filters ->> 'cityId' is null or e.city_id = filters ->> 'cityId')
    and (filters ->> 'countryCode' is null or c.country_code = filters ->> 'countryCode')
    and (filters ->> 'online' is null or e.online = (filters ->> 'online')::boolean)
    and (filters ->> 'from' is null or e.ends_at >= (filters ->> 'from')::date::timestamp at time zone e.time_zone)
    and (filters ->> 'to' is null or e.starts_at < ((filters ->> 'to')::date + 1)::timestamp at time zone e.time_zone)
    and (filters ->> 'skill' is null
         or exists (select 1 from app.event_skills s where s.event_id = e.id and s.skill_id = filters ->> 'skill'))
  order by e.starts_at, e.id
  limit least(greatest(coalesce((filters ->> 'limit')::int, 50), 1), 100)
  offset greatest(coalesce((filters ->> 'offset')::int, 0), 0)
$$;
comment on function app.event_matches(jsonb) is
  'Events matching the listing filters, soonest first (upcoming only unless includePast; only public scheduled teasers with publicOnly; days read in each event''s time zone).';

create or replace function app.public_event_teasers(filters jsonb default '{}')
returns table (
  id uuid, type app.event_type, titles jsonb, descriptions jsonb, city_id text, country_code text,
  online boolean, day date, time_zone text, attendee_count jsonb
)
language sql stable security definer
set search_path = ''
as $$
  select e.id, e.type,
         jsonb_strip_nulls(jsonb_build_object('be', e.title_be, 'en', e.title_en, 'pl', e.title_pl)),
         jsonb_strip_nulls(jsonb_build_object('be', e.description_be, 'en', e.description_en, 'pl', e.description_pl)),
         e.city_id, c.country_code, e.online, (e.starts_at at time zone e.time_zone)::date, e.time_zone,
         app.public_attendee_count(app.event_confirmed_count(e.id))
  from app.event_matches((coalesce(filters, '{}') - 'includePast') || '{"publicOnly": true}') m(id)
  join app.events e on e.id = m.id
  left join app.cities c on c.id = e.city_id
  -- Also checked inside event_matches, before the limit; kept here so this function alone says it.
  where e.visibility = 'public_teaser' and e.status = 'scheduled'
  order by e.starts_at, e.id
$$;
