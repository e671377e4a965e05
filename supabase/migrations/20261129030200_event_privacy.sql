-- =====================================================================================
-- Reading events, and forgetting who came (issue 5, acceptance 2 and 6; SECURITY T8). ADR 022.
--
-- Every read returns allow-listed columns:
--   app.list_events(filters jsonb) → rows        members (and organizers); teaser columns only
--   app.public_event_teasers(filters jsonb)      nobody holds EXECUTE: the server reads it on the
--                                                system connection for signed-out visitors (day
--                                                only, no venue, no time, no attendees)
--   app.event_for_viewer(event uuid) → jsonb     members; venue and link to confirmed attendees
--                                                and the event's organizers only; own status
--   app.event_attendees(event uuid) → rows       the event's organizers only
--   app.purge_event_registrations(interval)      system only (the retention job)
-- Filters (all optional): {"cityId", "countryCode", "online": true|false, "from": date,
-- "to": date, "skill", "includePast": bool, "limit" (1–100, default 50), "offset"}.
-- The attendee count is shown to anyone but the organizers only from 5 up, else "lt5".
-- =====================================================================================

create function app.public_attendee_count(n bigint) returns jsonb
language sql immutable strict parallel safe
set search_path = ''
as $$ select case when n >= 5 then to_jsonb(n) else '"lt5"'::jsonb end $$;
comment on function app.public_attendee_count(bigint) is 'An attendee count as shown to anyone but the organizers: exact from 5 up, otherwise "lt5" (zero included).';
revoke all on function app.public_attendee_count(bigint) from public, anon, authenticated;

-- The events that match the filters (ids with their start), internal.
create function app.event_matches(filters jsonb) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select e.id
  from app.events e
  left join app.cities c on c.id = e.city_id
  where (coalesce((filters ->> 'includePast')::boolean, false) or e.ends_at >= now())
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
  'Events matching the listing filters, soonest first (upcoming only unless includePast; days read in each event''s time zone).';
