-- =====================================================================================
-- Event notifications, reminders, check-in and the member's registrations in their export
-- (issue 5, acceptance 5 mail, 6 retention, 7, 8, 9; SECURITY T8). ADR 025.
--
-- 1. Every mail about an event is a row of app.notifications (kind event_place, event_approved,
--    event_cancelled, event_reminder; payload {"event": id}); the app's one mailer
--    (app/modules/notifications/mail-notifications.server.ts) renders it from the locale files in
--    the member's language. SQL no longer writes mail texts. No mail names the event or the place.
-- 2. Reminders: app.take_event_reminders() (system only, the hourly job) writes one event_reminder
--    notification per confirmed registration of a scheduled event starting within the next 24
--    hours (and not within the next 2), exactly once: the registration's reminded_at is set in the
--    same statement, and a concurrent run skips rows another run has taken.
-- 3. Check-in: every confirmed registration has a one-time code of 8 characters from an
--    unambiguous alphabet, derived by HMAC from the registration (id, queue_no) under a random key
--    of the database; the row keeps its SHA-256 only (checkin_code_hash), set by a trigger whenever
--    a registration is confirmed.
-- 4. Retention: app.forget_event_notifications() drops event notifications (they name an event:
--    attendance) together with the registrations, after the same time.
--
-- Function contract:
--   app.my_event_pass(event uuid) → jsonb        the member; {"code", "checkedInAt"} when they are
--                                                a confirmed attendee of a scheduled event, else null
--   app.check_in(event uuid, code text) → jsonb  the event's organizers (power, second factor):
--                                                {"result": "checked_in" | "already" | "unknown",
--                                                 "displayName", "checkedInAt", "checkedIn", "confirmed"}
--   app.take_event_reminders() → int            system only (the reminder job)
--   app.forget_event_notifications(interval) → int  system only (the retention job)
-- Refusals as in 20261129030000: 42501 'events:errors.forbidden' / 'events:errors.secondFactorNeeded',
-- P0002 'events:errors.notFound', check_violation 'events:errors.eventCancelled'.
-- =====================================================================================

-- Every kind a notification can be (20261129020700 and 20261129030500, plus places and reminders).
alter table app.notifications drop constraint notifications_kind_check;
alter table app.notifications add constraint notifications_kind_check check (kind in (
  'contact_request',  -- an organizer asked the member for contact (payload: request)
  'event_place',      -- the member moved up from the waitlist (payload: event)
  'event_approved',   -- an organizer approved the member's sign-up, with a place (payload: event)
  'event_cancelled',  -- an event the member registered for was cancelled (payload: event)
  'event_reminder'    -- an event the member is confirmed for starts within a day (payload: event)
));
comment on table app.notifications is
  'In-app notifications of a member (contact requests, event places, cancellations, reminders); each is mailed once by the app''s mailer (mailed_at). payload holds ids only, never a text.';
create index notifications_by_event on app.notifications ((payload ->> 'event')) where payload ? 'event';

-- -------------------------------------------------------------------------------------
-- 1. "You have a place" becomes a notification (the mailer writes the mail).
-- -------------------------------------------------------------------------------------
create function app.notify_event_place(member uuid, event uuid, reason text) returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into app.notifications (user_id, kind, payload)
  values (member, case when reason = 'approved' then 'event_approved' else 'event_place' end,
          jsonb_build_object('event', event))
$$;
comment on function app.notify_event_place(uuid, uuid, text) is
  'Notifies a member that they have a place at an event (reason promoted or approved); the mailer mails it, naming no event (T8).';
revoke all on function app.notify_event_place(uuid, uuid, text) from public, anon, authenticated;

