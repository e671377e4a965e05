-- =====================================================================================
-- Contact requests: an organizer asks, the member answers, and only then do the member's shared
-- channels and CV open to that one organizer (SECURITY "contact is consent", T1, T3).
--
-- The table app.contact_requests, app.has_accepted_contact() and app.organizer_blocks come from
-- 20261129020550. Here: the functions that send, answer, withdraw, block, report and reveal;
-- in-app notifications (and the mark the mailer leaves on them); abuse reports for admins; the
-- CV branch of app.can_see_part(); and the block check in app.organizer_view_profile().
--
-- An unknown id, a member whose identity is not open to organizers and a member who blocked
-- the organizer get one and the same answer (null), so no answer tells whether someone is a
-- member or has blocked anybody.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Notifications: what happened for a member while they were away. The member reads their own
-- rows; they are written only by definer functions. mailed_at is set by the mailer (the system
-- connection) once the matching mail is in the outbox.
-- -------------------------------------------------------------------------------------
create table app.notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind in ('contact_request')),
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  mailed_at timestamptz
);
comment on table app.notifications is
  'In-app notifications of a member (for now: a contact request arrived). payload holds ids only, never a message text.';
alter table app.notifications enable row level security;
revoke all on table app.notifications from public, anon, authenticated;
grant select on table app.notifications to authenticated;
create policy "Members can read their own notifications" on app.notifications for select
  to authenticated using (user_id = (select auth.uid()));
create index notifications_unread on app.notifications (user_id) where read_at is null;
create index notifications_unmailed on app.notifications (created_at) where mailed_at is null;

-- -------------------------------------------------------------------------------------
-- Abuse reports: a member reports a contact request; admins read them as alerts. The report
-- stays when the organizer's account goes (the request and organizer become null) and goes
-- with the reporter's account.
-- -------------------------------------------------------------------------------------
create table app.abuse_reports (
  id bigint generated always as identity primary key,
  reporter_id uuid not null references auth.users (id) on delete cascade,
  organizer_id uuid references auth.users (id) on delete set null,
  request_id uuid references app.contact_requests (id) on delete set null,
  message text not null,
  reason text not null check (char_length(btrim(reason)) between 1 and 2000),
  created_at timestamptz not null default now()
);
comment on table app.abuse_reports is
  'A member''s report that a contact request was abusive, with the request''s message as it was. Read by admins through app.list_abuse_reports().';
alter table app.abuse_reports enable row level security;
revoke all on table app.abuse_reports from public, anon, authenticated;
create index abuse_reports_by_time on app.abuse_reports (created_at desc);

-- -------------------------------------------------------------------------------------
-- The organization an organizer acts for: that of their latest approved application.
-- -------------------------------------------------------------------------------------
create function app.organization_of(organizer uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select a.organization from app.organizer_applications a
  where a.applicant_id = organizer and a.status = 'approved'
  order by a.decided_at desc limit 1
$$;
comment on function app.organization_of(uuid) is 'The organization of the organizer''s latest approved application, or null.';
revoke all on function app.organization_of(uuid) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- Sending. Null for an unknown, hidden or blocking member (one answer for all three), and for a
-- member who declined this organizer in the last 90 days. A repeat while a request is live
-- returns that request and costs nothing. Otherwise: within the daily
-- quota, audited, and the member notified in the app (the mail follows through the mailer).
-- -------------------------------------------------------------------------------------
create function app.send_contact_request(member uuid, message text) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  existing uuid;
  created uuid;
begin
  perform app.require_power('organizer', 'contact');
  if member is null or member = me or not app.can_see_part(member, 'identity') or app.is_blocked(member, me) then
    return null;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('quota:contact_request:' || me::text, 0));
  select r.id into existing from app.contact_requests r
  where r.organizer_id = me and r.member_id = member and r.status in ('pending', 'accepted');
  if existing is not null then
    return existing;
  end if;
  -- A "no" holds for 90 days: declining is not an invitation to ask again tomorrow.
  if exists (select 1 from app.contact_requests r
             where r.organizer_id = me and r.member_id = member and r.status = 'declined'
               and r.answered_at > now() - interval '90 days') then
    return null;
  end if;
  if app.quota_remaining('contact_request') = 0 then
    raise exception 'the contact request quota is used up' using errcode = 'check_violation', hint = 'quota:contact_request';
  end if;
  insert into app.contact_requests (organizer_id, member_id, message)
  values (me, member, btrim(message))
  returning id into created;
  insert into app.audit_events (actor, action, target, detail)
  values (me, 'contact_request', member, jsonb_build_object('request', created));
  insert into app.notifications (user_id, kind, payload)
  values (member, 'contact_request', jsonb_build_object('request', created));
  return created;
