-- =====================================================================================
-- Admin oversight: browsing the audit trail, acknowledging alerts, canary profiles and
-- quota limits (SECURITY T1, T3; issue 4, acceptance 6 and 10).
--
-- Every function here asks app.require_power('admin', 'admin'): the admin role AND a second
-- factor. The tables below hold no grant for anyone; they are read and written only by these
-- security definer functions. No IP addresses exist anywhere, and none are added.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Alerts are audit rows whose detail says alert = true (quota_exceeded, canary_viewed), and
-- members' abuse reports (app.abuse_reports). An admin acknowledges one once; the row records
-- who and when. The audit trail itself stays append-only: acknowledging never touches it.
-- -------------------------------------------------------------------------------------
create table app.alert_acknowledgements (
  id bigint generated always as identity primary key,
  event_id bigint unique references app.audit_events (id) on delete cascade,
  report_id bigint unique references app.abuse_reports (id) on delete cascade,
  admin_id uuid references auth.users (id) on delete set null,
  acknowledged_at timestamptz not null default now(),
  check (num_nonnulls(event_id, report_id) = 1)
);
comment on table app.alert_acknowledgements is
  'Which admin acknowledged which alert (an audit row with detail.alert, or an abuse report), and when. One acknowledgement per alert.';
alter table app.alert_acknowledgements enable row level security;
revoke all on table app.alert_acknowledgements from public, anon, authenticated;

-- Alerts are few among many views and searches: a small index finds them without a scan.
create index audit_events_alerts on app.audit_events (at desc, id desc) where (detail ->> 'alert') = 'true';

-- -------------------------------------------------------------------------------------
-- Quota changes: who changed which limit, from what to what, and when. Kept apart from the
-- audit trail, whose rows are organizers' actions on members and whose counts are the quotas.
-- -------------------------------------------------------------------------------------
create table app.quota_changes (
  id bigint generated always as identity primary key,
  actor_id uuid references auth.users (id) on delete set null,
  action text not null,
  old_limit int not null,
  old_interval interval not null,
  new_limit int not null,
  new_interval interval not null,
  changed_at timestamptz not null default now()
);
comment on table app.quota_changes is 'Every change of a quota limit: which admin, which action, old and new limit and interval. Append-only.';
alter table app.quota_changes enable row level security;
revoke all on table app.quota_changes from public, anon, authenticated;
create index quota_changes_by_time on app.quota_changes (changed_at desc, id desc);

-- -------------------------------------------------------------------------------------
-- Canary accounts: decoy members an admin created (profiles.is_canary marks every canary,
-- also a real profile an admin marked). Recorded so that retiring one hides it again.
-- -------------------------------------------------------------------------------------
create table app.canary_accounts (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  note text check (note is null or char_length(note) <= 500)
);
comment on table app.canary_accounts is
  'Decoy accounts admins created to catch harvesters: who created each, when, and a private note for admins.';
alter table app.canary_accounts enable row level security;
revoke all on table app.canary_accounts from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- An interval's name (not callable by the app). An organizer's organization comes from
-- app.organization_of() (contact requests migration).
-- -------------------------------------------------------------------------------------
create function app.interval_name(span interval) returns text
language sql immutable
set search_path = ''
as $$
  select case span when interval '1 hour' then 'hour' when interval '1 day' then 'day'
                   when interval '1 week' then 'week' else span::text end
