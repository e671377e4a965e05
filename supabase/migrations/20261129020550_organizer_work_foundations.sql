-- =====================================================================================
-- Foundations for the organizer's work: the audit actions and quotas of search, contact,
-- exports and the talent map, and the contact request that everything after a search hangs on.
--
-- The functions that use these (search, contact, shortlists, saved searches, talent map) come
-- in the migrations after this one; each is a security definer function that checks the power,
-- the quota and writes its audit row in the same transaction (DESIGN §4).
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Every action the audit trail knows. `alert` in detail marks rows admins must look at.
-- -------------------------------------------------------------------------------------
alter table app.audit_events drop constraint audit_events_action_check;
alter table app.audit_events add constraint audit_events_action_check check (action in (
  'profile_view',        -- an organizer opened a profile
  'quota_exceeded',      -- an organizer hit a quota (alert)
  'canary_viewed',       -- an organizer opened a canary profile (alert)
  'search',              -- an organizer searched the directory (detail: the filters)
  'contact_request',     -- an organizer asked a member for contact
  'contact_reveal',      -- an organizer read the channels a member shared with them
  'shortlist_export',    -- an organizer exported a shortlist (detail: how many rows)
  'talent_map',          -- an organizer looked at the talent map
  'saved_search_digest'  -- the daily digest of a saved search was sent to its organizer
));

-- -------------------------------------------------------------------------------------
-- Default quotas (admins change them through the admin pages). Probation halves them.
-- -------------------------------------------------------------------------------------
insert into app.quota_limits (action, per_interval, "limit") values
  ('search', interval '1 hour', 60),
  ('contact_request', interval '1 day', 20),
  ('contact_reveal', interval '1 day', 100),
  ('shortlist_export', interval '1 day', 20),
  ('talent_map', interval '1 hour', 60)
on conflict (action) do nothing;

-- -------------------------------------------------------------------------------------
-- Contact requests: an organizer asks, the member answers. Only an accepted request opens the
-- member's shared channels and CV to that one organizer. Nobody holds a grant on the table:
-- it is read and written through the definer functions of the contact migration.
-- -------------------------------------------------------------------------------------
create type app.contact_request_status as enum ('pending', 'accepted', 'declined', 'withdrawn');
comment on type app.contact_request_status is
  'pending: waiting for the member; accepted / declined: the member answered; withdrawn: the organizer took it back, or the member blocked them.';

create table app.contact_requests (
  id uuid primary key default gen_random_uuid(),
  organizer_id uuid not null references auth.users (id) on delete cascade,
  member_id uuid not null references auth.users (id) on delete cascade,
  message text not null check (char_length(btrim(message)) between 1 and 2000),
  status app.contact_request_status not null default 'pending',
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  check (organizer_id <> member_id),
  check ((status = 'pending') = (answered_at is null))
);
comment on column app.contact_requests.answered_at is 'When the request left pending (answered or withdrawn).';
comment on table app.contact_requests is
  'An organizer''s request to contact a member, with a message. Accepted: the member''s shared channels and CV open to that organizer.';
alter table app.contact_requests enable row level security;
revoke all on table app.contact_requests from public, anon, authenticated;

-- One live request per organizer and member: a second one waits until the first is answered.
create unique index contact_requests_one_live_per_pair
  on app.contact_requests (organizer_id, member_id) where status in ('pending', 'accepted');
create index contact_requests_by_member on app.contact_requests (member_id, status, created_at desc);
create index contact_requests_by_organizer on app.contact_requests (organizer_id, status, created_at desc);

-- Has the member accepted this organizer's contact request (and not withdrawn it since)?
create function app.has_accepted_contact(organizer uuid, member uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from app.contact_requests r
    where r.organizer_id = organizer and r.member_id = member and r.status = 'accepted')
$$;
comment on function app.has_accepted_contact(uuid, uuid) is
  'True when the member accepted the organizer''s contact request and it still stands.';
revoke all on function app.has_accepted_contact(uuid, uuid) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- Blocks: a member who blocks an organizer disappears from that organizer's search, profile
-- views and contact requests, and gets no more requests from them.
-- -------------------------------------------------------------------------------------
create table app.organizer_blocks (
  member_id uuid not null references auth.users (id) on delete cascade,
  organizer_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (member_id, organizer_id)
);
comment on table app.organizer_blocks is 'Organizers a member blocked. Read and written only through definer functions.';
alter table app.organizer_blocks enable row level security;
revoke all on table app.organizer_blocks from public, anon, authenticated;
create index organizer_blocks_by_organizer on app.organizer_blocks (organizer_id, member_id);

create function app.is_blocked(member uuid, organizer uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from app.organizer_blocks b where b.member_id = member and b.organizer_id = organizer)
$$;
comment on function app.is_blocked(uuid, uuid) is 'True when the member blocked the organizer.';
revoke all on function app.is_blocked(uuid, uuid) from public, anon, authenticated;
