-- =====================================================================================
-- Shortlists: an organizer's private lists of members, with notes, and their CSV export
-- (issue 4, acceptance 8). ADR 019.
--
-- Nobody holds a grant on the two tables: every read and write goes through the security
-- definer functions below, each of which asks for the organizer power (role AND second factor)
-- and touches only the caller's own lists. Another organizer's list gets the same answer as a
-- list that does not exist. A member can be added only while their identity is open to the
-- organizer and they have not blocked them; the export carries only members who accepted this
-- organizer's contact request, and is quota-bound and audited in the same transaction.
-- Erasure: an organizer's lists go with their account, a member's entries (and the notes about
-- them) with theirs.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Tables
-- -------------------------------------------------------------------------------------
create table app.shortlists (
  id uuid primary key default gen_random_uuid(),
  organizer_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (name = btrim(name) and char_length(name) between 1 and 80),
  created_at timestamptz not null default now()
);
comment on table app.shortlists is
  'An organizer''s private list of members. Read and written only through the shortlist definer functions.';
alter table app.shortlists enable row level security;
revoke all on table app.shortlists from public, anon, authenticated;

-- One name once per organizer, whatever its case: two lists called "Lawyers" would be confused.
create unique index shortlists_one_name_per_organizer on app.shortlists (organizer_id, lower(name));

create table app.shortlist_members (
  shortlist_id uuid not null references app.shortlists (id) on delete cascade,
  member_id uuid not null references auth.users (id) on delete cascade,
  note text check (note is null or (note = btrim(note) and char_length(note) between 1 and 1000)),
  added_at timestamptz not null default now(),
  primary key (shortlist_id, member_id)
);
comment on table app.shortlist_members is
  'Members on a shortlist, with the organizer''s note. Goes with the member''s account (the note too).';
comment on column app.shortlist_members.note is 'The organizer''s own note about the member; at most 1000 characters.';
alter table app.shortlist_members enable row level security;
revoke all on table app.shortlist_members from public, anon, authenticated;

-- Erasing a member finds their entries without scanning every list.
create index shortlist_members_by_member on app.shortlist_members (member_id);

-- -------------------------------------------------------------------------------------
-- Limits, in one place.
-- -------------------------------------------------------------------------------------
create function app.shortlist_limit(what text) returns int
language sql immutable
set search_path = ''
as $$ select case what when 'lists' then 50 when 'members' then 500 end $$;
comment on function app.shortlist_limit(text) is 'At most 50 lists per organizer and 500 members per list.';
revoke all on function app.shortlist_limit(text) from public, anon;

-- -------------------------------------------------------------------------------------
-- The caller's own list, locked for the change that follows; raises "not found" for a list
-- that does not exist or belongs to someone else (one answer for both).
-- -------------------------------------------------------------------------------------
create function app.own_shortlist(list_id uuid) returns app.shortlists
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  found_list app.shortlists;
begin
  select * into found_list from app.shortlists s
  where s.id = list_id and s.organizer_id = (select auth.uid())
  for update;
  if not found then
    raise exception 'no such shortlist' using errcode = 'no_data_found', hint = 'shortlists:errors.listNotFound';
  end if;
  return found_list;
end
$$;
comment on function app.own_shortlist(uuid) is
  'The caller''s shortlist, locked; raises no_data_found (hint shortlists:errors.listNotFound) for an unknown or foreign one.';
revoke all on function app.own_shortlist(uuid) from public, anon, authenticated;

-- A list name as stored: trimmed, 1–80 characters.
create function app.clean_shortlist_name(raw text) returns text
language plpgsql immutable
set search_path = ''
as $$
begin
  if raw is null or char_length(btrim(raw)) = 0 then
    raise exception 'a shortlist needs a name' using errcode = 'check_violation', hint = 'shortlists:errors.nameRequired';
  end if;
  if char_length(btrim(raw)) > 80 then
    raise exception 'the shortlist name is too long' using errcode = 'check_violation', hint = 'shortlists:errors.nameTooLong';
  end if;
  return btrim(raw);