-- The old two-argument form, kept for any caller written against 20261129030100: the event is
-- the one where this member was confirmed in this transaction and not yet notified about.
create or replace function app.mail_event_place(member uuid, reason text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  event uuid;
begin
  select r.event_id into event
  from app.event_registrations r
  where r.member_id = member and r.status = 'confirmed' and r.updated_at = now()
    and not exists (select 1 from app.notifications n
                    where n.user_id = member and n.created_at = now() and n.kind in ('event_place', 'event_approved')
                      and n.payload ->> 'event' = r.event_id::text)
  order by r.queue_no desc
  limit 1;
  if event is not null then
    perform app.notify_event_place(member, event, reason);
  end if;
end
$$;
comment on function app.mail_event_place(uuid, text) is
  'Superseded by app.notify_event_place(member, event, reason): notifies the member of the place they got in this transaction (the mailer sends the mail).';

-- As in 20261129030100, with the notification naming the event.
create or replace function app.promote_from_waitlist(event uuid) returns int
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
    perform app.notify_event_place(moved, event, 'promoted');
    n := n + 1;
  end loop;
  return n;
end
$$;
comment on function app.promote_from_waitlist(uuid) is
  'With the event locked: confirms waitlisted members in arrival order while places remain, notifying each (mailed by the app); returns how many moved.';

create or replace function app.approve_registration(event uuid, member uuid) returns jsonb
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
  update app.event_registrations r
  set status = wanted, queue_no = nextval('app.event_queue_seq'), updated_at = now()
  where r.id = reg.id;
  if wanted = 'confirmed' then
    perform app.notify_event_place(member, event, 'approved');
  end if;
  return app.registration_answer(reg.id, '{"changed": true}');
end
$$;
comment on function app.approve_registration(uuid, uuid) is
  'The event''s organizers: a pending sign-up becomes confirmed (notified) when a place is free, else waitlisted at the end of the queue.';

-- -------------------------------------------------------------------------------------
-- 2. Reminders, the day before.
-- -------------------------------------------------------------------------------------
alter table app.event_registrations add column reminded_at timestamptz;
comment on column app.event_registrations.reminded_at is
  'When the reminder notification was written (once per registration; app.take_event_reminders).';

create function app.take_event_reminders() returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  written int;
begin
  -- The update takes each row once: a concurrent run waits for the row, sees reminded_at set
  -- and leaves it (read committed re-checks the condition), so nobody is reminded twice.
  with due as (
    update app.event_registrations r
    set reminded_at = now()
    from app.events e
    where e.id = r.event_id
      and r.status = 'confirmed' and r.reminded_at is null
      and e.status = 'scheduled'
      and e.starts_at > now() + interval '2 hours'
      and e.starts_at <= now() + interval '24 hours'
    returning r.member_id, r.event_id
  )
  insert into app.notifications (user_id, kind, payload)
  select due.member_id, 'event_reminder', jsonb_build_object('event', due.event_id) from due;
  get diagnostics written = row_count;
  return written;
end
$$;
comment on function app.take_event_reminders() is
  'System only (the hourly reminder job): one event_reminder notification per confirmed registration of a scheduled event starting in 2 to 24 hours, exactly once (reminded_at); returns how many.';
revoke all on function app.take_event_reminders() from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- 3. Check-in codes.
-- -------------------------------------------------------------------------------------
create table app.checkin_key (
  id boolean primary key default true check (id),
  key bytea not null default extensions.gen_random_bytes(32)
);
comment on table app.checkin_key is
  'The one random key check-in codes are derived from (HMAC of the registration); system only. A registration row holds only the code''s hash.';
alter table app.checkin_key enable row level security;
revoke all on table app.checkin_key from public, anon, authenticated;
insert into app.checkin_key default values;

-- 8 characters of A–Z and 2–9 without I, O, 0 and 1 (32 signs, 40 bits).
create function app.checkin_code(registration uuid, queue_no bigint) returns text
language sql stable security definer
set search_path = ''
as $$
  select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', get_byte(k.mac, i) % 32 + 1, 1), '' order by i)
  from (select extensions.hmac(convert_to(registration::text || ':' || queue_no::text, 'UTF8'), c.key, 'sha256') as mac
        from app.checkin_key c) k
  cross join generate_series(0, 7) i
$$;
comment on function app.checkin_code(uuid, bigint) is 'The check-in code of a registration (HMAC under app.checkin_key; a new queue number gives a new code).';
revoke all on function app.checkin_code(uuid, bigint) from public, anon, authenticated;

create function app.checkin_code_hash(code text) returns text
language sql immutable
set search_path = ''
as $$ select encode(extensions.digest(convert_to(code, 'UTF8'), 'sha256'), 'hex') $$;
comment on function app.checkin_code_hash(text) is 'SHA-256 (hex) of a normalized check-in code, as stored in event_registrations.checkin_code_hash.';
revoke all on function app.checkin_code_hash(text) from public, anon, authenticated;

create function app.set_checkin_code_hash() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.checkin_code_hash := case when new.status = 'confirmed'
                                then app.checkin_code_hash(app.checkin_code(new.id, new.queue_no)) end;
  return new;
end
$$;
comment on function app.set_checkin_code_hash() is 'Trigger: a confirmed registration gets the hash of its check-in code; any other status none.';
revoke all on function app.set_checkin_code_hash() from public, anon, authenticated;

create trigger event_registrations_checkin_code
  before insert or update of status, queue_no, checkin_code_hash on app.event_registrations
  for each row execute function app.set_checkin_code_hash();

-- Registrations confirmed before this migration get their code now.
update app.event_registrations set checkin_code_hash = null where status = 'confirmed';
create index event_registrations_by_checkin_code on app.event_registrations (event_id, checkin_code_hash)
  where checkin_code_hash is not null;

create function app.my_event_pass(event uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object('code', app.checkin_code(r.id, r.queue_no), 'checkedInAt', r.checked_in_at)
  from app.event_registrations r
  join app.events e on e.id = r.event_id
  where r.event_id = event and r.member_id = (select auth.uid())
    and r.status = 'confirmed' and e.status = 'scheduled'
$$;
comment on function app.my_event_pass(uuid) is
  'The member: their check-in code for an event they are confirmed for (scheduled events only), and when they checked in; null otherwise.';
revoke all on function app.my_event_pass(uuid) from public, anon;
grant execute on function app.my_event_pass(uuid) to authenticated;

create function app.check_in(event uuid, code text) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ev app.events;
  clean text := upper(regexp_replace(coalesce(code, ''), '[\s-]', '', 'g'));
  reg app.event_registrations;
  outcome text;
begin
  perform app.require_event_organizer(event);
  select * into ev from app.events e where e.id = event;
  if ev.status = 'cancelled' then
    raise exception 'the event is cancelled' using errcode = 'check_violation', hint = 'events:errors.eventCancelled';
  end if;
  if clean ~ '^[A-Z2-9]{8}$' then
    select * into reg from app.event_registrations r
    where r.event_id = event and r.status = 'confirmed' and r.checkin_code_hash = app.checkin_code_hash(clean)
    for update;
  end if;
  if reg.id is null then
    outcome := 'unknown';
  elsif reg.checked_in_at is not null then
    outcome := 'already';
  else
    update app.event_registrations r set checked_in_at = now() where r.id = reg.id
    returning * into reg;
    outcome := 'checked_in';
  end if;
  return jsonb_build_object(
    'result', outcome,
    'displayName', case when reg.id is not null then (select p.display_name from app.profiles p where p.id = reg.member_id) end,
    'checkedInAt', reg.checked_in_at,
    'checkedIn', (select count(*) from app.event_registrations r where r.event_id = event and r.status = 'confirmed' and r.checked_in_at is not null),
    'confirmed', app.event_confirmed_count(event));
end
$$;
comment on function app.check_in(uuid, text) is
  'The event''s organizers (second factor): marks the confirmed attendee holding this code as arrived, once; "already" for a used code, "unknown" for a code of another event or none; with the counts.';
revoke all on function app.check_in(uuid, text) from public, anon;
grant execute on function app.check_in(uuid, text) to authenticated;

-- -------------------------------------------------------------------------------------
-- 4. Retention of event notifications (they say who signed up for what).
-- -------------------------------------------------------------------------------------
create function app.forget_event_notifications(older_than interval default '30 days') returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  removed int;
begin
  delete from app.notifications n
  where n.kind like 'event\_%'
    and not exists (select 1 from app.events e
                    where e.id::text = n.payload ->> 'event' and e.ends_at >= now() - older_than);
  get diagnostics removed = row_count;
  return removed;
end
$$;
comment on function app.forget_event_notifications(interval) is
  'System only (the retention job): deletes event notifications of events that ended more than older_than ago (or no longer exist); returns how many.';
revoke all on function app.forget_event_notifications(interval) from public, anon, authenticated;