end
$$;
comment on function app.send_contact_request(uuid, text) is
  'Organizers with a second factor: ask a member (identity open to organizers, not blocking them) for contact; quota-bound, audited, notified; idempotent while a request is live.';
revoke all on function app.send_contact_request(uuid, text) from public, anon;
grant execute on function app.send_contact_request(uuid, text) to authenticated;

-- -------------------------------------------------------------------------------------
-- Answering (the member it was sent to), withdrawing (the organizer who sent it).
-- -------------------------------------------------------------------------------------
create function app.answer_contact_request(request uuid, accept boolean) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  update app.contact_requests r
  set status = case when accept then 'accepted'::app.contact_request_status else 'declined'::app.contact_request_status end,
      answered_at = now()
  where r.id = request and r.member_id = (select auth.uid()) and r.status = 'pending' and accept is not null;
  return found;
end
$$;
comment on function app.answer_contact_request(uuid, boolean) is
  'The member a pending request was sent to accepts or declines it; false when there is no such pending request of theirs.';
revoke all on function app.answer_contact_request(uuid, boolean) from public, anon;
grant execute on function app.answer_contact_request(uuid, boolean) to authenticated;

-- Taking a request back only ever closes access, so it needs no second factor.
create function app.withdraw_contact_request(request uuid) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  update app.contact_requests r
  set status = 'withdrawn', answered_at = coalesce(r.answered_at, now())
  where r.id = request and r.organizer_id = (select auth.uid()) and r.status in ('pending', 'accepted');
  return found;
end
$$;
comment on function app.withdraw_contact_request(uuid) is
  'The organizer takes back their pending or accepted request: an accepted one stops revealing.';
revoke all on function app.withdraw_contact_request(uuid) from public, anon;
grant execute on function app.withdraw_contact_request(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- Blocking and reporting, by a member who got a request from that organizer.
-- -------------------------------------------------------------------------------------
create function app.block_organizer(organizer uuid) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  if not exists (select 1 from app.contact_requests r where r.member_id = me and r.organizer_id = organizer) then
    return false;
  end if;
  insert into app.organizer_blocks (member_id, organizer_id) values (me, organizer) on conflict do nothing;
  update app.contact_requests r
  set status = 'withdrawn', answered_at = coalesce(r.answered_at, now())
  where r.member_id = me and r.organizer_id = organizer and r.status in ('pending', 'accepted');
  return true;
end
$$;
comment on function app.block_organizer(uuid) is
  'A member blocks an organizer who sent them a request: their live requests are withdrawn (nothing stays revealed) and no new ones come.';
revoke all on function app.block_organizer(uuid) from public, anon;
grant execute on function app.block_organizer(uuid) to authenticated;

create function app.report_contact_abuse(request uuid, reason text) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  reported app.contact_requests;
begin
  select * into reported from app.contact_requests r where r.id = request and r.member_id = me;
  if not found then
    return false;
  end if;
  insert into app.abuse_reports (reporter_id, organizer_id, request_id, message, reason)
  values (me, reported.organizer_id, reported.id, reported.message, btrim(reason));
  return true;
end
$$;
comment on function app.report_contact_abuse(uuid, text) is
  'The member a request was sent to reports it as abuse; admins see the report (app.list_abuse_reports).';
revoke all on function app.report_contact_abuse(uuid, text) from public, anon;
grant execute on function app.report_contact_abuse(uuid, text) to authenticated;

create function app.list_abuse_reports(max_rows int default 100)
returns table (id bigint, created_at timestamptz, organizer_id uuid, organizer_email text, organization text,
               message text, reason text)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select a.id, a.created_at, a.organizer_id, u.email::text, app.organization_of(a.organizer_id), a.message, a.reason
    from app.abuse_reports a
    left join auth.users u on u.id = a.organizer_id
    order by a.created_at desc, a.id desc
    limit least(greatest(coalesce(max_rows, 100), 1), 500);
end
$$;
comment on function app.list_abuse_reports(int) is
  'Admins with a second factor: the newest abuse reports (organizer, organization, the message, the reason). The reporter is not named.';
revoke all on function app.list_abuse_reports(int) from public, anon;
grant execute on function app.list_abuse_reports(int) to authenticated;

-- -------------------------------------------------------------------------------------
-- The reveal: the channels a member shares, and whether their CV can be downloaded, for an
-- organizer whose request they accepted. Nothing (null, not counted) without acceptance.
-- app.reveal_cv() is the same check and audit row for a CV download.
-- -------------------------------------------------------------------------------------
create function app.begin_reveal(member uuid, part text) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  perform app.require_power('organizer', 'contact');
  if not app.has_accepted_contact(me, member) or app.is_blocked(member, me) then
    return false;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('quota:contact_reveal:' || me::text, 0));
  if app.quota_remaining('contact_reveal') = 0 then
    raise exception 'the contact reveal quota is used up' using errcode = 'check_violation', hint = 'quota:contact_reveal';
  end if;
  insert into app.audit_events (actor, action, target, detail)
  values (me, 'contact_reveal', member, jsonb_build_object('part', part));
  return true;
