-- =====================================================================================
-- Vetting organizers (SECURITY T3).
--
-- A member applies to become an organizer for a named organization. The organizer role is
-- granted only when two *different* admins approve, in the same transaction as the second
-- approval; one rejection rejects. Admins can revoke roles; every grant and revocation is written
-- to an append-only log. A new organizer is on probation for 30 days: app.quota_factor() halves
-- the quotas that organizer functions enforce.
--
-- Every admin function asks app.has_power('admin') (the role AND a second factor, aal2): a stolen
-- admin password alone approves nobody. Writes go only through the security definer functions
-- below; members hold no write grant on any of these tables, nor on app.user_roles.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Applications.
-- -------------------------------------------------------------------------------------
create type app.application_status as enum ('pending', 'approved', 'rejected', 'withdrawn');
comment on type app.application_status is 'Where an organizer application stands.';

create table app.organizer_applications (
  id uuid primary key default gen_random_uuid(),
  applicant_id uuid not null references auth.users (id) on delete cascade,
  organization text not null check (char_length(organization) between 2 and 200),
  role_in_organization text not null check (char_length(role_in_organization) between 2 and 200),
  motivation text not null check (char_length(motivation) between 20 and 4000),
  reference text not null check (char_length(reference) between 5 and 1000),
  status app.application_status not null default 'pending',
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  check ((status = 'pending') = (decided_at is null))
);
comment on table app.organizer_applications is
  'A member''s request to become an organizer: organization, their role in it, motivation and a person who can vouch.';
alter table app.organizer_applications enable row level security;
revoke all on table app.organizer_applications from public, anon, authenticated;
grant select on table app.organizer_applications to authenticated;

-- One open application per person: the queue never holds two from the same member.
create unique index organizer_applications_one_pending
  on app.organizer_applications (applicant_id) where status = 'pending';
create index organizer_applications_by_status on app.organizer_applications (status, created_at);

create policy "Applicants can read their own applications"
  on app.organizer_applications for select
  to authenticated
  using (applicant_id = (select auth.uid()));

-- -------------------------------------------------------------------------------------
-- Admins' decisions. One row per (application, admin): an admin counts once, however often
-- they press the button. Read and written only through the functions below.
-- -------------------------------------------------------------------------------------
create type app.approval_decision as enum ('approve', 'reject');
comment on type app.approval_decision is 'What one admin decided about one organizer application.';

create table app.organizer_approvals (
  application_id uuid not null references app.organizer_applications (id) on delete cascade,
  admin_id uuid not null references auth.users (id) on delete cascade,
  decision app.approval_decision not null,
  note text check (note is null or char_length(note) <= 2000),
  decided_at timestamptz not null default now(),
  primary key (application_id, admin_id)
);
comment on table app.organizer_approvals is
  'Each admin''s decision on an application; the primary key makes one admin count once.';
alter table app.organizer_approvals enable row level security;
revoke all on table app.organizer_approvals from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- The log of role changes. Append-only for everyone but the system: authenticated holds only
-- SELECT, and the functions below only insert. Rows about a person go with their account
-- (erasure); an admin who erased theirs leaves their rows with no actor.
-- -------------------------------------------------------------------------------------
create type app.role_change as enum ('granted', 'revoked');
comment on type app.role_change is 'Whether a role was granted or revoked.';

create table app.role_changes (
  id bigint generated always as identity primary key,
  actor_id uuid references auth.users (id) on delete set null,
  user_id uuid not null references auth.users (id) on delete cascade,
  role app.role_name not null,
  change app.role_change not null,
  reason text not null check (char_length(reason) between 1 and 2000),
  changed_at timestamptz not null default now()
);
comment on table app.role_changes is 'Who granted or revoked which role to whom, when and why. Append-only.';
alter table app.role_changes enable row level security;
revoke all on table app.role_changes from public, anon, authenticated;
grant select on table app.role_changes to authenticated;
create index role_changes_by_user on app.role_changes (user_id, changed_at desc);

create policy "Members can read changes to their own roles and admins can read all"
  on app.role_changes for select
  to authenticated
  using (user_id = (select auth.uid()) or (select app.has_power('admin')));

-- -------------------------------------------------------------------------------------
-- Refusals share one shape: SQLSTATE 42501 for "not allowed", P0001 for a rule, with a hint
-- naming the translation key the app shows.
-- -------------------------------------------------------------------------------------
create function app.require_power(wanted app.role_name, hint_namespace text) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if app.has_power(wanted) then return; end if;
  if app.has_role(wanted) then
    raise exception '% actions need a second factor (aal2)', wanted
      using errcode = 'insufficient_privilege', hint = hint_namespace || ':errors.secondFactorNeeded';
  end if;
  raise exception 'only the % role may do this', wanted
    using errcode = 'insufficient_privilege', hint = hint_namespace || ':errors.forbidden';
end
$$;
comment on function app.require_power(app.role_name, text) is 'Raises unless the caller holds the role and signed in with a second factor; the hint names the translation key in the given namespace.';
revoke all on function app.require_power(app.role_name, text) from public, anon;
grant execute on function app.require_power(app.role_name, text) to authenticated;

