-- =====================================================================================
-- Saved searches and their daily digest (issue 4, acceptance 9). ADR 020.
--
-- An organizer names the directory filters they use often; with the digest on, a daily mail
-- tells them how many members newly match each search — counts only, never a name (mail can be
-- read by others; the people are seen in the app, behind the second factor). Nobody holds a
-- grant on the tables: organizers go through the definer functions below, which ask for the
-- organizer power (role AND second factor) and touch only the caller's own searches. The
-- digest itself is taken by the job runner through the system handle (owner only).
--
-- "New" is decided by app.directory_arrivals: when a member last became findable by
-- organizers (identity open beyond only_me, with a display name). A search counts the members that match it
-- now (app.directory_matches, the very SQL of the organizer search) and arrived after its
-- last digest; last_digest_at moves in the same transaction as the mail, so a second run
-- sends nothing.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Saved searches
-- -------------------------------------------------------------------------------------
create table app.saved_searches (
  id uuid primary key default gen_random_uuid(),
  organizer_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (name = btrim(name) and char_length(name) between 1 and 80),
  filters jsonb not null check (jsonb_typeof(filters) = 'object' and octet_length(filters::text) <= 4000),
  language text not null check (language in ('be', 'en', 'pl')),
  digest boolean not null default false,
  created_at timestamptz not null default now(),
  last_digest_at timestamptz not null default now()
);
comment on table app.saved_searches is
  'An organizer''s named directory filters, with an optional daily digest. Read and written only through definer functions.';
comment on column app.saved_searches.filters is 'DirectoryFilters in the canonical form of app.directory_filters(), as the organizer search reads them.';
comment on column app.saved_searches.language is
  'The language the organizer used when saving; the digest mail is written in it (no durable language preference exists elsewhere).';
comment on column app.saved_searches.last_digest_at is
  'Members who arrived in the directory after this moment are new to the search. Starts at saving (or turning the digest on).';
alter table app.saved_searches enable row level security;
revoke all on table app.saved_searches from public, anon, authenticated;

create index saved_searches_by_organizer on app.saved_searches (organizer_id, created_at desc);
create index saved_searches_with_digest on app.saved_searches (organizer_id, last_digest_at) where digest;

create function app.saved_search_limit() returns int
language sql immutable
set search_path = ''
as $$ select 20 $$;
comment on function app.saved_search_limit() is 'At most 20 saved searches per organizer.';
revoke all on function app.saved_search_limit() from public, anon;

-- -------------------------------------------------------------------------------------
-- Arrivals in the directory: when a member last became findable by organizers. Written by a
-- trigger on app.profiles, so no code path can forget it; goes with the profile.
-- -------------------------------------------------------------------------------------
create table app.directory_arrivals (
  profile_id uuid primary key references app.profiles (id) on delete cascade,
  arrived_at timestamptz not null default now()
);
comment on table app.directory_arrivals is
  'When each member last became findable in the organizer directory (identity beyond only_me, with a display name). System only; used by saved-search digests.';
alter table app.directory_arrivals enable row level security;
revoke all on table app.directory_arrivals from public, anon, authenticated;
create index directory_arrivals_by_time on app.directory_arrivals (arrived_at);

-- Findable exactly as app.directory_matches() has it: identity open and a display name.
create function app.note_directory_arrival() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.identity_audience <> 'only_me' and new.display_name is not null
     and (tg_op = 'INSERT' or old.identity_audience = 'only_me' or old.display_name is null) then
    insert into app.directory_arrivals (profile_id, arrived_at) values (new.id, now())
    on conflict (profile_id) do update set arrived_at = excluded.arrived_at;
  end if;
  return null;
end
$$;
comment on function app.note_directory_arrival() is
  'Trigger: a profile that becomes findable by organizers (identity beyond only_me, with a display name) arrives in the directory now — again after hiding.';
revoke all on function app.note_directory_arrival() from public, anon, authenticated;

create trigger profiles_note_directory_arrival
  after insert or update of identity_audience, display_name on app.profiles
  for each row execute function app.note_directory_arrival();

-- Members already open when this migration runs arrived at their last change.
insert into app.directory_arrivals (profile_id, arrived_at)
select p.id, p.updated_at from app.profiles p where p.identity_audience <> 'only_me' and p.display_name is not null;

-- -------------------------------------------------------------------------------------
-- The organizer's own searches: save, list, digest on or off, delete.
-- -------------------------------------------------------------------------------------
create function app.save_search(search_name text, search_filters jsonb, search_language text, with_digest boolean)
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
  insert into app.saved_searches (organizer_id, name, filters, language, digest)
  values (me, clean_name, app.directory_filters(search_filters),
          case when search_language in ('be', 'en', 'pl') then search_language else 'be' end,
          coalesce(with_digest, false))
  returning id into created;
  return created;