end
$$;
comment on function app.begin_reveal(uuid, text) is
  'Shared check of the reveals: power, an accepted request, the quota, then the audit row. False (nothing written) without acceptance.';
revoke all on function app.begin_reveal(uuid, text) from public, anon, authenticated;

create function app.contact_reveal(member uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if not app.begin_reveal(member, 'channels') then
    return null;
  end if;
  return jsonb_build_object(
    'channels', coalesce((select jsonb_agg(jsonb_build_object('kind', c.kind, 'value', c.value) order by c.kind)
                          from app.contact_channels c where c.profile_id = member), '[]'),
    'cv', exists (select 1 from app.profiles p
                  where p.id = member and p.cv_audience = 'organizers' and p.cv_path is not null));
end
$$;
comment on function app.contact_reveal(uuid) is
  'Organizers with a second factor whose request the member accepted: the member''s channels and whether a CV is open to them; quota-bound, audited. Null otherwise.';
revoke all on function app.contact_reveal(uuid) from public, anon;
grant execute on function app.contact_reveal(uuid) to authenticated;

create function app.reveal_cv(member uuid) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from app.profiles p where p.id = member and p.cv_audience = 'organizers' and p.cv_path is not null) then
    return false;
  end if;
  return app.begin_reveal(member, 'cv');
end
$$;
comment on function app.reveal_cv(uuid) is
  'Before a CV download by an organizer: true (and a contact_reveal audit row, counted in the quota) when the member accepted them and opened the CV to organizers.';