-- -------------------------------------------------------------------------------------
-- Applying and withdrawing (the member).
-- -------------------------------------------------------------------------------------
create function app.apply_to_be_organizer(
  organization text, role_in_organization text, motivation text, reference text
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  created uuid;
begin
  if me is null then
    raise exception 'sign in first' using errcode = 'insufficient_privilege';
  end if;
  if app.has_role('organizer') then
    raise exception 'already an organizer' using hint = 'organizers:errors.alreadyOrganizer';
  end if;
  if exists (select 1 from app.organizer_applications a where a.applicant_id = me and a.status = 'pending') then
    raise exception 'an application is already pending' using hint = 'organizers:errors.alreadyPending';
  end if;
  insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference)
  values (me, btrim(organization), btrim(role_in_organization), btrim(motivation), btrim(reference))
  returning id into created;
  return created;
end
$$;
comment on function app.apply_to_be_organizer(text, text, text, text) is
  'The caller applies to become an organizer; one pending application per person; organizers cannot apply.';
revoke all on function app.apply_to_be_organizer(text, text, text, text) from public, anon;
grant execute on function app.apply_to_be_organizer(text, text, text, text) to authenticated;

create function app.withdraw_organizer_application(application_id uuid) returns boolean
language sql volatile security definer
set search_path = ''
as $$
  with withdrawn as (
    update app.organizer_applications a
    set status = 'withdrawn', decided_at = now()
    where a.id = application_id and a.applicant_id = (select auth.uid()) and a.status = 'pending'
    returning 1
  )
  select exists (select 1 from withdrawn)
$$;
comment on function app.withdraw_organizer_application(uuid) is
  'The applicant withdraws their own pending application; true when one was withdrawn.';