end
$$;
comment on function app.save_search(text, jsonb, text, boolean) is
  'Organizers with a second factor: saves named directory filters (at most 20; name 1–80 characters) in the given mail language.';
revoke all on function app.save_search(text, jsonb, text, boolean) from public, anon;
grant execute on function app.save_search(text, jsonb, text, boolean) to authenticated;

create function app.list_my_saved_searches()
returns table (id uuid, name text, filters jsonb, digest boolean, created_at timestamptz, last_digest_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('organizer', 'savedSearches');
  return query
    select s.id, s.name, s.filters, s.digest, s.created_at, s.last_digest_at
    from app.saved_searches s
    where s.organizer_id = (select auth.uid())
    order by s.created_at desc, s.id;
end
$$;
comment on function app.list_my_saved_searches() is 'Organizers with a second factor: their own saved searches, newest first.';
revoke all on function app.list_my_saved_searches() from public, anon;
grant execute on function app.list_my_saved_searches() to authenticated;

create function app.set_saved_search_digest(search_id uuid, wanted boolean) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  changed int;
begin
  perform app.require_power('organizer', 'savedSearches');
  -- Turning it on counts news from now: the first mail does not recount what the organizer saw.
  update app.saved_searches s
  set digest = wanted,
      last_digest_at = case when wanted and not s.digest then now() else s.last_digest_at end
  where s.id = search_id and s.organizer_id = (select auth.uid());
  get diagnostics changed = row_count;
  return changed > 0;
end
$$;
comment on function app.set_saved_search_digest(uuid, boolean) is
  'Organizers with a second factor: turns the daily digest of their own saved search on or off; false for an unknown or foreign search.';
revoke all on function app.set_saved_search_digest(uuid, boolean) from public, anon;
grant execute on function app.set_saved_search_digest(uuid, boolean) to authenticated;

create function app.delete_saved_search(search_id uuid) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  removed int;
begin
  perform app.require_power('organizer', 'savedSearches');
  delete from app.saved_searches s where s.id = search_id and s.organizer_id = (select auth.uid());
  get diagnostics removed = row_count;
  return removed > 0;
end
$$;
comment on function app.delete_saved_search(uuid) is
  'Organizers with a second factor: deletes their own saved search; false for an unknown or foreign one (one answer for both).';
revoke all on function app.delete_saved_search(uuid) from public, anon;
grant execute on function app.delete_saved_search(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- The digest (system only: the job runner calls these through the owner connection).
--
-- An organizer is due when they still hold the organizer role, have a verified second factor,
-- and their oldest digest is at least 20 hours old (a job that runs hourly then mails each
-- organizer at most once a day, whatever the clock drift). All their digest searches go into
-- one mail, which also brings the searches onto one schedule.
-- -------------------------------------------------------------------------------------
create function app.digest_recipient_ok(organizer uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from app.user_roles r where r.user_id = organizer and r.role = 'organizer')
     and exists (select 1 from auth.mfa_factors f where f.user_id = organizer and f.status = 'verified')
$$;
comment on function app.digest_recipient_ok(uuid) is
  'True when the user still holds the organizer role and a verified second factor: only then is a digest sent.';
revoke all on function app.digest_recipient_ok(uuid) from public, anon, authenticated;

create function app.organizers_due_for_digest() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select s.organizer_id
  from app.saved_searches s
  where s.digest
  group by s.organizer_id
  having min(s.last_digest_at) <= now() - interval '20 hours' and app.digest_recipient_ok(s.organizer_id)
$$;
comment on function app.organizers_due_for_digest() is 'System only: organizers whose daily digest is due (role and verified second factor held).';
revoke all on function app.organizers_due_for_digest() from public, anon, authenticated;

create function app.take_saved_search_digest(organizer uuid)
returns table (saved_search_id uuid, name text, filters jsonb, new_matches jsonb, language text, email text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  search app.saved_searches;
  matches int;
  address text;
  mail_language text;
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
  -- The language of the organizer's most recent saved search: the latest choice they made.
  select s.language into mail_language from app.saved_searches s
  where s.organizer_id = organizer and s.digest order by s.created_at desc limit 1;
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
comment on function app.take_saved_search_digest(uuid) is
  'System only, in the transaction that writes the mail: per due digest search of the organizer with news, the count of members new to it (as app.shown_count shows it); moves last_digest_at and audits each search reported.';
revoke all on function app.take_saved_search_digest(uuid) from public, anon, authenticated;
