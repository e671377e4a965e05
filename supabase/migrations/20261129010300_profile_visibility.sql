-- =====================================================================================
-- Who sees what: consents, the audience check, the viewer's copy of a profile, "hide me now".
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Consents: opening any part to others needs the member's consent for that purpose, in the
-- wording of a given version, stored with its time. Withdrawing hides the parts again.
-- -------------------------------------------------------------------------------------
create table app.consents (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null check (purpose in ('visible_to_organizers', 'visible_to_members')),
  version text not null check (version ~ '^v[0-9]+$'),
  granted_at timestamptz not null default now(),
  withdrawn_at timestamptz
);
comment on table app.consents is 'What a member agreed to, in which wording (version), and when; withdrawals keep the record.';
create unique index consents_one_active_per_purpose on app.consents (user_id, purpose) where withdrawn_at is null;
alter table app.consents enable row level security;
revoke all on table app.consents from public, anon, authenticated;
grant select, insert on table app.consents to authenticated;
grant update (withdrawn_at) on table app.consents to authenticated;

create policy "Members can read their own consents"
  on app.consents for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Members can give their own consent"
  on app.consents for insert to authenticated
  with check (user_id = (select auth.uid()) and withdrawn_at is null);

create policy "Members can withdraw their own consent"
  on app.consents for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- The versions whose wording the app currently shows. Raising one asks everybody again.
create function app.current_consent_version(purpose text) returns text
language sql immutable
set search_path = ''
as $$ select 'v1' $$;
comment on function app.current_consent_version(text) is 'The consent wording version in force for a purpose.';

-- -------------------------------------------------------------------------------------
-- An audience other than only_me needs the matching consent (checked in the database, so no
-- code path can open a profile without it).
-- -------------------------------------------------------------------------------------
create function app.require_consent_for_audiences() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  audiences app.audience[] := array[new.identity_audience, new.legal_name_audience, new.skills_audience,
                                    new.bio_audience, new.photo_audience, new.cv_audience];
begin
  if 'members' = any (audiences) and not exists (
    select 1 from app.consents c where c.user_id = new.id and c.purpose = 'visible_to_members'
      and c.withdrawn_at is null and c.version = app.current_consent_version('visible_to_members')) then
    raise exception 'consent to be visible to members is missing' using errcode = 'check_violation',
      hint = 'consent:visible_to_members';
  end if;
  if 'organizers' = any (audiences) and not exists (
    select 1 from app.consents c where c.user_id = new.id and c.purpose = 'visible_to_organizers'
      and c.withdrawn_at is null and c.version = app.current_consent_version('visible_to_organizers')) then
    raise exception 'consent to be visible to organizers is missing' using errcode = 'check_violation',
      hint = 'consent:visible_to_organizers';
  end if;
  return new;
end
$$;
comment on function app.require_consent_for_audiences() is 'Refuses to open any part of a profile without the consent for that audience.';
revoke all on function app.require_consent_for_audiences() from public, anon;

create trigger profiles_require_consent
  before insert or update of identity_audience, legal_name_audience, skills_audience, bio_audience,
                             photo_audience, cv_audience on app.profiles
  for each row execute function app.require_consent_for_audiences();

