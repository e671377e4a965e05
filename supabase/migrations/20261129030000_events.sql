-- =====================================================================================
-- Events: the tables and the editor (issue 5, acceptance 1). ADR 022.
--
-- Attendance at a diaspora event can be used as evidence against a member's family (T8), so
-- nobody holds a grant on these tables: every read and write goes through the definer
-- functions of this migration and of 20261129030100 (registrations) and 20261129030200
-- (reading and retention), which return allow-listed columns only.
--
-- Function contract (all raise SQLSTATE 42501 without the power, hint 'events:errors.forbidden'
-- or 'events:errors.secondFactorNeeded'; P0002 for an unknown or invisible event, hint
-- 'events:errors.notFound'; check_violation 23514 for bad input, hint 'events:errors.<key>'):
--   app.create_event(input jsonb) → uuid                organizers with a second factor
--   app.update_event(event uuid, input jsonb) → jsonb   the event's organizers; {"promoted": n}
--   app.add_event_organizer(event uuid, organizer uuid) → boolean
--   app.event_input_for_editor(event uuid) → jsonb      the event's organizers; the input shape
-- The input is the event editor's form (app/modules/events/event-schema.ts), camelCase:
--   { type, titles: {be,en,pl}, descriptions: {be,en,pl}, cityId | online + onlineUrl,
--     venueAddress, startsAt, endsAt (local date-times at the venue, 'YYYY-MM-DDTHH:MM', read in
--     timeZone; an ISO time with an offset is taken as it is), timeZone (IANA),
--     capacity, registrationOpensAt? (default now), registrationClosesAt? (default the start),
--     approvalRequired, skills: [id],
--     visibility: 'members' | 'public_teaser' }
-- =====================================================================================

create type app.event_type as enum ('meeting', 'training', 'conference', 'action', 'online_call');
comment on type app.event_type is 'What kind of event: a meeting, a training, a conference, an action or an online call.';
create type app.event_visibility as enum ('members', 'public_teaser');
comment on type app.event_visibility is 'Members only, or also a public teaser (day, place by city, no venue, no attendees).';
create type app.event_status as enum ('scheduled', 'cancelled');
comment on type app.event_status is 'A scheduled event takes sign-ups within its window; a cancelled one refuses them.';

create table app.events (
  id uuid primary key default gen_random_uuid(),
  type app.event_type not null,
  title_be text check (title_be is null or char_length(title_be) between 1 and 200),
  title_en text check (title_en is null or char_length(title_en) between 1 and 200),
  title_pl text check (title_pl is null or char_length(title_pl) between 1 and 200),
  description_be text check (description_be is null or char_length(description_be) <= 10000),
  description_en text check (description_en is null or char_length(description_en) <= 10000),
  description_pl text check (description_pl is null or char_length(description_pl) <= 10000),
  city_id text references app.cities (id),
  online boolean not null default false,
  online_url text check (online_url is null or (online_url ~ '^https://[^\s]+$' and char_length(online_url) <= 500)),
  venue_address text check (venue_address is null or char_length(venue_address) between 1 and 500),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null,
  capacity int not null check (capacity between 1 and 100000),
  registration_opens_at timestamptz not null,
  registration_closes_at timestamptz not null,
  approval_required boolean not null default false,
  visibility app.event_visibility not null default 'members',
  status app.event_status not null default 'scheduled',
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (coalesce(title_be, title_en, title_pl) is not null),
  check (ends_at > starts_at),
  check (registration_closes_at > registration_opens_at and registration_closes_at <= ends_at),
  check ((online and city_id is null and venue_address is null) or (not online and city_id is not null and online_url is null))
);
comment on table app.events is
  'An event organized by members with the organizer power. No grants: read through definer functions; venue_address and online_url reach confirmed attendees and the event''s organizers only.';
comment on column app.events.venue_address is 'Private: only confirmed attendees and the event''s organizers see it (T8).';
comment on column app.events.online_url is 'Private: only confirmed attendees and the event''s organizers see it (T8).';
comment on column app.events.time_zone is 'The venue''s IANA time zone (checked against pg_timezone_names when written); times are shown in it.';
comment on column app.events.created_by is 'Who created it; null once that account is erased (the event stays, see ADR 022).';
alter table app.events enable row level security;
revoke all on table app.events from public, anon, authenticated;
create index events_upcoming on app.events (ends_at) where status = 'scheduled';
create index events_by_city on app.events (city_id);

