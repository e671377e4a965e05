-- =====================================================================================
-- Audited, quota-bound organizer profile views; "who viewed my profile" (SECURITY T1, T3).
--
-- An organizer opens a profile only through app.organizer_view_profile(): it asks for the
-- organizer role AND a second factor, enforces the daily quota (halved on probation), writes the
-- audit row and returns what app.profile_for_viewer() allows, all in one transaction: if the
-- audit write fails, nothing is returned. Canary profiles (set by admins) raise an alert the
-- moment an organizer opens one. Members read who viewed them through app.who_viewed_me();
-- admins read the whole trail through app.list_audit_events(). Nobody holds a grant on the
-- tables below: they are read and written only by the security definer functions here.
-- No IP addresses are ever stored.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- The audit trail. Append-only; rows about an erased member go with their account (target),
-- an erased organizer's rows stay without an actor.
-- -------------------------------------------------------------------------------------
create table app.audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid references auth.users (id) on delete set null,
  action text not null check (action in ('profile_view', 'quota_exceeded', 'canary_viewed')),
  target uuid references auth.users (id) on delete cascade,
  detail jsonb not null default '{}'::jsonb
);
comment on table app.audit_events is
  'Who did what to whom and when: profile views, quota refusals and canary alerts. No IPs. Read only through definer functions.';
alter table app.audit_events enable row level security;
revoke all on table app.audit_events from public, anon, authenticated;

-- The quota window of one organizer, and "who viewed me" for one member.
create index audit_events_by_actor on app.audit_events (actor, action, at desc);
create index audit_events_by_target on app.audit_events (target, action, at desc);
create index audit_events_by_time on app.audit_events (at desc, id desc);

-- -------------------------------------------------------------------------------------
-- Quotas: how many calls of an action an organizer may make per interval, counted from the
-- audit trail and multiplied by app.quota_factor() (0.5 on probation).
-- -------------------------------------------------------------------------------------
create table app.quota_limits (
  action text primary key,
  per_interval interval not null check (per_interval > interval '0'),
  "limit" int not null check ("limit" > 0)
);
comment on table app.quota_limits is 'Per action: at most "limit" calls per per_interval for each organizer, times app.quota_factor().';
alter table app.quota_limits enable row level security;
revoke all on table app.quota_limits from public, anon, authenticated;

insert into app.quota_limits (action, per_interval, "limit") values ('profile_view', interval '1 day', 100);

-- -------------------------------------------------------------------------------------
-- Canary profiles: decoy profiles created by admins. Not in any column grant, so a member
-- cannot set or clear it on their own profile; admins set it through app.set_canary().
-- -------------------------------------------------------------------------------------
alter table app.profiles add column is_canary boolean not null default false;
comment on column app.profiles.is_canary is 'A decoy profile: any organizer opening it raises an alert to admins. Set by admins only.';

create function app.set_canary(target uuid, canary boolean) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  update app.profiles p set is_canary = canary where p.id = target;
end
$$;
comment on function app.set_canary(uuid, boolean) is 'Admins with a second factor: mark or unmark a profile as a canary.';
revoke all on function app.set_canary(uuid, boolean) from public, anon;
grant execute on function app.set_canary(uuid, boolean) to authenticated;

-- -------------------------------------------------------------------------------------
-- How many more calls of an action the caller may make now (never negative). The window and
-- the limit come from app.quota_limits; no row means no quota.
-- -------------------------------------------------------------------------------------
create function app.quota_remaining(wanted text) returns int
language sql stable security definer
set search_path = ''
as $$
  select greatest(0, floor(q."limit" * app.quota_factor())::int - (
           select count(*)::int from app.audit_events e
           where e.actor = (select auth.uid()) and e.action = q.action and e.at > now() - q.per_interval))
  from app.quota_limits q
  where q.action = wanted