$$;
comment on function app.interval_name(interval) is 'hour, day or week for the quota intervals admins may choose; the interval as text otherwise.';
revoke all on function app.interval_name(interval) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The audit trail for admins, newest first, filtered by action, actor (part of an e-mail
-- address or name) and a time range, paged by the (at, id) of the last row shown: rows written
-- in one transaction share their time, so the time alone would skip or repeat some.
-- -------------------------------------------------------------------------------------
create function app.browse_audit_events(
  wanted_action text default null,
  actor_query text default null,
  from_at timestamptz default null,
  until_at timestamptz default null,
  before_at timestamptz default null,
  before_id bigint default null,
  max_rows int default 50
)
returns table (
  id bigint, at timestamptz, action text, actor uuid, actor_email text, actor_name text,
  actor_organization text, target uuid, target_name text, target_is_canary boolean, detail jsonb
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  needle text := nullif(lower(btrim(actor_query)), '');
begin
  perform app.require_power('admin', 'admin');
  return query
    select e.id, e.at, e.action, e.actor, u.email::text, ap.display_name, app.organization_of(e.actor),
           e.target, tp.display_name, coalesce(tp.is_canary, false), e.detail
    from app.audit_events e
    left join auth.users u on u.id = e.actor
    left join app.profiles ap on ap.id = e.actor
    left join app.profiles tp on tp.id = e.target
    where (wanted_action is null or e.action = wanted_action)
      and (needle is null or strpos(lower(u.email::text), needle) > 0 or strpos(lower(ap.display_name), needle) > 0)
      and (from_at is null or e.at >= from_at)
      and (until_at is null or e.at < until_at)
      and (before_at is null or (e.at, e.id) < (before_at, coalesce(before_id, 9223372036854775807)))
    order by e.at desc, e.id desc
    limit least(greatest(coalesce(max_rows, 50), 1), 200);
end
$$;
comment on function app.browse_audit_events(text, text, timestamptz, timestamptz, timestamptz, bigint, int) is
  'Admins with a second factor: audit rows newest first with actor (e-mail, name, organization) and target named; filters and (at, id) keyset paging.';
revoke all on function app.browse_audit_events(text, text, timestamptz, timestamptz, timestamptz, bigint, int) from public, anon;
grant execute on function app.browse_audit_events(text, text, timestamptz, timestamptz, timestamptz, bigint, int) to authenticated;

-- -------------------------------------------------------------------------------------
-- Alerts, open or acknowledged, newest first, paged like the trail.
-- -------------------------------------------------------------------------------------
create function app.list_alerts(
  acknowledged boolean,
  before_at timestamptz default null,
  before_id bigint default null,
  max_rows int default 50
)
returns table (
  id bigint, at timestamptz, action text, actor uuid, actor_email text, actor_name text,
  actor_organization text, target uuid, target_name text, target_is_canary boolean, detail jsonb,
  acknowledged_at timestamptz, acknowledged_by_email text
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select e.id, e.at, e.action, e.actor, u.email::text, ap.display_name, app.organization_of(e.actor),
           e.target, tp.display_name, coalesce(tp.is_canary, false), e.detail,
           k.acknowledged_at, ku.email::text
    from app.audit_events e
    left join app.alert_acknowledgements k on k.event_id = e.id
    left join auth.users ku on ku.id = k.admin_id
    left join auth.users u on u.id = e.actor
    left join app.profiles ap on ap.id = e.actor
    left join app.profiles tp on tp.id = e.target
    where (e.detail ->> 'alert') = 'true'
      and (k.event_id is not null) = coalesce(acknowledged, false)
      and (before_at is null or (e.at, e.id) < (before_at, coalesce(before_id, 9223372036854775807)))
    order by e.at desc, e.id desc
    limit least(greatest(coalesce(max_rows, 50), 1), 200);
end
$$;
comment on function app.list_alerts(boolean, timestamptz, bigint, int) is
  'Admins with a second factor: open (or acknowledged) alerts newest first, with who raised them and who acknowledged them.';
revoke all on function app.list_alerts(boolean, timestamptz, bigint, int) from public, anon;
grant execute on function app.list_alerts(boolean, timestamptz, bigint, int) to authenticated;

create function app.count_open_alerts() returns int
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return (select count(*)::int from app.audit_events e
          where (e.detail ->> 'alert') = 'true'
            and not exists (select 1 from app.alert_acknowledgements k where k.event_id = e.id))
       + (select count(*)::int from app.abuse_reports r
          where not exists (select 1 from app.alert_acknowledgements k where k.report_id = r.id));
end
$$;
comment on function app.count_open_alerts() is 'Admins with a second factor: how many alerts and abuse reports nobody has acknowledged yet.';
revoke all on function app.count_open_alerts() from public, anon;
grant execute on function app.count_open_alerts() to authenticated;

create function app.acknowledge_alert(alert_id bigint) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  if not exists (select 1 from app.audit_events e where e.id = alert_id and (e.detail ->> 'alert') = 'true') then
    raise exception 'no such alert' using errcode = 'no_data_found', hint = 'admin:errors.alertNotFound';
  end if;
  insert into app.alert_acknowledgements (event_id, admin_id) values (alert_id, auth.uid())
  on conflict (event_id) do nothing;
  return found;
end
$$;
comment on function app.acknowledge_alert(bigint) is
  'Admins with a second factor: acknowledge an alert; false when another admin already had (their name stays).';
revoke all on function app.acknowledge_alert(bigint) from public, anon;
grant execute on function app.acknowledge_alert(bigint) to authenticated;

-- Abuse reports as alerts: app.list_abuse_reports() with the acknowledgement. The reporter is
-- not named, as there.
create function app.list_abuse_report_alerts(acknowledged boolean, max_rows int default 50)
returns table (
  id bigint, created_at timestamptz, organizer_id uuid, organizer_email text, organizer_name text,
  organization text, message text, reason text, acknowledged_at timestamptz, acknowledged_by_email text
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select r.id, r.created_at, r.organizer_id, u.email::text, p.display_name, app.organization_of(r.organizer_id),
           r.message, r.reason, k.acknowledged_at, ku.email::text
    from app.abuse_reports r
    left join app.alert_acknowledgements k on k.report_id = r.id
    left join auth.users ku on ku.id = k.admin_id
    left join auth.users u on u.id = r.organizer_id
    left join app.profiles p on p.id = r.organizer_id
    where (k.report_id is not null) = coalesce(acknowledged, false)
    order by r.created_at desc, r.id desc
    limit least(greatest(coalesce(max_rows, 50), 1), 200);
end
$$;
comment on function app.list_abuse_report_alerts(boolean, int) is
  'Admins with a second factor: open (or acknowledged) abuse reports newest first, the organizer named, the reporter not.';
revoke all on function app.list_abuse_report_alerts(boolean, int) from public, anon;
grant execute on function app.list_abuse_report_alerts(boolean, int) to authenticated;

create function app.acknowledge_abuse_report(abuse_report_id bigint) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  if not exists (select 1 from app.abuse_reports r where r.id = abuse_report_id) then
    raise exception 'no such report' using errcode = 'no_data_found', hint = 'admin:errors.alertNotFound';
  end if;
  insert into app.alert_acknowledgements (report_id, admin_id) values (abuse_report_id, auth.uid())
  on conflict (report_id) do nothing;
  return found;
end
$$;
comment on function app.acknowledge_abuse_report(bigint) is
  'Admins with a second factor: acknowledge an abuse report; false when another admin already had.';
revoke all on function app.acknowledge_abuse_report(bigint) from public, anon;
grant execute on function app.acknowledge_abuse_report(bigint) to authenticated;

-- -------------------------------------------------------------------------------------
-- Quotas: the limits as they stand, changing one (logged), and the log.
-- -------------------------------------------------------------------------------------
create function app.list_quota_limits()
returns table (action text, "limit" int, per_interval text, changed_at timestamptz, changed_by_email text)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select q.action, q."limit", app.interval_name(q.per_interval), c.changed_at, u.email::text
    from app.quota_limits q
    left join lateral (
      select qc.changed_at, qc.actor_id from app.quota_changes qc
      where qc.action = q.action order by qc.changed_at desc, qc.id desc limit 1
    ) c on true
    left join auth.users u on u.id = c.actor_id
    order by q.action;
end
$$;
comment on function app.list_quota_limits() is 'Admins with a second factor: every quota (limit per hour, day or week) and its last change.';
revoke all on function app.list_quota_limits() from public, anon;
grant execute on function app.list_quota_limits() to authenticated;

create function app.set_quota_limit(wanted text, new_limit int, new_interval interval) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  existing app.quota_limits;
begin
  perform app.require_power('admin', 'admin');
  if new_limit is null or new_limit not between 1 and 100000 then
    raise exception 'a limit is between 1 and 100000' using errcode = 'check_violation', hint = 'admin:errors.quotaLimitRange';
  end if;
  if new_interval is null or new_interval not in (interval '1 hour', interval '1 day', interval '1 week') then
    raise exception 'a quota counts per hour, day or week' using errcode = 'check_violation', hint = 'admin:errors.quotaInterval';
  end if;
  select * into existing from app.quota_limits q where q.action = wanted for update;
  if not found then
    raise exception 'no quota for this action' using errcode = 'no_data_found', hint = 'admin:errors.quotaNotFound';
  end if;
  if existing."limit" = new_limit and existing.per_interval = new_interval then
    return false;
  end if;
  update app.quota_limits q set "limit" = new_limit, per_interval = new_interval where q.action = wanted;
  insert into app.quota_changes (actor_id, action, old_limit, old_interval, new_limit, new_interval)
  values (auth.uid(), wanted, existing."limit", existing.per_interval, new_limit, new_interval);
  return true;
end
$$;
comment on function app.set_quota_limit(text, int, interval) is
  'Admins with a second factor: set an action''s quota (1-100000 per hour, day or week), logged in app.quota_changes; false when unchanged.';
revoke all on function app.set_quota_limit(text, int, interval) from public, anon;
grant execute on function app.set_quota_limit(text, int, interval) to authenticated;

create function app.list_quota_changes(max_rows int default 50)
returns table (id bigint, actor_email text, action text, old_limit int, old_interval text, new_limit int, new_interval text, changed_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select c.id, u.email::text, c.action, c.old_limit, app.interval_name(c.old_interval),
           c.new_limit, app.interval_name(c.new_interval), c.changed_at
    from app.quota_changes c
    left join auth.users u on u.id = c.actor_id
    order by c.changed_at desc, c.id desc
    limit least(greatest(coalesce(max_rows, 50), 1), 200);
end
$$;
comment on function app.list_quota_changes(int) is 'Admins with a second factor: the newest quota changes with the admin who made them.';
revoke all on function app.list_quota_changes(int) from public, anon;
grant execute on function app.list_quota_changes(int) to authenticated;

-- -------------------------------------------------------------------------------------
-- Creating a canary: a confirmed account that cannot sign in (no password, an address under
-- the reserved .invalid domain), whose profile looks like any member's who opened their name
-- and skills to organizers. Written the way seed.sql and the local adapter write users; the
-- token columns are empty strings, not nulls, as Supabase Auth expects when it reads a user.
-- -------------------------------------------------------------------------------------
create function app.create_canary_profile(
  canary_name text, canary_headline text, canary_city text, canary_skills text[], canary_note text default null
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  created uuid := gen_random_uuid();
  chosen_name text := btrim(coalesce(canary_name, ''));
  chosen_skills text[] := array(select distinct s from unnest(coalesce(canary_skills, '{}')) s where s <> '');
begin
  perform app.require_power('admin', 'admin');
  if char_length(chosen_name) not between 2 and 80 then
    raise exception 'a canary needs a name' using errcode = 'check_violation', hint = 'admin:errors.canaryName';
  end if;
  if char_length(coalesce(canary_headline, '')) > 120 then
    raise exception 'the headline is too long' using errcode = 'check_violation', hint = 'admin:errors.canaryHeadline';
  end if;
  if not exists (select 1 from app.cities c where c.id = canary_city) then
    raise exception 'unknown city' using errcode = 'check_violation', hint = 'admin:errors.canaryCity';
  end if;
  if cardinality(chosen_skills) not between 1 and 5
     or (select count(*) from app.skills s where s.id = any (chosen_skills)) <> cardinality(chosen_skills) then
    raise exception 'one to five known skills' using errcode = 'check_violation', hint = 'admin:errors.canarySkills';
  end if;

  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                          confirmation_token, recovery_token, email_change_token_new, email_change,
                          raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values ('00000000-0000-0000-0000-000000000000', created, 'authenticated', 'authenticated',
          'canary-' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 20) || '@canary.invalid',
          '', now(), '', '', '', '', '{"provider": "email", "providers": ["email"]}', '{}', now(), now());
  -- The trigger on auth.users gave it a hidden profile and the member role; open it like a member would.
  insert into app.consents (user_id, purpose, version)
  values (created, 'visible_to_organizers', app.current_consent_version('visible_to_organizers'));
  update app.profiles p
  set display_name = chosen_name, headline = nullif(btrim(coalesce(canary_headline, '')), ''), city_id = canary_city,
      work_mode = 'both', hours_per_week = 4 + (floor(random() * 4)::int) * 2,
      identity_audience = 'organizers', skills_audience = 'organizers', is_canary = true
  where p.id = created;
  insert into app.profile_skills (profile_id, skill_id, level, years)
  select created, chosen.skill, (2 + chosen.n % 3)::smallint, (2 + chosen.n * 2)::smallint
  from unnest(chosen_skills) with ordinality as chosen (skill, n);
  insert into app.profile_languages (profile_id, language_code, level) values (created, 'be', 'native');
  insert into app.canary_accounts (user_id, created_by, note)
  values (created, auth.uid(), nullif(btrim(coalesce(canary_note, '')), ''));
  return created;
end
$$;
comment on function app.create_canary_profile(text, text, text, text[], text) is
  'Admins with a second factor: a decoy member (no password, .invalid address) open to organizers and marked as a canary.';
revoke all on function app.create_canary_profile(text, text, text, text[], text) from public, anon;
grant execute on function app.create_canary_profile(text, text, text, text[], text) to authenticated;

create function app.list_canaries()
returns table (
  user_id uuid, display_name text, headline text, city jsonb, skills jsonb, created_at timestamptz,
  created_by_email text, note text, is_decoy_account boolean, views int, last_viewed_at timestamptz
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select p.id, p.display_name, p.headline,
           (select jsonb_build_object('name_be', c.name_be, 'name_en', c.name_en, 'name_pl', c.name_pl)
            from app.cities c where c.id = p.city_id),
           coalesce((select jsonb_agg(jsonb_build_object('name_be', s.name_be, 'name_en', s.name_en, 'name_pl', s.name_pl) order by s.id)
                     from app.profile_skills ps join app.skills s on s.id = ps.skill_id where ps.profile_id = p.id), '[]'),
           coalesce(a.created_at, p.created_at), u.email::text, a.note, a.user_id is not null,
           (select count(*)::int from app.audit_events e where e.target = p.id and e.action = 'canary_viewed'),
           (select max(e.at) from app.audit_events e where e.target = p.id and e.action = 'canary_viewed')
    from app.profiles p
    left join app.canary_accounts a on a.user_id = p.id
    left join auth.users u on u.id = a.created_by
    where p.is_canary
    order by coalesce(a.created_at, p.created_at) desc, p.id;
end
$$;
comment on function app.list_canaries() is 'Admins with a second factor: every canary profile with who created it and how often organizers opened it.';
revoke all on function app.list_canaries() from public, anon;
grant execute on function app.list_canaries() to authenticated;

-- Retiring a canary unmarks it; a decoy account is also hidden again (every part back to
-- only_me), so no fake person stays in the directory without its alarm. It is not deleted:
-- the alerts about it would go with it.
create function app.retire_canary(target uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  update app.profiles p set is_canary = false where p.id = target and p.is_canary;
  if not found then
    raise exception 'not a canary' using errcode = 'no_data_found', hint = 'admin:errors.canaryNotFound';
  end if;
  if exists (select 1 from app.canary_accounts a where a.user_id = target) then
    update app.profiles p
    set identity_audience = 'only_me', legal_name_audience = 'only_me', skills_audience = 'only_me',
        bio_audience = 'only_me', photo_audience = 'only_me', cv_audience = 'only_me'
    where p.id = target;
  end if;
end
$$;
comment on function app.retire_canary(uuid) is
  'Admins with a second factor: unmark a canary; a decoy account created here is hidden from everyone as well.';
revoke all on function app.retire_canary(uuid) from public, anon;
grant execute on function app.retire_canary(uuid) to authenticated;
