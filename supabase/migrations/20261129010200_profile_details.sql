-- =====================================================================================
-- The member's profile in full: identity, place, availability, languages, skills, tags,
-- directions and contact channels, each part with its own audience.
--
-- All of it is readable directly only by its owner (RLS). Everyone else sees a profile only
-- through app.profile_for_viewer() (next migration), which returns the parts whose audience
-- includes the caller. The single `visibility` switch of the first profile migration is gone.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Audiences
-- -------------------------------------------------------------------------------------
create type app.audience as enum ('only_me', 'organizers', 'members');
comment on type app.audience is 'Who may see a part of a profile: only its owner, vetted organizers, or all signed-in members (organizers included).';

create type app.work_mode as enum ('remote', 'on_site', 'both');
comment on type app.work_mode is 'How a member can help: remotely, on site, or both.';

-- -------------------------------------------------------------------------------------
-- Profiles: the old single switch gives way to one audience per group of fields.
-- -------------------------------------------------------------------------------------
drop policy "Members can read profiles opened to members" on app.profiles;
alter table app.profiles drop column visibility;
drop type app.profile_visibility;

alter table app.profiles
  add column legal_name text check (legal_name is null or char_length(legal_name) between 1 and 120),
  add column headline text check (headline is null or char_length(headline) between 1 and 120),
  add column bio text check (bio is null or char_length(bio) between 1 and 2000),
  add column city_id text references app.cities (id),
  add column country_code text references app.countries (code),
  add column hours_per_week smallint check (hours_per_week is null or hours_per_week between 1 and 80),
  add column work_mode app.work_mode,
  add column open_to_relocation boolean not null default false,
  add column available_from date,
  add column photo_path text check (photo_path is null or photo_path ~ '^[0-9a-f-]{36}/[A-Za-z0-9_-]{8,64}$'),
  add column cv_path text check (cv_path is null or cv_path ~ '^[0-9a-f-]{36}/[A-Za-z0-9_-]{8,64}$'),
  add column identity_audience app.audience not null default 'only_me',
  add column legal_name_audience app.audience not null default 'only_me'
    check (legal_name_audience in ('only_me', 'organizers')),
  add column skills_audience app.audience not null default 'only_me',
  add column bio_audience app.audience not null default 'only_me',
  add column photo_audience app.audience not null default 'only_me',
  add column cv_audience app.audience not null default 'only_me'
    check (cv_audience in ('only_me', 'organizers')),
  -- A city says the country; a member who names only a country names no city.
  add constraint profiles_city_or_country check (city_id is null or country_code is null);

comment on column app.profiles.legal_name is 'Optional. Never shown to more than vetted organizers.';
comment on column app.profiles.city_id is 'Where the member lives now (city level at most; never an address).';
comment on column app.profiles.country_code is 'Set instead of city_id by members who name only their country.';
comment on column app.profiles.photo_path is 'Object name in bucket avatars: <user-id>/<random>.';
comment on column app.profiles.cv_path is 'Object name in bucket documents: <user-id>/<random>.';
comment on column app.profiles.identity_audience is 'Display name and headline.';
comment on column app.profiles.skills_audience is 'Skills, tags, languages, directions, city or country, availability.';
comment on column app.profiles.cv_audience is 'CVs reach organizers only after the member accepts their contact request.';

grant update (legal_name, headline, bio, city_id, country_code, hours_per_week, work_mode,
              open_to_relocation, available_from, photo_path, cv_path, identity_audience,
              legal_name_audience, skills_audience, bio_audience, photo_audience, cv_audience)
  on table app.profiles to authenticated;

-- -------------------------------------------------------------------------------------
-- Parts that are lists: one table each, owned through the profile.
-- -------------------------------------------------------------------------------------
create table app.profile_languages (
  profile_id uuid not null references app.profiles (id) on delete cascade,
  language_code text not null references app.languages (code),
  level app.language_level not null,
  primary key (profile_id, language_code)
);
comment on table app.profile_languages is 'Languages a member speaks and how well. Part of the skills group.';

