-- =====================================================================================
-- Profiles: one row per user, created with the account.
--
-- Hidden until the member chooses otherwise (GDPR Art. 25: privacy by default). This first
-- version carries only a display name and one visibility switch; later migrations add the rest.
-- =====================================================================================

create type app.profile_visibility as enum ('hidden', 'members');
comment on type app.profile_visibility is 'Who may see a profile: nobody but its owner (hidden) or signed-in members.';

create table app.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text check (display_name is null or char_length(display_name) between 1 and 80),
  visibility app.profile_visibility not null default 'hidden',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table app.profiles is 'A member''s profile. The id is the auth user''s id; hidden by default.';
alter table app.profiles enable row level security;
revoke all on table app.profiles from public, anon, authenticated;
grant select, insert, delete on table app.profiles to authenticated;
grant update (display_name, visibility, updated_at) on table app.profiles to authenticated;

-- -------------------------------------------------------------------------------------
-- Policies: one per operation, as the acting person sees them.
-- -------------------------------------------------------------------------------------
create policy "Members can read their own profile"
  on app.profiles for select
  to authenticated
  using (id = (select auth.uid()));

create policy "Members can read profiles opened to members"
  on app.profiles for select
  to authenticated
  using (visibility = 'members' and (select app.has_role('member')));

create policy "Members can create their own profile"
  on app.profiles for insert
  to authenticated
  with check (id = (select auth.uid()));

create policy "Members can update their own profile"
  on app.profiles for update
  to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "Members can delete their own profile"
  on app.profiles for delete
  to authenticated
  using (id = (select auth.uid()));

-- -------------------------------------------------------------------------------------
-- Every new account gets an empty hidden profile and the member role, in the same
-- transaction as the auth user. Works alike with our auth and with Supabase Auth.
-- -------------------------------------------------------------------------------------
create function app.handle_new_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into app.profiles (id) values (new.id) on conflict (id) do nothing;
  insert into app.user_roles (user_id, role) values (new.id, 'member') on conflict do nothing;
  return new;
end
$$;
comment on function app.handle_new_user() is 'Gives each new auth user a hidden profile and the member role.';
revoke all on function app.handle_new_user() from public, anon, authenticated;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function app.handle_new_user();