end
$$;
comment on function app.clean_shortlist_name(text) is 'Trims a shortlist name and refuses an empty or over-long one with a translated hint.';
revoke all on function app.clean_shortlist_name(text) from public, anon;

-- A note as stored: trimmed, empty means none, at most 1000 characters.
create function app.clean_shortlist_note(raw text) returns text
language plpgsql immutable
set search_path = ''
as $$
begin
  if char_length(btrim(coalesce(raw, ''))) > 1000 then
    raise exception 'the note is too long' using errcode = 'check_violation', hint = 'shortlists:errors.noteTooLong';
  end if;
  return nullif(btrim(coalesce(raw, '')), '');
end
$$;
comment on function app.clean_shortlist_note(text) is 'Trims a note (empty: none) and refuses one over 1000 characters with a translated hint.';
revoke all on function app.clean_shortlist_note(text) from public, anon;

-- -------------------------------------------------------------------------------------
-- Lists: create, rename, delete, read.
-- -------------------------------------------------------------------------------------
create function app.create_shortlist(list_name text) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  created uuid;
begin
  perform app.require_power('organizer', 'shortlists');
  -- Counted one after the other, so parallel requests cannot pass the limit together.
  perform pg_advisory_xact_lock(hashtextextended('shortlists:' || me::text, 0));
  if (select count(*) from app.shortlists s where s.organizer_id = me) >= app.shortlist_limit('lists') then
    raise exception 'too many shortlists' using errcode = 'check_violation', hint = 'shortlists:errors.tooManyLists';
  end if;
  begin
    insert into app.shortlists (organizer_id, name) values (me, app.clean_shortlist_name(list_name)) returning id into created;
  exception when unique_violation then
    raise exception 'a shortlist of that name exists' using errcode = 'unique_violation', hint = 'shortlists:errors.nameTaken';
  end;
  return created;
end
$$;
comment on function app.create_shortlist(text) is 'Organizers with a second factor: a new, empty shortlist of their own (at most 50); returns its id.';
revoke all on function app.create_shortlist(text) from public, anon;
grant execute on function app.create_shortlist(text) to authenticated;