create table app.profile_skills (
  profile_id uuid not null references app.profiles (id) on delete cascade,
  skill_id text not null references app.skills (id),
  level smallint not null check (level between 1 and 4),
  years smallint check (years is null or years between 0 and 60),
  primary key (profile_id, skill_id)
);
comment on table app.profile_skills is 'Skills with level 1 (learning) to 4 (expert) and years of practice; at most 30 per member.';
comment on column app.profile_skills.level is '1 learning, 2 working, 3 experienced, 4 expert.';

create table app.profile_tags (
  profile_id uuid not null references app.profiles (id) on delete cascade,
  tag text not null check (char_length(tag) between 2 and 40 and tag = btrim(tag)),
  primary key (profile_id, tag)
);
comment on table app.profile_tags is 'Free skill tags for what the taxonomy lacks; at most 20 per member.';

create table app.profile_directions (
  profile_id uuid not null references app.profiles (id) on delete cascade,
  direction_id text not null references app.directions (id),
  primary key (profile_id, direction_id)
);
comment on table app.profile_directions is 'Directions of the movement a member wants to work in.';

create type app.contact_kind as enum ('email', 'telegram', 'signal', 'phone');
create table app.contact_channels (
  profile_id uuid not null references app.profiles (id) on delete cascade,
  kind app.contact_kind not null,
  value text not null check (char_length(value) between 3 and 120),
  primary key (profile_id, kind)
);
comment on table app.contact_channels is 'How to reach a member. Seen by the member alone until they accept a contact request.';

-- -------------------------------------------------------------------------------------
-- Row-level security: the owner does everything; nobody else reads a row directly.
-- -------------------------------------------------------------------------------------
do $$
declare
  part text;
begin
  foreach part in array array['profile_languages', 'profile_skills', 'profile_tags', 'profile_directions', 'contact_channels'] loop
    execute format('alter table app.%I enable row level security', part);
    execute format('revoke all on table app.%I from public, anon, authenticated', part);
    execute format('grant select, insert, update, delete on table app.%I to authenticated', part);
    execute format($p$create policy "Members can read their own %1$s" on app.%2$I for select
                     to authenticated using (profile_id = (select auth.uid()))$p$, replace(part, '_', ' '), part);
    execute format($p$create policy "Members can add their own %1$s" on app.%2$I for insert
                     to authenticated with check (profile_id = (select auth.uid()))$p$, replace(part, '_', ' '), part);
    execute format($p$create policy "Members can change their own %1$s" on app.%2$I for update
                     to authenticated using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()))$p$,
                   replace(part, '_', ' '), part);
    execute format($p$create policy "Members can remove their own %1$s" on app.%2$I for delete
                     to authenticated using (profile_id = (select auth.uid()))$p$, replace(part, '_', ' '), part);
  end loop;
end
$$;

-- -------------------------------------------------------------------------------------
-- Limits: at most 30 skills and 20 tags. Checked per insert; only the owner inserts.
-- -------------------------------------------------------------------------------------
create function app.enforce_profile_list_limit() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  how_many integer;
  most integer := tg_argv[0]::integer;
begin
  execute format('select count(*) from app.%I where profile_id = $1', tg_table_name) into how_many using new.profile_id;
  if how_many >= most then
    raise exception 'at most % rows in % per profile', most, tg_table_name using errcode = 'check_violation';
  end if;
  return new;
end
$$;
comment on function app.enforce_profile_list_limit() is 'Refuses a row beyond the per-profile limit given as trigger argument.';
revoke all on function app.enforce_profile_list_limit() from public, anon;

create trigger profile_skills_limit before insert on app.profile_skills
  for each row execute function app.enforce_profile_list_limit(30);
create trigger profile_tags_limit before insert on app.profile_tags
  for each row execute function app.enforce_profile_list_limit(20);
