-- =====================================================================================
-- Event registrations: sign-up with capacity and waitlist, cancellation, approval, promotion
-- (issue 5, acceptance 3, 4, 5; SECURITY T9). ADR 022.
--
-- No overbooking under any concurrency: every change of a registration first takes the
-- event's row lock (select … for update), so the sign-ups of one event run one after the
-- other; under that lock the confirmed places are counted and the row is written, and the
-- unique (event_id, member_id) key makes a double click one row whatever happens. Waitlist
-- order is queue_no, drawn from a sequence under the same lock: arrival order.
--
-- Invariant: while an event is upcoming and scheduled, someone waits only when it is full.
-- Every function that frees a place or adds places calls app.promote_from_waitlist() in the
-- same transaction, and each promoted member gets a mail through the outbox.
--
-- Function contract (the caller; all return jsonb
-- {"registrationId", "status", "position" (waitlist, 1-based, else null), "created" | "changed", "promoted"}):
--   app.sign_up_for_event(event uuid)                  members; idempotent
--   app.cancel_registration(event uuid)                the member; leaving the waitlist too
--   app.approve_registration(event uuid, member uuid)  the event's organizers (pending only)
--   app.decline_registration(event uuid, member uuid)  the event's organizers (pending only)
--   app.update_event(event uuid, input jsonb)          the event's organizers → {"promoted": n}
-- Refusals: check_violation with hint 'events:errors.registrationClosed', 'events:errors.eventCancelled',
-- 'events:errors.capacityBelowConfirmed'; P0002 'events:errors.notFound'; 42501 'events:errors.forbidden'.
-- =====================================================================================

create type app.registration_status as enum ('confirmed', 'waitlisted', 'pending', 'declined', 'cancelled');
comment on type app.registration_status is
  'confirmed: has a place; waitlisted: waits in queue_no order; pending: waits for an organizer''s approval; declined by an organizer; cancelled by the member.';

create sequence app.event_queue_seq;
comment on sequence app.event_queue_seq is 'Arrival order of registrations (drawn under the event''s row lock).';
revoke all on sequence app.event_queue_seq from public, anon, authenticated;

create table app.event_registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references app.events (id) on delete cascade,
  member_id uuid not null references auth.users (id) on delete cascade,
  status app.registration_status not null,
  queue_no bigint not null default nextval('app.event_queue_seq'),
  checkin_code_hash text,
  checked_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, member_id)
);
comment on table app.event_registrations is
  'Who signed up for which event, and where they stand. Personal data (T8): read only by the member (their own) and the event''s organizers, through definer functions; deleted by app.purge_event_registrations() after the event.';
comment on column app.event_registrations.queue_no is 'Arrival order: the waitlist position is the rank of queue_no among the waitlisted.';
comment on column app.event_registrations.checkin_code_hash is 'Hash of the one-time check-in code of a confirmed attendee (check-in is built on it).';
alter sequence app.event_queue_seq owned by app.event_registrations.queue_no;
alter table app.event_registrations enable row level security;
revoke all on table app.event_registrations from public, anon, authenticated;
create index event_registrations_by_status on app.event_registrations (event_id, status, queue_no);
create index event_registrations_by_member on app.event_registrations (member_id);

-- -------------------------------------------------------------------------------------
-- Internal helpers (nobody holds EXECUTE).
-- -------------------------------------------------------------------------------------
create function app.event_confirmed_count(event uuid) returns int
language sql stable security definer
set search_path = ''
as $$ select count(*)::int from app.event_registrations r where r.event_id = event and r.status = 'confirmed' $$;
comment on function app.event_confirmed_count(uuid) is 'Confirmed places taken at an event.';
revoke all on function app.event_confirmed_count(uuid) from public, anon, authenticated;

create function app.waitlist_position(registration uuid) returns int
language sql stable security definer
set search_path = ''
as $$
  select count(*)::int from app.event_registrations mine
  join app.event_registrations w on w.event_id = mine.event_id and w.status = 'waitlisted' and w.queue_no <= mine.queue_no
  where mine.id = registration and mine.status = 'waitlisted'
  having count(*) > 0
$$;
comment on function app.waitlist_position(uuid) is 'The 1-based place of a waitlisted registration in its queue; null when it is not waitlisted.';
revoke all on function app.waitlist_position(uuid) from public, anon, authenticated;

create function app.registration_answer(registration uuid, extra jsonb) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object('registrationId', r.id, 'status', r.status, 'position', app.waitlist_position(r.id)) || extra
  from app.event_registrations r where r.id = registration
$$;
comment on function app.registration_answer(uuid, jsonb) is 'The answer of the registration functions: id, status, waitlist position, plus the given keys.';
revoke all on function app.registration_answer(uuid, jsonb) from public, anon, authenticated;