$$;
comment on function app.quota_remaining(text) is 'Calls of an action the caller has left in the current window; null when the action has no quota.';
revoke all on function app.quota_remaining(text) from public, anon;
grant execute on function app.quota_remaining(text) to authenticated;

-- -------------------------------------------------------------------------------------
-- The organizer's view of a profile.
--
-- A refusal raises (42501 without the power, check_violation with hint 'quota:<action>' over
-- quota), which rolls the transaction back: the quota alert cannot be written in the refused
-- call itself. The app therefore calls app.record_quota_exceeded() right after, in its own
-- transaction; that function writes the alert only when the caller is truly out of quota.
-- -------------------------------------------------------------------------------------

create function app.organizer_view_profile(target uuid) returns jsonb
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
  result := app.profile_for_viewer(target);
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
  'Organizers with a second factor: a profile as app.profile_for_viewer() shows it, within the quota, audited (and canaries alerted).';
revoke all on function app.organizer_view_profile(uuid) from public, anon;
grant execute on function app.organizer_view_profile(uuid) to authenticated;

create function app.record_quota_exceeded(wanted text, target uuid default null) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  -- Quota refusals happen only after the power check, so only an organizer at aal2 gets here.
  if not app.has_power('organizer') then
    return false;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('quota:' || wanted || ':' || auth.uid()::text, 0));
  -- Only the truth: an alert is written when the caller has no calls left.
  if coalesce(app.quota_remaining(wanted), 1) > 0 then
    return false;
  end if;
  insert into app.audit_events (actor, action, target, detail)
  values (auth.uid(), 'quota_exceeded', target, jsonb_build_object('alert', true, 'quota', wanted));
  return true;
end
$$;
comment on function app.record_quota_exceeded(text, uuid) is
  'Writes a quota_exceeded alert for the caller when they are in fact out of quota for the action; true when written.';
revoke all on function app.record_quota_exceeded(text, uuid) from public, anon;
grant execute on function app.record_quota_exceeded(text, uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- "Who viewed my profile": for the caller only, newest first, at most 200. The organizer is
-- named as their identity part would show to this member (or not at all), and by the
-- organization of their approved application.
-- -------------------------------------------------------------------------------------
create function app.who_viewed_me()
returns table (viewed_at timestamptz, organizer_name text, organization text)
language sql stable security definer
set search_path = ''
as $$
  select e.at,
         case when app.can_see_part(e.actor, 'identity') then p.display_name end,
         (select a.organization from app.organizer_applications a
          where a.applicant_id = e.actor and a.status = 'approved'
          order by a.decided_at desc limit 1)
  from app.audit_events e
  left join app.profiles p on p.id = e.actor
  where e.target = (select auth.uid()) and e.action = 'profile_view' and (select auth.uid()) is not null
  order by e.at desc, e.id desc
  limit 200
$$;
comment on function app.who_viewed_me() is
  'The caller''s own profile views: when, the organizer''s name as visible to the caller, and their organization. Newest 200.';
revoke all on function app.who_viewed_me() from public, anon;
grant execute on function app.who_viewed_me() to authenticated;

-- -------------------------------------------------------------------------------------
-- The whole trail, for admins with a second factor; keyset paging on (at, id).
-- -------------------------------------------------------------------------------------
create function app.list_audit_events(max_rows int default 100, before timestamptz default null)
returns table (id bigint, at timestamptz, actor uuid, actor_email text, action text, target uuid, detail jsonb)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select e.id, e.at, e.actor, u.email::text, e.action, e.target, e.detail
    from app.audit_events e
    left join auth.users u on u.id = e.actor
    where before is null or e.at < before
    order by e.at desc, e.id desc
    limit least(greatest(coalesce(max_rows, 100), 1), 500);
end
$$;
comment on function app.list_audit_events(int, timestamptz) is 'Admins with a second factor: the newest audit events (views, quota refusals, canary alerts).';
revoke all on function app.list_audit_events(int, timestamptz) from public, anon;
grant execute on function app.list_audit_events(int, timestamptz) to authenticated;