create function app.rename_shortlist(list_id uuid, list_name text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('organizer', 'shortlists');
  perform app.own_shortlist(list_id);
  update app.shortlists s set name = app.clean_shortlist_name(list_name) where s.id = list_id;
exception when unique_violation then
  raise exception 'a shortlist of that name exists' using errcode = 'unique_violation', hint = 'shortlists:errors.nameTaken';
end
$$;
comment on function app.rename_shortlist(uuid, text) is 'Organizers with a second factor: renames one of their own shortlists.';
revoke all on function app.rename_shortlist(uuid, text) from public, anon;
grant execute on function app.rename_shortlist(uuid, text) to authenticated;

create function app.delete_shortlist(list_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('organizer', 'shortlists');
  perform app.own_shortlist(list_id);
  delete from app.shortlists s where s.id = list_id;
end
$$;
comment on function app.delete_shortlist(uuid) is 'Organizers with a second factor: deletes one of their own shortlists with its entries and notes.';
revoke all on function app.delete_shortlist(uuid) from public, anon;
grant execute on function app.delete_shortlist(uuid) to authenticated;

-- The caller's lists, newest first, with how many members each holds and (when a member is
-- given) whether that member is on it — for the "add to a list" page.
create function app.my_shortlists(containing uuid default null)
returns table (id uuid, name text, created_at timestamptz, member_count int, has_member boolean)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_power('organizer', 'shortlists');
  return query
    select s.id, s.name, s.created_at,
           (select count(*)::int from app.shortlist_members m where m.shortlist_id = s.id),
           containing is not null and exists (
             select 1 from app.shortlist_members m where m.shortlist_id = s.id and m.member_id = containing)
    from app.shortlists s
    where s.organizer_id = (select auth.uid())
    order by s.created_at desc, s.id;
end
$$;
comment on function app.my_shortlists(uuid) is
  'Organizers with a second factor: their own shortlists with member counts, and whether the given member is on each.';
revoke all on function app.my_shortlists(uuid) from public, anon;
grant execute on function app.my_shortlists(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- Entries: add, note, remove, read.
-- -------------------------------------------------------------------------------------

-- May the calling organizer put this member on a list? Only while the member's identity is
-- open to them and the member has not blocked them. One answer for "no" and "no such member".
create function app.can_shortlist(member uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select member is distinct from (select auth.uid())
     and app.can_see_part(member, 'identity')
     and not app.is_blocked(member, (select auth.uid()))
$$;
comment on function app.can_shortlist(uuid) is
  'True when the caller may shortlist the member: someone else, identity open to the caller, not blocked by them.';
revoke all on function app.can_shortlist(uuid) from public, anon, authenticated;

create function app.add_to_shortlist(list_id uuid, member uuid, note text default null) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  cleaned text := app.clean_shortlist_note(note);
begin
  perform app.require_power('organizer', 'shortlists');
  perform app.own_shortlist(list_id);
  if not app.can_shortlist(member) then
    raise exception 'no such member' using errcode = 'no_data_found', hint = 'shortlists:errors.memberNotFound';
  end if;
  if not exists (select 1 from app.shortlist_members m where m.shortlist_id = list_id and m.member_id = member)
     and (select count(*) from app.shortlist_members m where m.shortlist_id = list_id) >= app.shortlist_limit('members') then
    raise exception 'the shortlist is full' using errcode = 'check_violation', hint = 'shortlists:errors.listFull';
  end if;
  -- Adding again keeps the entry; a note given now replaces the old one, no note keeps it.
  insert into app.shortlist_members as m (shortlist_id, member_id, note) values (list_id, member, cleaned)
  on conflict (shortlist_id, member_id) do update set note = coalesce(excluded.note, m.note);
end
$$;
comment on function app.add_to_shortlist(uuid, uuid, text) is
  'Organizers with a second factor: puts a member whose identity is open to them (and who has not blocked them) on their list, with an optional note.';
revoke all on function app.add_to_shortlist(uuid, uuid, text) from public, anon;
grant execute on function app.add_to_shortlist(uuid, uuid, text) to authenticated;

create function app.set_shortlist_note(list_id uuid, member uuid, note text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  cleaned text := app.clean_shortlist_note(note);
begin
  perform app.require_power('organizer', 'shortlists');
  perform app.own_shortlist(list_id);
  update app.shortlist_members m set note = cleaned where m.shortlist_id = list_id and m.member_id = member;
  if not found then
    raise exception 'no such entry' using errcode = 'no_data_found', hint = 'shortlists:errors.memberNotFound';
  end if;
end
$$;
comment on function app.set_shortlist_note(uuid, uuid, text) is 'Organizers with a second factor: replaces (or clears) the note on an entry of their own list.';
revoke all on function app.set_shortlist_note(uuid, uuid, text) from public, anon;
grant execute on function app.set_shortlist_note(uuid, uuid, text) to authenticated;

create function app.remove_from_shortlist(list_id uuid, member uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_power('organizer', 'shortlists');
  perform app.own_shortlist(list_id);
  -- Removing someone who is not there leaves the list as wanted: not an error.
  delete from app.shortlist_members m where m.shortlist_id = list_id and m.member_id = member;
end
$$;
comment on function app.remove_from_shortlist(uuid, uuid) is 'Organizers with a second factor: takes a member (and the note) off their own list.';
revoke all on function app.remove_from_shortlist(uuid, uuid) from public, anon;
grant execute on function app.remove_from_shortlist(uuid, uuid) to authenticated;

-- A list's entries, oldest first. Name and headline only while the member's identity is still
-- open to the caller and they have not blocked them; otherwise the entry stays, nameless
-- (visible = false), so the organizer can remove it and keeps their own note.
create function app.shortlist_entries(list_id uuid)
returns table (member_id uuid, visible boolean, display_name text, headline text, note text,
               added_at timestamptz, contact_accepted boolean)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  perform app.require_power('organizer', 'shortlists');
  if not exists (select 1 from app.shortlists s where s.id = list_id and s.organizer_id = me) then
    raise exception 'no such shortlist' using errcode = 'no_data_found', hint = 'shortlists:errors.listNotFound';
  end if;
  return query
    select m.member_id, seen.visible,
           case when seen.visible then p.display_name end,
           case when seen.visible then p.headline end,
           m.note, m.added_at,
           seen.visible and app.has_accepted_contact(me, m.member_id)
    from app.shortlist_members m
    left join app.profiles p on p.id = m.member_id
    cross join lateral (select app.can_shortlist(m.member_id) as visible) seen
    where m.shortlist_id = list_id
    order by m.added_at, m.member_id;
end
$$;
comment on function app.shortlist_entries(uuid) is
  'Organizers with a second factor: the entries of their own list; names only while still visible to them, and whether each would be exported (accepted their contact).';
revoke all on function app.shortlist_entries(uuid) from public, anon;
grant execute on function app.shortlist_entries(uuid) to authenticated;

-- -------------------------------------------------------------------------------------
-- The export: only members who accepted this organizer's contact request and are still visible
-- to them (not hidden since, not blocking them), with the channels they share, their city, the
-- note and the date they accepted. Quota-bound (hint
-- 'quota:shortlist_export'; the app records the alert afterwards, ADR 016) and audited in the
-- same transaction: if the audit row cannot be written, nothing is returned.
-- -------------------------------------------------------------------------------------
create function app.export_shortlist(list_id uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  chosen app.shortlists;
  exported jsonb;
  total int;
begin
  perform app.require_power('organizer', 'shortlists');
  select * into chosen from app.shortlists s where s.id = list_id and s.organizer_id = me;
  if not found then
    raise exception 'no such shortlist' using errcode = 'no_data_found', hint = 'shortlists:errors.listNotFound';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('quota:shortlist_export:' || me::text, 0));
  if coalesce(app.quota_remaining('shortlist_export'), 1) = 0 then
    raise exception 'the shortlist export quota is used up' using errcode = 'check_violation', hint = 'quota:shortlist_export';
  end if;
  select count(*)::int into total from app.shortlist_members m where m.shortlist_id = list_id;
  select coalesce(jsonb_agg(jsonb_build_object(
           'member_id', m.member_id,
           'display_name', p.display_name,
           'city', case when app.can_see_part(m.member_id, 'skills') and c.id is not null
                        then jsonb_build_object('be', c.name_be, 'en', c.name_en, 'pl', c.name_pl) end,
           'channels', coalesce((select jsonb_object_agg(ch.kind, ch.value order by ch.kind)
                                 from app.contact_channels ch where ch.profile_id = m.member_id), '{}'::jsonb),
           'note', m.note,
           'accepted_at', r.answered_at) order by m.added_at, m.member_id), '[]'::jsonb)
    into exported
  from app.shortlist_members m
  join app.contact_requests r on r.organizer_id = me and r.member_id = m.member_id and r.status = 'accepted'
  left join app.profiles p on p.id = m.member_id
  left join app.cities c on c.id = p.city_id
  where m.shortlist_id = list_id
    -- Hiding one's profile or blocking the organizer stops the export too (fail closed).
    and app.can_shortlist(m.member_id);
  insert into app.audit_events (actor, action, detail)
  values (me, 'shortlist_export', jsonb_build_object('shortlist_id', list_id, 'rows', jsonb_array_length(exported)));
  return jsonb_build_object(
    'shortlist_id', list_id,
    'name', chosen.name,
    'exported_at', now(),
    'total', total,
    'omitted', total - jsonb_array_length(exported),
    'rows', exported);
end
$$;
comment on function app.export_shortlist(uuid) is
  'Organizers with a second factor: their list''s members who accepted their contact request (channels, city, note, date), within the quota, audited.';
revoke all on function app.export_shortlist(uuid) from public, anon;
grant execute on function app.export_shortlist(uuid) to authenticated;