-- The event, locked for the length of the transaction; P0002 when it does not exist.
create function app.lock_event(event uuid) returns app.events
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ev app.events;
begin
  select * into ev from app.events e where e.id = event for update;
  if not found then
    raise exception 'no such event' using errcode = 'no_data_found', hint = 'events:errors.notFound';
  end if;
  return ev;
end
$$;
comment on function app.lock_event(uuid) is 'Takes the event''s row lock (all registration changes of an event run one after the other); P0002 for an unknown event.';
revoke all on function app.lock_event(uuid) from public, anon, authenticated;

-- The mail to a member who got a place: moved up from the waitlist ('promoted') or approved by
-- an organizer ('approved'). It names no event: mail can be read by others, and attendance is
-- evidence (T8); the member sees the event behind their sign-in. The language is the one they
-- last used (app.user_language).
create function app.mail_event_place(member uuid, reason text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  address text;
  lang text;
  opening text;
begin
  select u.email::text, app.user_language(u.id) into address, lang from auth.users u where u.id = member;
  if address is null then
    return;
  end if;
  lang := case when lang in ('be', 'en', 'pl') then lang else 'be' end;
  opening := case
    when reason = 'approved' then case lang
      when 'be' then 'Арганізатар падзеі ўхваліў вашу заяўку, і ваш удзел пацверджаны.'
      when 'pl' then 'Organizator wydarzenia zatwierdził Twoje zgłoszenie i Twój udział jest potwierdzony.'
      else 'An organizer approved your sign-up for an event, and you are now confirmed.' end
    else case lang
      when 'be' then 'Добрая навіна: на падзеі, дзе вы стаялі ў чарзе, вызвалілася месца, і ваш удзел пацверджаны.'
      when 'pl' then 'Dobra wiadomość: na wydarzeniu, na które czekasz na liście rezerwowej, zwolniło się miejsce i Twój udział jest potwierdzony.'
      else 'Good news: a place has opened up at an event you were on the waitlist for, and you are now confirmed.' end
    end;
  insert into app.mail_outbox (to_address, template, locale, subject, body_text)
  values (address, case when reason = 'approved' then 'event-approved' else 'event-place' end, lang,
    case
      when reason = 'approved' then case lang
        when 'be' then 'Ваш удзел пацверджаны'
        when 'pl' then 'Twój udział jest potwierdzony'
        else 'Your place is confirmed' end
      else case lang
        when 'be' then 'Для вас вызвалілася месца'
        when 'pl' then 'Zwolniło się dla Ciebie miejsce'
        else 'A place has opened up for you' end
    end,
    opening || E'\n\n' || case lang
      when 'be' then E'Увайдзіце ў Talaka і адкрыйце свае падзеі, каб убачыць, дзе і калі яна адбудзецца. Калі вы ўжо не можаце прыйсці, адмоўцеся там ад месца, каб яго атрымаў наступны чалавек.\n\n'
                  || 'Мы не пішам у лістах назваў падзей і адрасоў: пошту могуць чытаць іншыя.'
      when 'pl' then E'Zaloguj się do Talaki i otwórz swoje wydarzenia, aby zobaczyć, gdzie i kiedy się odbędzie. Jeśli nie możesz już przyjść, zrezygnuj tam z miejsca, aby otrzymała je następna osoba.\n\n'
                  || 'Nie podajemy w wiadomościach nazw wydarzeń ani adresów: pocztę mogą czytać inni.'
      else E'Sign in to Talaka and open your events to see where and when it takes place. If you can no longer come, please cancel your place there so the next person can have it.\n\n'
           || 'We never put event names or addresses in mail: others may read your mail.'
    end);
end
$$;
comment on function app.mail_event_place(uuid, text) is
  'Writes the "you have a place" mail (reason promoted or approved) for a member into the outbox, in their language, naming no event (T8).';
revoke all on function app.mail_event_place(uuid, text) from public, anon, authenticated;

-- Call with the event locked. Moves waitlisted members up in queue order while places remain,
-- mails each one, and returns how many moved. Nothing moves for a cancelled or ended event.
create function app.promote_from_waitlist(event uuid) returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ev app.events;
  free int;
  moved uuid;
  n int := 0;
begin
  select * into ev from app.events e where e.id = event;
  if not found or ev.status <> 'scheduled' or ev.ends_at <= now() then
    return 0;
  end if;
  free := ev.capacity - app.event_confirmed_count(event);
  for moved in
    select r.member_id from app.event_registrations r
    where r.event_id = event and r.status = 'waitlisted'
    order by r.queue_no
    limit greatest(free, 0)
  loop
    update app.event_registrations r set status = 'confirmed', updated_at = now()
    where r.event_id = event and r.member_id = moved;
    perform app.mail_event_place(moved, 'promoted');
    n := n + 1;
  end loop;
  return n;
end
$$;
comment on function app.promote_from_waitlist(uuid) is
  'With the event locked: confirms waitlisted members in arrival order while places remain, mailing each; returns how many moved.';
revoke all on function app.promote_from_waitlist(uuid) from public, anon, authenticated;

-- Who may see an event (and so sign up for it): members see every event; its organizers see it.
create function app.can_see_event(event uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from app.events e where e.id = event)
     and (app.has_role('member') or app.is_event_organizer(event, (select auth.uid())))
$$;
comment on function app.can_see_event(uuid) is 'True when the caller may see the event: any member, or one of its organizers.';
revoke all on function app.can_see_event(uuid) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The member: sign up, cancel (or leave the waitlist).
-- -------------------------------------------------------------------------------------
create function app.sign_up_for_event(event uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  ev app.events;
  reg app.event_registrations;
  wanted app.registration_status;
begin
  if me is null or not app.has_role('member') then
    raise exception 'members only' using errcode = 'insufficient_privilege', hint = 'events:errors.forbidden';
  end if;
  if not app.can_see_event(event) then
    raise exception 'no such event' using errcode = 'no_data_found', hint = 'events:errors.notFound';
  end if;
  ev := app.lock_event(event);
  select * into reg from app.event_registrations r where r.event_id = event and r.member_id = me;
  -- A repeat (a double click, a second tab) answers with what is there.
  if found and reg.status <> 'cancelled' then
    return app.registration_answer(reg.id, '{"created": false}');
  end if;
  if ev.status = 'cancelled' then
    raise exception 'the event is cancelled' using errcode = 'check_violation', hint = 'events:errors.eventCancelled';
  end if;
  if now() < ev.registration_opens_at or now() >= ev.registration_closes_at then
    raise exception 'registration is closed' using errcode = 'check_violation', hint = 'events:errors.registrationClosed';
  end if;
  wanted := case
    when ev.approval_required then 'pending'
    when app.event_confirmed_count(event) < ev.capacity
         and not exists (select 1 from app.event_registrations w where w.event_id = event and w.status = 'waitlisted')
      then 'confirmed'
    else 'waitlisted' end;
  -- Under the lock: a member who cancelled comes back at the end of the queue.
  insert into app.event_registrations as r (event_id, member_id, status)
  values (event, me, wanted)
  on conflict (event_id, member_id) do update
    set status = excluded.status, queue_no = nextval('app.event_queue_seq'), checkin_code_hash = null,
        checked_in_at = null, updated_at = now()
    where r.status = 'cancelled'
  returning * into reg;
  return app.registration_answer(reg.id, '{"created": true}');
end
$$;
comment on function app.sign_up_for_event(uuid) is
  'Members: one sign-up under the event''s row lock — confirmed while places remain, else waitlisted in arrival order; pending when approval is required. Idempotent; refuses outside the window and for cancelled events.';
revoke all on function app.sign_up_for_event(uuid) from public, anon;
grant execute on function app.sign_up_for_event(uuid) to authenticated;

create function app.cancel_registration(event uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  reg app.event_registrations;
  promoted int := 0;
begin
  if me is null then
    raise exception 'sign in first' using errcode = 'insufficient_privilege', hint = 'events:errors.forbidden';
  end if;
  perform app.lock_event(event);
  select * into reg from app.event_registrations r where r.event_id = event and r.member_id = me;
  if not found then
    return jsonb_build_object('registrationId', null, 'status', null, 'position', null, 'changed', false, 'promoted', 0);
  end if;
  if reg.status not in ('confirmed', 'waitlisted', 'pending') then
    return app.registration_answer(reg.id, '{"changed": false, "promoted": 0}');
  end if;
  update app.event_registrations r
  set status = 'cancelled', checkin_code_hash = null, updated_at = now()
  where r.id = reg.id;
  if reg.status = 'confirmed' then
    promoted := app.promote_from_waitlist(event);
  end if;
  return app.registration_answer(reg.id, jsonb_build_object('changed', true, 'promoted', promoted));
end
$$;
comment on function app.cancel_registration(uuid) is
  'The member: cancels their place, leaves the waitlist or withdraws a pending sign-up; a freed place goes at once to the first waitlisted member (mailed).';
revoke all on function app.cancel_registration(uuid) from public, anon;
grant execute on function app.cancel_registration(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- The event's organizers: approve or decline pending sign-ups; edit the event.
-- -------------------------------------------------------------------------------------
create function app.approve_registration(event uuid, member uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ev app.events;
  reg app.event_registrations;
  wanted app.registration_status;
begin
  perform app.require_event_organizer(event);
  ev := app.lock_event(event);
  select * into reg from app.event_registrations r where r.event_id = event and r.member_id = member;
  if not found then
    raise exception 'no such registration' using errcode = 'no_data_found', hint = 'events:errors.registrationNotFound';
  end if;
  if reg.status <> 'pending' then
    return app.registration_answer(reg.id, '{"changed": false}');
  end if;
  wanted := case
    when app.event_confirmed_count(event) < ev.capacity
         and not exists (select 1 from app.event_registrations w where w.event_id = event and w.status = 'waitlisted')
      then 'confirmed'
    else 'waitlisted' end;
  -- Approval is the arrival in the queue.
  update app.event_registrations r
  set status = wanted, queue_no = nextval('app.event_queue_seq'), updated_at = now()
  where r.id = reg.id;
  if wanted = 'confirmed' then
    perform app.mail_event_place(member, 'approved');
  end if;
  return app.registration_answer(reg.id, '{"changed": true}');
end
$$;
comment on function app.approve_registration(uuid, uuid) is
  'The event''s organizers: a pending sign-up becomes confirmed (mailed) when a place is free, else waitlisted at the end of the queue.';
revoke all on function app.approve_registration(uuid, uuid) from public, anon;
grant execute on function app.approve_registration(uuid, uuid) to authenticated;

create function app.decline_registration(event uuid, member uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  reg app.event_registrations;
begin
  perform app.require_event_organizer(event);
  perform app.lock_event(event);
  select * into reg from app.event_registrations r where r.event_id = event and r.member_id = member;
  if not found then
    raise exception 'no such registration' using errcode = 'no_data_found', hint = 'events:errors.registrationNotFound';
  end if;
  if reg.status <> 'pending' then
    return app.registration_answer(reg.id, '{"changed": false}');
  end if;
  update app.event_registrations r set status = 'declined', updated_at = now() where r.id = reg.id;
  return app.registration_answer(reg.id, '{"changed": true}');
end
$$;
comment on function app.decline_registration(uuid, uuid) is 'The event''s organizers: declines a pending sign-up (the member cannot sign up again for this event).';
revoke all on function app.decline_registration(uuid, uuid) from public, anon;
grant execute on function app.decline_registration(uuid, uuid) to authenticated;

create function app.update_event(event uuid, input jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ev app.events;
  taken int;
begin
  perform app.require_event_organizer(event);
  ev := app.event_from_input(input);
  perform app.lock_event(event);
  taken := app.event_confirmed_count(event);
  if ev.capacity < taken then
    raise exception 'capacity % is below the % confirmed attendees', ev.capacity, taken
      using errcode = 'check_violation', hint = 'events:errors.capacityBelowConfirmed';
  end if;
  update app.events e
  set type = ev.type, title_be = ev.title_be, title_en = ev.title_en, title_pl = ev.title_pl,
      description_be = ev.description_be, description_en = ev.description_en, description_pl = ev.description_pl,
      city_id = ev.city_id, online = ev.online, online_url = ev.online_url, venue_address = ev.venue_address,
      starts_at = ev.starts_at, ends_at = ev.ends_at, time_zone = ev.time_zone, capacity = ev.capacity,
      registration_opens_at = ev.registration_opens_at, registration_closes_at = ev.registration_closes_at,
      approval_required = ev.approval_required, visibility = ev.visibility, updated_at = now()
  where e.id = event;
  perform app.set_event_skills(event, input);
  return jsonb_build_object('promoted', app.promote_from_waitlist(event));
end
$$;
comment on function app.update_event(uuid, jsonb) is
  'The event''s organizers: replaces the event with the editor input; capacity below the confirmed count is refused (events:errors.capacityBelowConfirmed), more capacity promotes from the waitlist at once.';
revoke all on function app.update_event(uuid, jsonb) from public, anon;
grant execute on function app.update_event(uuid, jsonb) to authenticated;

-- -------------------------------------------------------------------------------------
-- A confirmed member's account erased: their place goes to the next in line at once.
-- -------------------------------------------------------------------------------------
create function app.event_place_freed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from app.events e where e.id = old.event_id) then
    perform app.lock_event(old.event_id);
    perform app.promote_from_waitlist(old.event_id);
  end if;
  return null;
end
$$;
comment on function app.event_place_freed() is 'Trigger: a deleted confirmed registration (an erased account) frees its place for the waitlist.';
revoke all on function app.event_place_freed() from public, anon, authenticated;

create trigger event_registrations_place_freed
  after delete on app.event_registrations
  for each row when (old.status = 'confirmed')
  execute function app.event_place_freed();
