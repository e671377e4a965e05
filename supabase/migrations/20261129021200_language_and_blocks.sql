-- =====================================================================================
-- Two rules that cut across features.
--
-- 1. The language a person last used is remembered, so that mails sent while they are away
--    (contact requests, digests, event reminders) speak it. One function answers "which
--    language for this person": app.user_language().
-- 2. A member who blocked an organizer is invisible to that organizer everywhere: search,
--    profile views, photos, CVs — also when the organizer browses as a plain member without
--    a second factor. app.can_see_part() is the one place that decides, so the block goes there.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- The remembered language.
-- -------------------------------------------------------------------------------------
alter table app.profiles
  add column language text check (language in ('be', 'en', 'pl'));
comment on column app.profiles.language is
  'The interface language the member last used (be, en, pl); mails sent later are written in it.';

-- Members who signed up before: the language of their sign-up.
update app.profiles p set language = u.raw_user_meta_data ->> 'language'
from auth.users u
where u.id = p.id and u.raw_user_meta_data ->> 'language' in ('be', 'en', 'pl');

create function app.user_language(person uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select p.language from app.profiles p where p.id = person),
    (select u.raw_user_meta_data ->> 'language' from auth.users u
     where u.id = person and u.raw_user_meta_data ->> 'language' in ('be', 'en', 'pl')),
    'be')
$$;
comment on function app.user_language(uuid) is
  'The language to write to a person in: the one they last used, else their sign-up language, else Belarusian. System and definer functions only.';
revoke all on function app.user_language(uuid) from public, anon, authenticated;

create function app.remember_my_language(wanted text) returns void
language sql volatile security definer
set search_path = ''
as $$
  update app.profiles p set language = wanted
  where p.id = (select auth.uid()) and wanted in ('be', 'en', 'pl') and p.language is distinct from wanted
$$;
comment on function app.remember_my_language(text) is
  'Signed-in people: remembers the interface language they use now (no write when it is unchanged).';
revoke all on function app.remember_my_language(text) from public, anon;
grant execute on function app.remember_my_language(text) to authenticated;

-- The digest mail speaks the organizer's language (it used the language of the last saved search).
create or replace function app.take_saved_search_digest(organizer uuid)
returns table (saved_search_id uuid, name text, filters jsonb, new_matches jsonb, language text, email text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  search app.saved_searches;
  matches int;
  address text;
  mail_language text := app.user_language(organizer);
begin
  if not app.digest_recipient_ok(organizer) then
    return;
  end if;
  -- Locked, and due re-checked after the lock: a second runner that waited here finds the
  -- searches already moved on and sends nothing.
  perform 1 from app.saved_searches s where s.organizer_id = organizer and s.digest for update;
  if (select min(s.last_digest_at) from app.saved_searches s where s.organizer_id = organizer and s.digest)
       > now() - interval '20 hours' then
    return;
  end if;
  select u.email::text into address from auth.users u where u.id = organizer;
  for search in
    select * from app.saved_searches s where s.organizer_id = organizer and s.digest order by s.created_at
  loop
    select count(*)::int into matches
    from app.directory_matches(search.filters, organizer) m
    join app.directory_arrivals a on a.profile_id = m.id
    where a.arrived_at > search.last_digest_at;
    update app.saved_searches s set last_digest_at = now() where s.id = search.id;
    if matches > 0 and address is not null then
      insert into app.audit_events (actor, action, detail)
      values (organizer, 'saved_search_digest', jsonb_build_object('savedSearch', search.id, 'newMatches', matches));
      saved_search_id := search.id;
      name := search.name;
      filters := search.filters;
      new_matches := app.shown_count(matches);
      language := mail_language;
      email := address;
      return next;
    end if;
  end loop;
end
$$;

-- Saved searches no longer keep a language of their own.
drop function app.save_search(text, jsonb, text, boolean);
alter table app.saved_searches drop column language;

create function app.save_search(search_name text, search_filters jsonb, with_digest boolean)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  clean_name text := btrim(search_name);
  created uuid;
begin
  perform app.require_power('organizer', 'savedSearches');
  if clean_name is null or char_length(clean_name) not between 1 and 80 then
    raise exception 'a saved search needs a name of 1 to 80 characters'
      using errcode = 'check_violation', hint = 'savedSearches:errors.nameLength';
  end if;
  if search_filters is null or jsonb_typeof(search_filters) <> 'object' or octet_length(search_filters::text) > 4000 then
    raise exception 'the filters of a saved search must be a JSON object of at most 4000 bytes'
      using errcode = 'check_violation', hint = 'savedSearches:errors.filtersInvalid';
  end if;
  -- One organizer's saves are counted one after the other, so parallel saves cannot pass 20.
  perform pg_advisory_xact_lock(hashtextextended('saved_searches:' || me::text, 0));
  if (select count(*) from app.saved_searches s where s.organizer_id = me) >= app.saved_search_limit() then
    raise exception 'at most % saved searches', app.saved_search_limit()
      using errcode = 'check_violation', hint = 'savedSearches:errors.tooMany';
  end if;
  insert into app.saved_searches (organizer_id, name, filters, digest)
  values (me, clean_name, app.directory_filters(search_filters), coalesce(with_digest, false))
  returning id into created;
  return created;
end
$$;
comment on function app.save_search(text, jsonb, boolean) is
  'Organizers with a second factor: saves named directory filters (at most 20; name 1–80 characters).';
revoke all on function app.save_search(text, jsonb, boolean) from public, anon;
grant execute on function app.save_search(text, jsonb, boolean) to authenticated;

-- -------------------------------------------------------------------------------------
-- Blocks reach every part (as of 20261129020700, plus the block).
-- -------------------------------------------------------------------------------------
create or replace function app.can_see_part(owner_id uuid, part text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case
    when (select auth.uid()) is null then false
    when owner_id = (select auth.uid()) then true
    -- A member who blocked this person shows them nothing, whatever their role.
    when app.is_blocked(owner_id, (select auth.uid())) then false
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
  'True when the caller may see the given part (identity, legal_name, skills, bio, photo, cv) of a profile; organizer parts need aal2; a CV needs an accepted contact request; a block hides everything.';

-- -------------------------------------------------------------------------------------
-- A contact request to a canary profile is an alert, like opening one: only someone
-- harvesting the directory reaches out to a decoy.
-- -------------------------------------------------------------------------------------
create function app.alert_on_canary_contact() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from app.profiles p where p.id = new.member_id and p.is_canary) then
    insert into app.audit_events (actor, action, target, detail)
    values (new.organizer_id, 'canary_viewed', new.member_id, jsonb_build_object('alert', true, 'via', 'contact_request'));
  end if;
  return new;
end
$$;
comment on function app.alert_on_canary_contact() is 'Trigger: a contact request to a canary profile raises the canary alert.';
revoke all on function app.alert_on_canary_contact() from public, anon, authenticated;

create trigger contact_requests_alert_on_canary
  after insert on app.contact_requests
  for each row execute function app.alert_on_canary_contact();
