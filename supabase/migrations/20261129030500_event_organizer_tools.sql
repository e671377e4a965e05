-- =====================================================================================
-- The event organizer's tools (issue 5, acceptance 10): cancel an event and tell everyone
-- registered, export the attendee list (audited, quota-bound), and the fill level of events
-- for the listing's cards. ADR 024.
--
-- Function contract:
--   app.cancel_event(event uuid) → int                 the event's organizers; how many members
--                                                      were notified (0 when already cancelled)
--   app.export_event_attendees(event uuid) → jsonb     the event's organizers; display names and
--                                                      statuses only (no e-mails), audited
--                                                      ('event_export'), quota 'event_export'
--                                                      (hint 'quota:event_export')
--   app.event_fill(events uuid[]) → rows               members; capacity and the waitlist length
--                                                      (exact for the event's organizers, "lt5"
--                                                      below 5 for everyone else)
-- Refusals as in 20261129030000: 42501 'events:errors.forbidden' / 'events:errors.secondFactorNeeded',
-- P0002 'events:errors.notFound'.
-- =====================================================================================

-- Every action the audit trail knows (all of 20261129020550, plus the event export).
alter table app.audit_events drop constraint audit_events_action_check;
alter table app.audit_events add constraint audit_events_action_check check (action in (
  'profile_view',        -- an organizer opened a profile
  'quota_exceeded',      -- an organizer hit a quota (alert)
  'canary_viewed',       -- an organizer opened a canary profile (alert)
  'search',              -- an organizer searched the directory (detail: the filters)
  'contact_request',     -- an organizer asked a member for contact
  'contact_reveal',      -- an organizer read the channels a member shared with them
  'shortlist_export',    -- an organizer exported a shortlist (detail: how many rows)
  'talent_map',          -- an organizer looked at the talent map
  'saved_search_digest', -- the daily digest of a saved search was sent to its organizer
  'event_export'         -- an organizer exported an event's attendee list (detail: event, rows)
));

insert into app.quota_limits (action, per_interval, "limit") values ('event_export', interval '1 day', 20)
on conflict (action) do nothing;

-- In-app notifications learn a second kind: an event the member registered for was cancelled.
-- The payload holds the event id only; the mailer of notifications sends the mail.
alter table app.notifications drop constraint notifications_kind_check;
alter table app.notifications add constraint notifications_kind_check check (kind in ('contact_request', 'event_cancelled'));

-- -------------------------------------------------------------------------------------
-- Cancelling an event: under the event's row lock (no sign-up slips in), the status becomes
-- cancelled (sign-ups are refused, nobody is promoted, the venue is hidden from attendees), and
-- every member still registered (confirmed, waitlisted, pending) gets a notification.
-- -------------------------------------------------------------------------------------
create function app.cancel_event(event uuid) returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ev app.events;
  notified int;
begin
  perform app.require_event_organizer(event);
  ev := app.lock_event(event);
  if ev.status = 'cancelled' then
    return 0;
  end if;
  update app.events set status = 'cancelled', updated_at = now() where id = event;
  insert into app.notifications (user_id, kind, payload)
  select r.member_id, 'event_cancelled', jsonb_build_object('event', event)
  from app.event_registrations r
  where r.event_id = event and r.status in ('confirmed', 'waitlisted', 'pending');
  get diagnostics notified = row_count;
  return notified;
end
$$;
comment on function app.cancel_event(uuid) is
  'The event''s organizers (second factor): cancels the event and notifies every member registered (confirmed, waitlisted, pending); returns how many; 0 when it was already cancelled.';
revoke all on function app.cancel_event(uuid) from public, anon;
grant execute on function app.cancel_event(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- The attendee list as a file: only what the list page shows (display name, status, waitlist
-- place, check-in), never an e-mail. Quota-bound and audited in the same transaction: if the
-- audit row cannot be written, nothing is returned.
-- -------------------------------------------------------------------------------------
create function app.export_event_attendees(event uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  exported jsonb;
begin
  perform app.require_event_organizer(event);
  perform pg_advisory_xact_lock(hashtextextended('quota:event_export:' || me::text, 0));
  if coalesce(app.quota_remaining('event_export'), 1) = 0 then
    raise exception 'the event export quota is used up' using errcode = 'check_violation', hint = 'quota:event_export';
  end if;
  select coalesce(jsonb_agg(jsonb_build_object(
           'display_name', p.display_name,
           'status', r.status,
           'position', app.waitlist_position(r.id),
           'checked_in', r.checked_in_at is not null)
         order by array_position(array['confirmed', 'waitlisted', 'pending', 'declined', 'cancelled']::app.registration_status[], r.status),
                  r.queue_no), '[]'::jsonb)
    into exported
  from app.event_registrations r
  left join app.profiles p on p.id = r.member_id
  where r.event_id = event;
  insert into app.audit_events (actor, action, detail)
  values (me, 'event_export', jsonb_build_object('event_id', event, 'rows', jsonb_array_length(exported)));
  return jsonb_build_object('event_id', event, 'exported_at', now(), 'rows', exported);
end
$$;
comment on function app.export_event_attendees(uuid) is
  'The event''s organizers (second factor): display names and statuses of everyone registered (no e-mails), within the quota, audited as event_export.';
revoke all on function app.export_event_attendees(uuid) from public, anon;
grant execute on function app.export_event_attendees(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- How full events are, for the listing's picture: capacity and the waitlist length. The
-- confirmed count comes from app.list_events; the waitlist follows the same rule (exact for the
-- event's organizers, otherwise only from 5 up).
-- -------------------------------------------------------------------------------------
create function app.event_fill(events uuid[])
returns table (id uuid, capacity int, waitlisted jsonb)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  if me is null or not app.has_role('member') then
    raise exception 'members only' using errcode = 'insufficient_privilege', hint = 'events:errors.forbidden';
  end if;
  return query
    select e.id, e.capacity,
           case when app.is_event_organizer(e.id, me) and app.has_power('organizer') then to_jsonb(w.n)
                else app.public_attendee_count(w.n) end
    from app.events e
    cross join lateral (select count(*)::bigint as n from app.event_registrations r
                        where r.event_id = e.id and r.status = 'waitlisted') w
    where e.id = any ((coalesce(events, '{}'::uuid[]))[1:100]);
end
$$;
comment on function app.event_fill(uuid[]) is
  'Members: capacity and waitlist length of up to 100 events (the waitlist exact for their organizers, "lt5" below 5 for others).';
revoke all on function app.event_fill(uuid[]) from public, anon;
grant execute on function app.event_fill(uuid[]) to authenticated;
