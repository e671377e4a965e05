-- =====================================================================================
-- The `app` schema and who holds which role.
--
-- Every table of ours lives in `app`. It is not exposed through the Supabase Data API
-- (see supabase/config.toml), and every table in it has row-level security enabled: the server
-- runs each request's queries as the signed-in user (role `authenticated`) or as a visitor
-- (role `anon`), so these policies are what our own code hits.
-- =====================================================================================

create schema app;
comment on schema app is 'Talaka''s tables and functions. Not exposed through the Data API.';

revoke all on schema app from public;
grant usage on schema app to anon, authenticated, service_role;

-- -------------------------------------------------------------------------------------
-- Roles: member, organizer, admin. Kept here, never in user-editable auth metadata.
-- -------------------------------------------------------------------------------------
create type app.role_name as enum ('member', 'organizer', 'admin');
comment on type app.role_name is 'What a person may do: member (everyone), organizer (vetted), admin (operator).';

create table app.user_roles (
  user_id uuid not null references auth.users (id) on delete cascade,
  role app.role_name not null,
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);
comment on table app.user_roles is 'Which roles each user holds. Written only by the system and by admin functions.';
alter table app.user_roles enable row level security;
revoke all on table app.user_roles from public, anon, authenticated;
grant select on table app.user_roles to authenticated;

create policy "Users can read their own roles"
  on app.user_roles for select
  to authenticated
  using (user_id = (select auth.uid()));

-- -------------------------------------------------------------------------------------
-- Role check for policies. Security definer so that a policy on another table can ask
-- without the caller needing to read user_roles; it answers only about the caller.
-- -------------------------------------------------------------------------------------
create function app.has_role(wanted app.role_name) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from app.user_roles
    where user_id = (select auth.uid()) and role = wanted
  )
$$;
comment on function app.has_role(app.role_name) is 'True when the signed-in caller holds the given role.';
revoke all on function app.has_role(app.role_name) from public, anon;
grant execute on function app.has_role(app.role_name) to authenticated;
