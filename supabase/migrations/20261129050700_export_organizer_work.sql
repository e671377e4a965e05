-- =====================================================================================
-- The data export also holds an organizer's own work: their shortlists and saved searches.
--
-- Only what the organizer wrote: each shortlist's name, when it was made and how many members
-- are on it, and each saved search's name, filters and digest setting. Never who is on
-- a shortlist or a note about them: those are other members' data (their profiles stay theirs;
-- the shortlist CSV, audited and within quota, is the way to take them out, decision 019).
--
-- The export so far is renamed and wrapped, instead of written out a fourth time.
-- =====================================================================================
alter function app.export_my_data() rename to export_my_data_core;
comment on function app.export_my_data_core() is
  'Internal: the data export without the organizer''s own work (see app.export_my_data).';
revoke all on function app.export_my_data_core() from public, anon, authenticated;

create function app.export_my_data() returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select app.export_my_data_core() || jsonb_build_object(
    'shortlists', coalesce((
      select jsonb_agg(jsonb_build_object('name', s.name, 'created_at', s.created_at,
                                          'members', (select count(*) from app.shortlist_members e where e.shortlist_id = s.id))
                       order by s.created_at, s.id)
      from app.shortlists s where s.organizer_id = (select auth.uid())), '[]'),
    'saved_searches', coalesce((
      select jsonb_agg(jsonb_build_object('name', q.name, 'filters', q.filters, 'digest', q.digest,
                                          'created_at', q.created_at)
                       order by q.created_at, q.id)
      from app.saved_searches q where q.organizer_id = (select auth.uid())), '[]'))
$$;
comment on function app.export_my_data() is
  'Everything Talaka holds about the caller (account, roles, profile and its lists, contact channels, consents, files, sessions, second factors, mails sent, contact requests received and sent, blocks, abuse reports, notifications, event registrations, and an organizer''s shortlists and saved searches without who is on them), as JSON with format_version. Never password hashes, tokens, session ids, mail bodies, venues or check-in codes; never another person''s data.';
revoke all on function app.export_my_data() from public, anon;
grant execute on function app.export_my_data() to authenticated;