create table app.event_organizers (
  event_id uuid not null references app.events (id) on delete cascade,
  organizer_id uuid not null references auth.users (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (event_id, organizer_id)
);
comment on table app.event_organizers is 'The organizers of an event (its creator and co-organizers): they edit it and see who is coming.';
alter table app.event_organizers enable row level security;
revoke all on table app.event_organizers from public, anon, authenticated;
create index event_organizers_by_organizer on app.event_organizers (organizer_id);

create table app.event_skills (
  event_id uuid not null references app.events (id) on delete cascade,
  skill_id text not null references app.skills (id),
  primary key (event_id, skill_id)
);
comment on table app.event_skills is 'Skills an event looks for (from the skill taxonomy).';
alter table app.event_skills enable row level security;
revoke all on table app.event_skills from public, anon, authenticated;
create index event_skills_by_skill on app.event_skills (skill_id);

-- -------------------------------------------------------------------------------------
-- Helpers (internal: nobody holds EXECUTE).
-- -------------------------------------------------------------------------------------
create function app.is_event_organizer(event uuid, who uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$ select exists (select 1 from app.event_organizers o where o.event_id = event and o.organizer_id = who) $$;
comment on function app.is_event_organizer(uuid, uuid) is 'True when the user is one of the event''s organizers.';
revoke all on function app.is_event_organizer(uuid, uuid) from public, anon, authenticated;

-- The caller must hold the organizer power and organize this event. An event they do not
-- organize and an unknown event get one answer: not found.
create function app.require_event_organizer(event uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('organizer', 'events');
  if not app.is_event_organizer(event, (select auth.uid())) then
    raise exception 'no such event of yours' using errcode = 'no_data_found', hint = 'events:errors.notFound';
  end if;
end
$$;
comment on function app.require_event_organizer(uuid) is
  'Raises unless the caller has the organizer power (with a second factor) and organizes the event (P0002 otherwise, as for an unknown event).';
revoke all on function app.require_event_organizer(uuid) from public, anon, authenticated;

create function app.event_input_refused(message text, key text) returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  raise exception '%', message using errcode = 'check_violation', hint = 'events:errors.' || key;
end
$$;
comment on function app.event_input_refused(text, text) is 'Raises check_violation with the hint events:errors.<key> the editor translates.';
revoke all on function app.event_input_refused(text, text) from public, anon, authenticated;

-- A trimmed text, null when empty.
create function app.event_text(value text) returns text
language sql immutable
set search_path = ''
as $$ select nullif(btrim(value), '') $$;
comment on function app.event_text(text) is 'A trimmed text, or null when it is empty.';
revoke all on function app.event_text(text) from public, anon, authenticated;

-- A moment of the editor's input: a local date-time at the venue ('2030-03-01T19:00', read in
-- the event's time zone, as a datetime-local field sends it) or an ISO time with an offset.
create function app.event_moment(value text, zone text) returns timestamptz
language plpgsql stable
set search_path = ''
as $$
declare
  clean text := btrim(value);
begin
  if clean is null or clean = '' then
    return null;
  end if;
  -- Only a calendar date and a time: no 'now', 'tomorrow' or 'infinity'.
  if clean !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)?$' then
    raise exception 'not a date and time: %', left(clean, 40) using errcode = 'invalid_datetime_format';
  end if;
  if clean ~ '[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
    return clean::timestamptz;
  end if;
  return clean::timestamp at time zone zone;
end
$$;
comment on function app.event_moment(text, text) is
  'A local date-time read in the given IANA zone (daylight saving included), or an ISO time with an offset as it is.';
revoke all on function app.event_moment(text, text) from public, anon, authenticated;

-- The editor's input, checked: the row it describes (id, status and audit columns left empty).
create function app.event_from_input(input jsonb) returns app.events
language plpgsql stable security definer
set search_path = ''
as $$
declare
  ev app.events;
  skill text;
begin
  if input is null or jsonb_typeof(input) <> 'object' or octet_length(input::text) > 100000 then
    perform app.event_input_refused('the event input must be a JSON object', 'invalid');
  end if;
  if coalesce(input ->> 'type', '') not in ('meeting', 'training', 'conference', 'action', 'online_call') then
    perform app.event_input_refused('unknown event type', 'type');
  end if;
  ev.type := (input ->> 'type')::app.event_type;
  ev.title_be := app.event_text(input -> 'titles' ->> 'be');
  ev.title_en := app.event_text(input -> 'titles' ->> 'en');
  ev.title_pl := app.event_text(input -> 'titles' ->> 'pl');
  if coalesce(ev.title_be, ev.title_en, ev.title_pl) is null then
    perform app.event_input_refused('an event needs a title in at least one language', 'titleMissing');
  end if;
  if greatest(char_length(ev.title_be), char_length(ev.title_en), char_length(ev.title_pl)) > 200 then
    perform app.event_input_refused('a title has at most 200 characters', 'titleLength');
  end if;
  ev.description_be := app.event_text(input -> 'descriptions' ->> 'be');
  ev.description_en := app.event_text(input -> 'descriptions' ->> 'en');
  ev.description_pl := app.event_text(input -> 'descriptions' ->> 'pl');
  if greatest(char_length(ev.description_be), char_length(ev.description_en), char_length(ev.description_pl)) > 10000 then
    perform app.event_input_refused('a description has at most 10000 characters', 'descriptionLength');
  end if;
  ev.online := coalesce((input ->> 'online')::boolean, false);
  if ev.online then
    ev.online_url := app.event_text(input ->> 'onlineUrl');
    if ev.online_url is not null and (ev.online_url !~ '^https://[^\s]+$' or char_length(ev.online_url) > 500) then
      perform app.event_input_refused('the online link must be an https:// address', 'onlineUrl');
    end if;
  else
    ev.city_id := app.event_text(input ->> 'cityId');
    if ev.city_id is null or not exists (select 1 from app.cities c where c.id = ev.city_id) then
      perform app.event_input_refused('an event takes place in a known city, or online', 'city');
    end if;
    ev.venue_address := app.event_text(input ->> 'venueAddress');
    if char_length(ev.venue_address) > 500 then
      perform app.event_input_refused('the venue address has at most 500 characters', 'venueLength');
    end if;
  end if;
  ev.time_zone := input ->> 'timeZone';
  if ev.time_zone is null or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = ev.time_zone) then
    perform app.event_input_refused('unknown time zone', 'timeZone');
  end if;
  begin
    ev.starts_at := app.event_moment(input ->> 'startsAt', ev.time_zone);
    ev.ends_at := app.event_moment(input ->> 'endsAt', ev.time_zone);
    ev.registration_opens_at := coalesce(app.event_moment(input ->> 'registrationOpensAt', ev.time_zone), now());
    ev.registration_closes_at := coalesce(app.event_moment(input ->> 'registrationClosesAt', ev.time_zone), ev.starts_at);
  exception when invalid_datetime_format or datetime_field_overflow or invalid_text_representation then
    perform app.event_input_refused('a date is not valid', 'date');
  end;
  if ev.starts_at is null or ev.ends_at is null or ev.ends_at <= ev.starts_at then
    perform app.event_input_refused('the event must end after it starts', 'endBeforeStart');
  end if;
  if ev.registration_closes_at <= ev.registration_opens_at or ev.registration_closes_at > ev.ends_at then
    perform app.event_input_refused('registration must close after it opens and no later than the end', 'registrationWindow');
  end if;
  if jsonb_typeof(input -> 'capacity') is distinct from 'number'
     or (input ->> 'capacity')::numeric not between 1 and 100000
     or (input ->> 'capacity')::numeric <> floor((input ->> 'capacity')::numeric) then
    perform app.event_input_refused('capacity is a whole number from 1 to 100000', 'capacity');
  end if;
  ev.capacity := (input ->> 'capacity')::int;
  ev.approval_required := coalesce((input ->> 'approvalRequired')::boolean, false);
  if coalesce(input ->> 'visibility', 'members') not in ('members', 'public_teaser') then
    perform app.event_input_refused('unknown visibility', 'visibility');
  end if;
  ev.visibility := coalesce(input ->> 'visibility', 'members')::app.event_visibility;
  if input ? 'skills' and jsonb_typeof(input -> 'skills') <> 'array' then
    perform app.event_input_refused('skills are a list', 'skills');
  end if;
  for skill in select jsonb_array_elements_text(coalesce(input -> 'skills', '[]')) loop
    if not exists (select 1 from app.skills s where s.id = skill) then
      perform app.event_input_refused('unknown skill', 'skills');
    end if;
  end loop;
  if jsonb_array_length(coalesce(input -> 'skills', '[]')) > 20 then
    perform app.event_input_refused('at most 20 skills', 'skills');
  end if;
  return ev;
end
$$;
comment on function app.event_from_input(jsonb) is
  'Checks the event editor''s input and returns the row it describes; raises check_violation with hint events:errors.<key> on the first problem.';
revoke all on function app.event_from_input(jsonb) from public, anon, authenticated;

create function app.set_event_skills(event uuid, input jsonb) returns void
language sql volatile security definer
set search_path = ''
as $$
  delete from app.event_skills s where s.event_id = event;
  insert into app.event_skills (event_id, skill_id)
  select distinct event, x from jsonb_array_elements_text(coalesce(input -> 'skills', '[]')) x;
$$;
comment on function app.set_event_skills(uuid, jsonb) is 'Replaces the skills an event looks for with those of the editor input.';
revoke all on function app.set_event_skills(uuid, jsonb) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The editor: create, read back for editing, add a co-organizer. (update_event lives in
-- 20261129030100, since changing the capacity promotes from the waitlist.)
-- -------------------------------------------------------------------------------------
create function app.create_event(input jsonb) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  ev app.events;
begin
  perform app.require_power('organizer', 'events');
  ev := app.event_from_input(input);
  insert into app.events (type, title_be, title_en, title_pl, description_be, description_en, description_pl,
                          city_id, online, online_url, venue_address, starts_at, ends_at, time_zone, capacity,
                          registration_opens_at, registration_closes_at, approval_required, visibility, created_by)
  values (ev.type, ev.title_be, ev.title_en, ev.title_pl, ev.description_be, ev.description_en, ev.description_pl,
          ev.city_id, ev.online, ev.online_url, ev.venue_address, ev.starts_at, ev.ends_at, ev.time_zone, ev.capacity,
          ev.registration_opens_at, ev.registration_closes_at, ev.approval_required, ev.visibility, me)
  returning id into ev.id;
  insert into app.event_organizers (event_id, organizer_id) values (ev.id, me);
  perform app.set_event_skills(ev.id, input);
  return ev.id;
end
$$;
comment on function app.create_event(jsonb) is
  'Organizers with a second factor: creates an event from the editor input (see the migration header) and becomes its first organizer.';
revoke all on function app.create_event(jsonb) from public, anon;
grant execute on function app.create_event(jsonb) to authenticated;

create function app.event_local(moment timestamptz, zone text) returns text
language sql stable
set search_path = ''
as $$ select to_char(moment at time zone zone, 'YYYY-MM-DD"T"HH24:MI') $$;
comment on function app.event_local(timestamptz, text) is 'A moment as the local date-time at the venue, in the form a datetime-local field takes.';
revoke all on function app.event_local(timestamptz, text) from public, anon, authenticated;

create function app.event_input_for_editor(event uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_event_organizer(event);
  return (
    select jsonb_build_object(
      'type', e.type,
      'titles', jsonb_strip_nulls(jsonb_build_object('be', e.title_be, 'en', e.title_en, 'pl', e.title_pl)),
      'descriptions', jsonb_strip_nulls(jsonb_build_object('be', e.description_be, 'en', e.description_en, 'pl', e.description_pl)),
      'cityId', e.city_id, 'online', e.online, 'onlineUrl', e.online_url, 'venueAddress', e.venue_address,
      'startsAt', app.event_local(e.starts_at, e.time_zone), 'endsAt', app.event_local(e.ends_at, e.time_zone),
      'timeZone', e.time_zone, 'capacity', e.capacity,
      'registrationOpensAt', app.event_local(e.registration_opens_at, e.time_zone),
      'registrationClosesAt', app.event_local(e.registration_closes_at, e.time_zone),
      'approvalRequired', e.approval_required, 'visibility', e.visibility, 'status', e.status,
      'skills', coalesce((select jsonb_agg(s.skill_id order by s.skill_id) from app.event_skills s where s.event_id = e.id), '[]'))
    from app.events e where e.id = event);
end
$$;
comment on function app.event_input_for_editor(uuid) is 'The event''s organizers: the event in the editor''s input shape, to fill the edit form.';
revoke all on function app.event_input_for_editor(uuid) from public, anon;
grant execute on function app.event_input_for_editor(uuid) to authenticated;

create function app.add_event_organizer(event uuid, organizer uuid) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_event_organizer(event);
  if not exists (select 1 from app.user_roles r where r.user_id = organizer and r.role = 'organizer') then
    perform app.event_input_refused('a co-organizer must hold the organizer role', 'coOrganizer');
  end if;
  insert into app.event_organizers (event_id, organizer_id) values (event, organizer) on conflict do nothing;
  return found;
end
$$;
comment on function app.add_event_organizer(uuid, uuid) is
  'The event''s organizers: adds another organizer (who must hold the organizer role) as co-organizer; false when already one.';
revoke all on function app.add_event_organizer(uuid, uuid) from public, anon;
grant execute on function app.add_event_organizer(uuid, uuid) to authenticated;