-- -------------------------------------------------------------------------------------
-- May the caller see a part of someone's profile? The one place that answers it, used by
-- profile_for_viewer() and by the storage policies for photos and CVs.
-- -------------------------------------------------------------------------------------
create function app.can_see_part(owner_id uuid, part text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case
    when (select auth.uid()) is null then false
    when owner_id = (select auth.uid()) then true
    else coalesce((
      select case audience
               when 'members' then (select app.has_role('member'))
               when 'organizers' then (select app.has_role('organizer'))
               else false
             end
      from (select case part
                     when 'identity' then p.identity_audience
                     when 'legal_name' then p.legal_name_audience
                     when 'skills' then p.skills_audience
                     when 'bio' then p.bio_audience
                     when 'photo' then p.photo_audience
                     -- CVs reach organizers only through an accepted contact request, which does
                     -- not exist yet: until then nobody but the owner.
                     when 'cv' then 'only_me'::app.audience
                   end as audience
            from app.profiles p where p.id = owner_id) chosen), false)
  end
$$;
comment on function app.can_see_part(uuid, text) is 'True when the caller may see the given part (identity, legal_name, skills, bio, photo, cv) of a profile.';
revoke all on function app.can_see_part(uuid, text) from public, anon;
grant execute on function app.can_see_part(uuid, text) to authenticated;

-- -------------------------------------------------------------------------------------
-- A profile as the caller may see it: only the parts open to them, null when none is.
-- Security definer because the tables are owner-only; it returns nothing it did not check.
-- -------------------------------------------------------------------------------------
create function app.profile_for_viewer(target uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  p app.profiles;
  result jsonb := '{}';
begin
  if (select auth.uid()) is null then
    return null;
  end if;
  select * into p from app.profiles where id = target;
  if not found then
    return null;
  end if;
  if app.can_see_part(target, 'identity') then
    result := result || jsonb_build_object('display_name', p.display_name, 'headline', p.headline);
  end if;
  if app.can_see_part(target, 'legal_name') then
    result := result || jsonb_build_object('legal_name', p.legal_name);
  end if;
  if app.can_see_part(target, 'bio') then
    result := result || jsonb_build_object('bio', p.bio);
  end if;
  if app.can_see_part(target, 'photo') and p.photo_path is not null then
    result := result || jsonb_build_object('has_photo', true);
  end if;
  if app.can_see_part(target, 'skills') then
    result := result || jsonb_build_object(
      'city_id', p.city_id,
      'country_code', coalesce(p.country_code, (select c.country_code from app.cities c where c.id = p.city_id)),
      'hours_per_week', p.hours_per_week,
      'work_mode', p.work_mode,
      'open_to_relocation', p.open_to_relocation,
      'available_from', p.available_from,
      'skills', coalesce((select jsonb_agg(jsonb_build_object('id', s.skill_id, 'level', s.level, 'years', s.years) order by s.level desc, s.skill_id)
                          from app.profile_skills s where s.profile_id = target), '[]'),
      'tags', coalesce((select jsonb_agg(t.tag order by t.tag) from app.profile_tags t where t.profile_id = target), '[]'),
      'languages', coalesce((select jsonb_agg(jsonb_build_object('code', l.language_code, 'level', l.level) order by l.language_code)
                             from app.profile_languages l where l.profile_id = target), '[]'),
      'directions', coalesce((select jsonb_agg(d.direction_id order by d.direction_id) from app.profile_directions d where d.profile_id = target), '[]'));
  end if;
  if result = '{}' then
    return null;
  end if;
  return result || jsonb_build_object('id', target);
end
$$;
comment on function app.profile_for_viewer(uuid) is 'The parts of a profile the caller may see, or null. Never contact channels, never the CV file.';
revoke all on function app.profile_for_viewer(uuid) from public, anon;
grant execute on function app.profile_for_viewer(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- "Hide me now": every part back to only_me, in one statement.
-- -------------------------------------------------------------------------------------
create function app.hide_my_profile() returns void
language sql
set search_path = ''
as $$
  update app.profiles
  set identity_audience = 'only_me', legal_name_audience = 'only_me', skills_audience = 'only_me',
      bio_audience = 'only_me', photo_audience = 'only_me', cv_audience = 'only_me', updated_at = now()
  where id = (select auth.uid())
$$;
comment on function app.hide_my_profile() is 'Makes every part of the caller''s profile visible to the caller alone. Runs as the caller (RLS applies).';
revoke all on function app.hide_my_profile() from public, anon;
grant execute on function app.hide_my_profile() to authenticated;