revoke all on function app.event_matches(jsonb) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- Listings
-- -------------------------------------------------------------------------------------
create function app.list_events(filters jsonb default '{}')
returns table (
  id uuid, type app.event_type, titles jsonb, city_id text, country_code text, online boolean,
  starts_at timestamptz, ends_at timestamptz, time_zone text, status app.event_status,
  visibility app.event_visibility, approval_required boolean, skills text[],
  attendee_count jsonb, has_places boolean, my_status app.registration_status, organizing boolean
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  if me is null or not app.has_role('member') then
    raise exception 'members only' using errcode = 'insufficient_privilege', hint = 'events:errors.forbidden';
  end if;
  if filters is not null and jsonb_typeof(filters) <> 'object' then
    raise exception 'filters must be an object' using errcode = 'check_violation', hint = 'events:errors.invalid';
  end if;
  return query
    select e.id, e.type,
           jsonb_strip_nulls(jsonb_build_object('be', e.title_be, 'en', e.title_en, 'pl', e.title_pl)),
           e.city_id, c.country_code, e.online, e.starts_at, e.ends_at, e.time_zone, e.status, e.visibility,
           e.approval_required,
           coalesce((select array_agg(s.skill_id order by s.skill_id) from app.event_skills s where s.event_id = e.id), '{}'),
           case when mine.organizing then to_jsonb(n.confirmed) else app.public_attendee_count(n.confirmed) end,
           n.confirmed < e.capacity,
           (select r.status from app.event_registrations r where r.event_id = e.id and r.member_id = me),
           mine.organizing
    from app.event_matches(coalesce(filters, '{}')) m(id)
    join app.events e on e.id = m.id
    left join app.cities c on c.id = e.city_id
    cross join lateral (select app.event_confirmed_count(e.id)::bigint as confirmed) n
    cross join lateral (select app.is_event_organizer(e.id, me) as organizing) mine
    order by e.starts_at, e.id;
exception when invalid_datetime_format or datetime_field_overflow or invalid_text_representation then
  raise exception 'a filter value is not valid' using errcode = 'check_violation', hint = 'events:errors.invalid';
end
$$;
comment on function app.list_events(jsonb) is
  'Members: events matching the filters (see the migration header), teaser columns only, with their own registration status; never a venue or a link.';
revoke all on function app.list_events(jsonb) from public, anon;
grant execute on function app.list_events(jsonb) to authenticated;

create function app.public_event_teasers(filters jsonb default '{}')
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
  from app.event_matches(coalesce(filters, '{}') - 'includePast') m(id)
  join app.events e on e.id = m.id
  left join app.cities c on c.id = e.city_id
  where e.visibility = 'public_teaser' and e.status = 'scheduled'
  order by e.starts_at, e.id
$$;
comment on function app.public_event_teasers(jsonb) is
  'System only (the server, for signed-out visitors): upcoming public-teaser events with the day in the venue''s time zone — no time, venue, link or attendees; count from 5 up only.';
revoke all on function app.public_event_teasers(jsonb) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- One event, as the caller may see it.
-- -------------------------------------------------------------------------------------
create function app.event_for_viewer(event uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  ev app.events;
  reg app.event_registrations;
  organizing boolean;
  confirmed bigint;
  private_ok boolean;
begin
  if me is null or not app.can_see_event(event) then
    return null;
  end if;
  select * into ev from app.events e where e.id = event;
  select * into reg from app.event_registrations r where r.event_id = event and r.member_id = me;
  organizing := app.is_event_organizer(event, me) and app.has_power('organizer');
  confirmed := app.event_confirmed_count(event);
  -- T8: the venue and the link only to a confirmed attendee and the event's organizers.
  private_ok := organizing or (reg.status is not distinct from 'confirmed' and ev.status = 'scheduled');
  return jsonb_build_object(
    'id', ev.id, 'type', ev.type, 'status', ev.status, 'visibility', ev.visibility,
    'titles', jsonb_strip_nulls(jsonb_build_object('be', ev.title_be, 'en', ev.title_en, 'pl', ev.title_pl)),
    'descriptions', jsonb_strip_nulls(jsonb_build_object('be', ev.description_be, 'en', ev.description_en, 'pl', ev.description_pl)),
    'cityId', ev.city_id, 'countryCode', (select c.country_code from app.cities c where c.id = ev.city_id),
    'online', ev.online,
    'venueAddress', case when private_ok then ev.venue_address end,
    'onlineUrl', case when private_ok then ev.online_url end,
    'startsAt', ev.starts_at, 'endsAt', ev.ends_at, 'timeZone', ev.time_zone, 'capacity', ev.capacity,
    'registrationOpensAt', ev.registration_opens_at, 'registrationClosesAt', ev.registration_closes_at,
    'registrationOpen', ev.status = 'scheduled' and now() >= ev.registration_opens_at and now() < ev.registration_closes_at,
    'approvalRequired', ev.approval_required,
    'skills', coalesce((select jsonb_agg(s.skill_id order by s.skill_id) from app.event_skills s where s.event_id = ev.id), '[]'),
    'attendeeCount', case when organizing then to_jsonb(confirmed) else app.public_attendee_count(confirmed) end,
    'hasPlaces', confirmed < ev.capacity,
    'organizing', organizing,
    'counts', case when organizing then (
        select jsonb_build_object(
          'confirmed', count(*) filter (where r.status = 'confirmed'),
          'waitlisted', count(*) filter (where r.status = 'waitlisted'),
          'pending', count(*) filter (where r.status = 'pending'),
          'checkedIn', count(*) filter (where r.checked_in_at is not null))
        from app.event_registrations r where r.event_id = ev.id) end,
    'registration', case when reg.id is not null then
        jsonb_build_object('status', reg.status, 'position', app.waitlist_position(reg.id)) end);
end
$$;
comment on function app.event_for_viewer(uuid) is
  'Members: one event in every language it has; venue and link only for a confirmed attendee or its organizers (with the power); the caller''s own status and waitlist position; exact counts for its organizers only. Null when unknown.';
revoke all on function app.event_for_viewer(uuid) from public, anon;
grant execute on function app.event_for_viewer(uuid) to authenticated;

create function app.event_attendees(event uuid)
returns table (member_id uuid, display_name text, status app.registration_status, queue_position int,
               registered_at timestamptz, checked_in_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_event_organizer(event);
  return query
    select r.member_id, p.display_name, r.status, app.waitlist_position(r.id), r.created_at, r.checked_in_at
    from app.event_registrations r
    left join app.profiles p on p.id = r.member_id
    where r.event_id = event
    order by array_position(array['confirmed', 'waitlisted', 'pending', 'declined', 'cancelled']::app.registration_status[], r.status),
             r.queue_no;
end
$$;
comment on function app.event_attendees(uuid) is
  'The event''s organizers (with a second factor) only: who registered, with display name, status and waitlist position (T8).';
revoke all on function app.event_attendees(uuid) from public, anon;
grant execute on function app.event_attendees(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- Retention: who came is forgotten a set time after the event; anonymous totals stay.
-- -------------------------------------------------------------------------------------
create table app.event_totals (
  event_id uuid primary key references app.events (id) on delete cascade,
  confirmed int not null,
  waitlisted int not null,
  checked_in int not null,
  purged_at timestamptz not null default now()
);
comment on table app.event_totals is
  'Anonymous totals of an event kept after its registrations were deleted by app.purge_event_registrations(). System only.';
alter table app.event_totals enable row level security;
revoke all on table app.event_totals from public, anon, authenticated;

create function app.purge_event_registrations(older_than interval default '30 days') returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  removed int;
begin
  insert into app.event_totals (event_id, confirmed, waitlisted, checked_in)
  select r.event_id,
         count(*) filter (where r.status = 'confirmed'),
         count(*) filter (where r.status = 'waitlisted'),
         count(*) filter (where r.checked_in_at is not null)
  from app.event_registrations r
  join app.events e on e.id = r.event_id
  where e.ends_at < now() - older_than
  group by r.event_id
  on conflict (event_id) do update
    set confirmed = app.event_totals.confirmed + excluded.confirmed,
        waitlisted = app.event_totals.waitlisted + excluded.waitlisted,
        checked_in = app.event_totals.checked_in + excluded.checked_in,
        purged_at = now();
  delete from app.event_registrations r
  using app.events e
  where e.id = r.event_id and e.ends_at < now() - older_than;
  get diagnostics removed = row_count;
  return removed;
end
$$;
comment on function app.purge_event_registrations(interval) is
  'System only (the retention job): deletes the registrations of events that ended more than older_than ago (default 30 days), keeping anonymous totals in app.event_totals; returns how many rows went.';
revoke all on function app.purge_event_registrations(interval) from public, anon, authenticated;