revoke all on function app.reveal_cv(uuid) from public, anon;
grant execute on function app.reveal_cv(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- Lists: the member's inbox and the organizer's sent requests, newest first.
-- -------------------------------------------------------------------------------------
create function app.my_contact_requests()
returns table (id uuid, organizer_id uuid, organizer_name text, organization text, message text,
               status app.contact_request_status, created_at timestamptz, answered_at timestamptz, blocked boolean)
language sql stable security definer
set search_path = ''
as $$
  select r.id, r.organizer_id,
         -- Named as their identity part shows to this member, as on "who viewed my profile".
         case when app.can_see_part(r.organizer_id, 'identity') then p.display_name end,
         app.organization_of(r.organizer_id), r.message, r.status, r.created_at, r.answered_at,
         app.is_blocked(r.member_id, r.organizer_id)
  from app.contact_requests r
  left join app.profiles p on p.id = r.organizer_id
  where r.member_id = (select auth.uid())
  order by r.created_at desc
  limit 200
$$;
comment on function app.my_contact_requests() is
  'The caller''s received contact requests: organizer name (if visible to them), organization, message, status, dates. Never the organizer''s e-mail.';
revoke all on function app.my_contact_requests() from public, anon;
grant execute on function app.my_contact_requests() to authenticated;

create function app.my_sent_contact_requests()
returns table (id uuid, member_id uuid, member_name text, status app.contact_request_status,
               created_at timestamptz, answered_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  perform app.require_power('organizer', 'contact');
  -- A member who blocked the organizer disappears from the list, as from everything else.
  return query
    select r.id, r.member_id, case when app.can_see_part(r.member_id, 'identity') then p.display_name end,
           r.status, r.created_at, r.answered_at
    from app.contact_requests r
    left join app.profiles p on p.id = r.member_id
    where r.organizer_id = me and not app.is_blocked(r.member_id, me)
    order by r.created_at desc
    limit 200;
end
$$;
comment on function app.my_sent_contact_requests() is
  'Organizers with a second factor: their sent requests (member name if open to them, status, dates), without members who blocked them.';
revoke all on function app.my_sent_contact_requests() from public, anon;
grant execute on function app.my_sent_contact_requests() to authenticated;

-- The organizer's latest request to one member (for the profile page), blocked ones excluded.
create function app.my_contact_request_to(member uuid)
returns table (id uuid, status app.contact_request_status, created_at timestamptz, answered_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  perform app.require_power('organizer', 'contact');
  return query
    select r.id, r.status, r.created_at, r.answered_at
    from app.contact_requests r
    where r.organizer_id = me and r.member_id = member and not app.is_blocked(member, me)
    order by r.created_at desc
    limit 1;
end
$$;
comment on function app.my_contact_request_to(uuid) is
  'Organizers with a second factor: their latest request to the member, if any (none when blocked).';
revoke all on function app.my_contact_request_to(uuid) from public, anon;
grant execute on function app.my_contact_request_to(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- Notifications for the caller.
-- -------------------------------------------------------------------------------------
create function app.unread_notification_count() returns int
language sql stable security definer
set search_path = ''
as $$
  select count(*)::int from app.notifications n where n.user_id = (select auth.uid()) and n.read_at is null
$$;
comment on function app.unread_notification_count() is 'How many of the caller''s notifications are unread.';
revoke all on function app.unread_notification_count() from public, anon;
grant execute on function app.unread_notification_count() to authenticated;

create function app.mark_my_notifications_read(wanted text) returns int
language sql volatile security definer
set search_path = ''
as $$
  with marked as (
    update app.notifications n set read_at = now()
    where n.user_id = (select auth.uid()) and n.kind = wanted and n.read_at is null
    returning 1)
  select count(*)::int from marked
$$;
comment on function app.mark_my_notifications_read(text) is 'Marks the caller''s unread notifications of a kind as read (the inbox was opened); how many.';
revoke all on function app.mark_my_notifications_read(text) from public, anon;
grant execute on function app.mark_my_notifications_read(text) to authenticated;

-- -------------------------------------------------------------------------------------
-- CVs: open to an organizer (with a second factor) whose request the member accepted, when the
-- member opened their CV to organizers. Every other branch as in 20261129020400.
-- -------------------------------------------------------------------------------------
create or replace function app.can_see_part(owner_id uuid, part text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case
    when (select auth.uid()) is null then false
    when owner_id = (select auth.uid()) then true
    else coalesce((
      select case audience
               when 'members' then (select app.has_role('member'))
               when 'organizers' then (select app.has_power('organizer'))
               else false
             end
      from (select case part
                     when 'identity' then p.identity_audience
                     when 'legal_name' then p.legal_name_audience
                     when 'skills' then p.skills_audience
                     when 'bio' then p.bio_audience
                     when 'photo' then p.photo_audience
                     -- A CV reaches only an organizer whose contact request the member accepted.
                     when 'cv' then case
                                      when p.cv_audience = 'organizers'
                                           and app.has_accepted_contact((select auth.uid()), p.id)
                                      then 'organizers'::app.audience
                                      else 'only_me'::app.audience
                                    end
                   end as audience
            from app.profiles p where p.id = owner_id) chosen), false)
  end
$$;
comment on function app.can_see_part(uuid, text) is
  'True when the caller may see the given part (identity, legal_name, skills, bio, photo, cv) of a profile; organizer parts need aal2; a CV needs an accepted contact request.';

-- -------------------------------------------------------------------------------------
-- The organizer's view of a profile (20261129020500), now refusing a member who blocked the
-- organizer with the answer an unknown id gets.
-- -------------------------------------------------------------------------------------
create or replace function app.organizer_view_profile(target uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  result jsonb;
begin
  perform app.require_power('organizer', 'audit');
  -- An organizer looking at their own profile is not a view of anyone.
  if target = me then
    return app.profile_for_viewer(target);
  end if;
  -- One organizer's calls are counted one after the other, so parallel requests cannot
  -- overrun the quota.
  perform pg_advisory_xact_lock(hashtextextended('quota:profile_view:' || me::text, 0));
  if app.quota_remaining('profile_view') = 0 then
    raise exception 'the profile view quota is used up' using errcode = 'check_violation', hint = 'quota:profile_view';
  end if;
  -- A member who blocked this organizer is, to them, nobody.
  result := case when app.is_blocked(target, me) then null else app.profile_for_viewer(target) end;
  -- A hidden or unknown profile shows nothing: not a view, and not counted.
  if result is null then
    return null;
  end if;
  insert into app.audit_events (actor, action, target) values (me, 'profile_view', target);
  if exists (select 1 from app.profiles p where p.id = target and p.is_canary) then
    insert into app.audit_events (actor, action, target, detail)
    values (me, 'canary_viewed', target, jsonb_build_object('alert', true));
  end if;
  return result;
end
$$;
comment on function app.organizer_view_profile(uuid) is
  'Organizers with a second factor: a profile as app.profile_for_viewer() shows it (nothing when the member blocked them), within the quota, audited (and canaries alerted).';

-- -------------------------------------------------------------------------------------
-- "Download my data" (20261129012000) now also holds the contact requests the caller received
-- and sent, their blocks, abuse reports and notifications. Everything else exactly as there.
-- -------------------------------------------------------------------------------------

create or replace function app.export_my_data() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_email text;
  result jsonb;
begin
  if me is null then
    raise exception 'export_my_data needs a signed-in caller' using errcode = 'insufficient_privilege';
  end if;
  select u.email into my_email from auth.users u where u.id = me;

  result := jsonb_build_object(
    -- Raised when a key changes meaning; new keys alone do not raise it.
    'format_version', 1,
    'exported_at', now(),

    -- The account, allow-listed: never the password hash, never a token.
    'account', (
      select jsonb_build_object(
        'id', u.id,
        'email', u.email,
        'phone', u.phone,
        'created_at', u.created_at,
        'updated_at', u.updated_at,
        'email_confirmed_at', u.email_confirmed_at,
        'last_sign_in_at', u.last_sign_in_at,
        'user_metadata', coalesce(u.raw_user_meta_data, '{}'))
      from auth.users u where u.id = me),

    'roles', coalesce((
      select jsonb_agg(jsonb_build_object('role', r.role, 'granted_at', r.granted_at) order by r.granted_at, r.role)
      from app.user_roles r where r.user_id = me), '[]'),

    -- Every column of the profile (audiences included), so a column added later is exported too.
    'profile', (
      select to_jsonb(p)
        || jsonb_build_object(
             'languages', coalesce((select jsonb_agg(to_jsonb(l) - 'profile_id' order by l.language_code)
                                    from app.profile_languages l where l.profile_id = me), '[]'),
             'skills', coalesce((select jsonb_agg(to_jsonb(s) - 'profile_id' order by s.skill_id)
                                 from app.profile_skills s where s.profile_id = me), '[]'),
             'tags', coalesce((select jsonb_agg(t.tag order by t.tag)
                               from app.profile_tags t where t.profile_id = me), '[]'),
             'directions', coalesce((select jsonb_agg(d.direction_id order by d.direction_id)
                                     from app.profile_directions d where d.profile_id = me), '[]'))
      from app.profiles p where p.id = me),

    'contact_channels', coalesce((
      select jsonb_agg(to_jsonb(c) - 'profile_id' order by c.kind)
      from app.contact_channels c where c.profile_id = me), '[]'),

    -- All consents, withdrawn ones included: what was agreed to, in which wording, and when.
    'consents', coalesce((
      select jsonb_agg(jsonb_build_object('purpose', c.purpose, 'version', c.version,
                                          'granted_at', c.granted_at, 'withdrawn_at', c.withdrawn_at)
                       order by c.granted_at, c.id)
      from app.consents c where c.user_id = me), '[]'),

    -- Files in the caller's folder (<user-id>/…) of any bucket: what they are, not the bytes.
    'files', coalesce((
      select jsonb_agg(jsonb_build_object('bucket', o.bucket_id, 'name', o.name,
                                          'size', (o.metadata ->> 'size')::bigint,
                                          'content_type', o.metadata ->> 'mimetype',
                                          'created_at', o.created_at)
                       order by o.bucket_id, o.name)
      from storage.objects o where (storage.foldername(o.name))[1] = me::text), '[]'),

    -- Signed-in devices, without the session ids (a session id is a key to the account).
    'sessions', coalesce((
      select jsonb_agg(jsonb_build_object('created_at', s.created_at, 'refreshed_at', s.refreshed_at,
                                          'not_after', s.not_after, 'user_agent', s.user_agent)
                       order by s.created_at)
      from auth.sessions s where s.user_id = me), '[]'),

    'second_factors', coalesce((
      select jsonb_agg(jsonb_build_object('type', f.factor_type, 'name', f.friendly_name,
                                          'status', f.status, 'created_at', f.created_at)
                       order by f.created_at)
      from auth.mfa_factors f where f.user_id = me), '[]'),

    -- Mails we sent them: which and when, never the text (it held sign-in links).
    'mails', coalesce((
      select jsonb_agg(jsonb_build_object('template', m.template, 'language', m.locale,
                                          'created_at', m.created_at, 'sent_at', m.sent_at)
                       order by m.created_at, m.id)
      from app.mail_outbox m where lower(m.to_address) = lower(my_email)), '[]'),

    -- Contact requests sent to the caller: the organizer as the inbox names them, never their e-mail.
    'contact_requests_received', coalesce((
      select jsonb_agg(jsonb_build_object('organization', app.organization_of(r.organizer_id),
                                          'organizer_name', case when app.can_see_part(r.organizer_id, 'identity') then p.display_name end,
                                          'message', r.message, 'status', r.status,
                                          'created_at', r.created_at, 'answered_at', r.answered_at)
                       order by r.created_at)
      from app.contact_requests r left join app.profiles p on p.id = r.organizer_id
      where r.member_id = me), '[]'),

    -- Requests the caller sent as an organizer: their own words and the outcome, not who to.
    'contact_requests_sent', coalesce((
      select jsonb_agg(jsonb_build_object('message', r.message, 'status', r.status,
                                          'created_at', r.created_at, 'answered_at', r.answered_at)
                       order by r.created_at)
      from app.contact_requests r where r.organizer_id = me), '[]'),

    -- Organizers the caller blocked and abuse they reported, by organization only.
    'blocked_organizers', coalesce((
      select jsonb_agg(jsonb_build_object('organization', app.organization_of(b.organizer_id), 'created_at', b.created_at)
                       order by b.created_at)
      from app.organizer_blocks b where b.member_id = me), '[]'),
    'abuse_reports', coalesce((
      select jsonb_agg(jsonb_build_object('organization', app.organization_of(a.organizer_id), 'reason', a.reason,
                                          'created_at', a.created_at)
                       order by a.created_at)
      from app.abuse_reports a where a.reporter_id = me), '[]'),

    'notifications', coalesce((
      select jsonb_agg(jsonb_build_object('kind', n.kind, 'created_at', n.created_at, 'read_at', n.read_at)
                       order by n.created_at, n.id)
      from app.notifications n where n.user_id = me), '[]')

    -- Later issues add their sections here, in the same manner:
    --   'event_registrations' (events issue): the caller's sign-ups, not other attendees;
    --   'profile_views' (organizers issue): who viewed the caller's profile, and when.
  );
  return result;
end
$$;
comment on function app.export_my_data() is
  'Everything Talaka holds about the caller (account, roles, profile and its lists, contact channels, consents, files, sessions, second factors, mails sent, contact requests received and sent, blocks, abuse reports, notifications), as JSON with format_version. Never password hashes, tokens, session ids or mail bodies; never another person''s data.';