revoke all on function app.withdraw_organizer_application(uuid) from public, anon;
grant execute on function app.withdraw_organizer_application(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- The admin queue: pending applications, with who applied and the decisions so far.
-- -------------------------------------------------------------------------------------
create function app.list_organizer_applications()
returns table (
  id uuid, applicant_id uuid, applicant_email text, applicant_name text, organization text,
  role_in_organization text, motivation text, reference text, status app.application_status,
  created_at timestamptz, approvals jsonb
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select a.id, a.applicant_id, u.email::text, p.display_name, a.organization, a.role_in_organization,
           a.motivation, a.reference, a.status, a.created_at,
           coalesce((
             select jsonb_agg(jsonb_build_object(
                      'adminId', o.admin_id, 'adminEmail', ou.email, 'decision', o.decision,
                      'note', o.note, 'at', o.decided_at) order by o.decided_at)
             from app.organizer_approvals o join auth.users ou on ou.id = o.admin_id
             where o.application_id = a.id), '[]'::jsonb)
    from app.organizer_applications a
    join auth.users u on u.id = a.applicant_id
    left join app.profiles p on p.id = a.applicant_id
    where a.status = 'pending'
    order by a.created_at;
end
$$;
comment on function app.list_organizer_applications() is
  'Admins with a second factor: pending organizer applications with their applicant and decisions so far.';
revoke all on function app.list_organizer_applications() from public, anon;
grant execute on function app.list_organizer_applications() to authenticated;

-- -------------------------------------------------------------------------------------
-- Deciding. The application row is locked, so two admins approving at the same moment are
-- counted one after the other. An admin's first decision on an application is their decision:
-- a repeated one does nothing. One rejection rejects; the second distinct approval grants the
-- role, logs it and closes the application, all in this transaction.
-- -------------------------------------------------------------------------------------
create function app.decide_organizer_application(
  application_id uuid, decision app.approval_decision, note text default null
) returns app.application_status
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  application app.organizer_applications;
  approvals int;
begin
  perform app.require_power('admin', 'admin');
  select * into application from app.organizer_applications a where a.id = application_id for update;
  if not found then
    raise exception 'no such application' using errcode = 'no_data_found', hint = 'admin:errors.notFound';
  end if;
  if application.applicant_id = me then
    raise exception 'an admin cannot decide on their own application'
      using errcode = 'insufficient_privilege', hint = 'admin:errors.ownApplication';
  end if;
  if application.status <> 'pending' then
    raise exception 'this application was already decided' using hint = 'admin:errors.alreadyDecided';
  end if;

  insert into app.organizer_approvals (application_id, admin_id, decision, note)
  values (application.id, me, decision, nullif(btrim(note), ''))
  on conflict on constraint organizer_approvals_pkey do nothing;

  if decision = 'reject' and exists (
    select 1 from app.organizer_approvals o
    where o.application_id = application.id and o.admin_id = me and o.decision = 'reject'
  ) then
    update app.organizer_applications a set status = 'rejected', decided_at = now() where a.id = application.id;
    return 'rejected';
  end if;

  select count(distinct o.admin_id) into approvals
  from app.organizer_approvals o
  where o.application_id = application.id and o.decision = 'approve';
  if approvals < 2 then
    return 'pending';
  end if;

  update app.organizer_applications a set status = 'approved', decided_at = now() where a.id = application.id;
  insert into app.user_roles (user_id, role) values (application.applicant_id, 'organizer')
  on conflict (user_id, role) do nothing;
  insert into app.role_changes (actor_id, user_id, role, change, reason)
  values (me, application.applicant_id, 'organizer', 'granted',
          format('application %s for %s, approved by two admins', application.id, application.organization));
  return 'approved';
end
$$;
comment on function app.decide_organizer_application(uuid, app.approval_decision, text) is
  'Admins with a second factor: approve or reject; the role is granted with the second distinct approval.';
revoke all on function app.decide_organizer_application(uuid, app.approval_decision, text) from public, anon;
grant execute on function app.decide_organizer_application(uuid, app.approval_decision, text) to authenticated;

-- -------------------------------------------------------------------------------------
-- Organizers and admins, for the admin page, and revoking a role.
-- -------------------------------------------------------------------------------------
create function app.list_role_holders()
returns table (user_id uuid, email text, display_name text, role app.role_name, granted_at timestamptz, probation_until timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select r.user_id, u.email::text, p.display_name, r.role, r.granted_at,
           case when r.role = 'organizer' and r.granted_at + interval '30 days' > now()
                then r.granted_at + interval '30 days' end
    from app.user_roles r
    join auth.users u on u.id = r.user_id
    left join app.profiles p on p.id = r.user_id
    where r.role in ('organizer', 'admin')
    order by r.role, r.granted_at desc;
end
$$;
comment on function app.list_role_holders() is 'Admins with a second factor: everyone holding organizer or admin, with any probation end.';
revoke all on function app.list_role_holders() from public, anon;
grant execute on function app.list_role_holders() to authenticated;

create function app.revoke_role(target uuid, revoked app.role_name, reason text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  if revoked = 'member' then
    raise exception 'everyone is a member' using hint = 'admin:errors.cannotRevokeMember';
  end if;
  if revoked = 'admin' and target = auth.uid() then
    -- So that the last admin cannot lock everyone out, and nobody drops their own power by mistake.
    raise exception 'an admin cannot revoke their own admin role' using hint = 'admin:errors.ownAdminRole';
  end if;
  if coalesce(btrim(reason), '') = '' then
    raise exception 'a reason is required' using hint = 'admin:errors.reasonRequired';
  end if;
  delete from app.user_roles r where r.user_id = target and r.role = revoked;
  if not found then
    raise exception 'this person does not hold that role' using hint = 'admin:errors.roleNotHeld';
  end if;
  insert into app.role_changes (actor_id, user_id, role, change, reason)
  values (auth.uid(), target, revoked, 'revoked', btrim(reason));
end
$$;
comment on function app.revoke_role(uuid, app.role_name, text) is
  'Admins with a second factor: take a role away (never member, never one''s own admin role), logged.';
revoke all on function app.revoke_role(uuid, app.role_name, text) from public, anon;
grant execute on function app.revoke_role(uuid, app.role_name, text) to authenticated;

create function app.list_role_changes(max_rows int default 100)
returns table (id bigint, actor_email text, user_email text, role app.role_name, change app.role_change, reason text, changed_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('admin', 'admin');
  return query
    select c.id, au.email::text, u.email::text, c.role, c.change, c.reason, c.changed_at
    from app.role_changes c
    join auth.users u on u.id = c.user_id
    left join auth.users au on au.id = c.actor_id
    order by c.changed_at desc, c.id desc
    limit least(greatest(max_rows, 1), 500);
end
$$;
comment on function app.list_role_changes(int) is 'Admins with a second factor: the newest role changes with who made them and for whom.';
revoke all on function app.list_role_changes(int) from public, anon;
grant execute on function app.list_role_changes(int) to authenticated;

-- -------------------------------------------------------------------------------------
-- Probation: 30 days from the organizer role's grant. Quotas enforced by organizer functions
-- are multiplied by app.quota_factor().
-- -------------------------------------------------------------------------------------
create function app.organizer_probation_until(target uuid) returns timestamptz
language sql stable security definer
set search_path = ''
as $$
  select r.granted_at + interval '30 days'
  from app.user_roles r
  where r.user_id = target and r.role = 'organizer'
    and r.granted_at + interval '30 days' > now()
    and (target = (select auth.uid()) or app.has_power('admin'))
$$;
comment on function app.organizer_probation_until(uuid) is
  'When an organizer''s probation ends, or null when over or not an organizer; answers the person themself and admins.';
revoke all on function app.organizer_probation_until(uuid) from public, anon;
grant execute on function app.organizer_probation_until(uuid) to authenticated;

create function app.quota_factor() returns numeric
language sql stable security definer
set search_path = ''
as $$
  select case when app.organizer_probation_until((select auth.uid())) is not null then 0.5 else 1 end::numeric
$$;
comment on function app.quota_factor() is 'What the caller''s organizer quotas are multiplied by: 0.5 on probation, 1 otherwise.';
revoke all on function app.quota_factor() from public, anon;
grant execute on function app.quota_factor() to authenticated;
