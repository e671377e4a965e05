-- =====================================================================================
-- "Download my data" (latest in 20261129020700) now also lists the caller's event
-- registrations: which event, where they stood, and when — never the venue, the link or anyone
-- else who came (issue 5, ADR 022 "Consequences", ADR 025). Everything else exactly as there.
-- =====================================================================================

create or replace function app.export_my_data() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  my_email text;
  result jsonb;
begin
  if me is null then
    raise exception 'export_my_data needs a signed-in caller' using errcode = 'insufficient_privilege';
  end if;
  select u.email into my_email from auth.users u where u.id = me;

  result := jsonb_build_object(
    -- Raised when a key changes meaning; new keys alone do not raise it.
    'format_version', 1,
    'exported_at', now(),

    -- The account, allow-listed: never the password hash, never a token.
    'account', (
      select jsonb_build_object(
        'id', u.id,
        'email', u.email,
        'phone', u.phone,
        'created_at', u.created_at,
        'updated_at', u.updated_at,
        'email_confirmed_at', u.email_confirmed_at,
        'last_sign_in_at', u.last_sign_in_at,
        'user_metadata', coalesce(u.raw_user_meta_data, '{}'))
      from auth.users u where u.id = me),

    'roles', coalesce((
      select jsonb_agg(jsonb_build_object('role', r.role, 'granted_at', r.granted_at) order by r.granted_at, r.role)
      from app.user_roles r where r.user_id = me), '[]'),

    -- Every column of the profile (audiences included), so a column added later is exported too.
    'profile', (
      select to_jsonb(p)
        || jsonb_build_object(
             'languages', coalesce((select jsonb_agg(to_jsonb(l) - 'profile_id' order by l.language_code)
                                    from app.profile_languages l where l.profile_id = me), '[]'),
             'skills', coalesce((select jsonb_agg(to_jsonb(s) - 'profile_id' order by s.skill_id)
                                 from app.profile_skills s where s.profile_id = me), '[]'),
             'tags', coalesce((select jsonb_agg(t.tag order by t.tag)
                               from app.profile_tags t where t.profile_id = me), '[]'),
             'directions', coalesce((select jsonb_agg(d.direction_id order by d.direction_id)
                                     from app.profile_directions d where d.profile_id = me), '[]'))
      from app.profiles p where p.id = me),

    'contact_channels', coalesce((
      select jsonb_agg(to_jsonb(c) - 'profile_id' order by c.kind)
      from app.contact_channels c where c.profile_id = me), '[]'),

    -- All consents, withdrawn ones included: what was agreed to, in which wording, and when.
    'consents', coalesce((
      select jsonb_agg(jsonb_build_object('purpose', c.purpose, 'version', c.version,
                                          'granted_at', c.granted_at, 'withdrawn_at', c.withdrawn_at)
                       order by c.granted_at, c.id)
      from app.consents c where c.user_id = me), '[]'),

    -- Files in the caller's folder (<user-id>/…) of any bucket: what they are, not the bytes.
    'files', coalesce((
      select jsonb_agg(jsonb_build_object('bucket', o.bucket_id, 'name', o.name,
                                          'size', (o.metadata ->> 'size')::bigint,
                                          'content_type', o.metadata ->> 'mimetype',
                                          'created_at', o.created_at)
                       order by o.bucket_id, o.name)
      from storage.objects o where (storage.foldername(o.name))[1] = me::text), '[]'),

    -- Signed-in devices, without the session ids (a session id is a key to the account).
    'sessions', coalesce((
      select jsonb_agg(jsonb_build_object('created_at', s.created_at, 'refreshed_at', s.refreshed_at,
                                          'not_after', s.not_after, 'user_agent', s.user_agent)
                       order by s.created_at)
      from auth.sessions s where s.user_id = me), '[]'),

    'second_factors', coalesce((
      select jsonb_agg(jsonb_build_object('type', f.factor_type, 'name', f.friendly_name,
                                          'status', f.status, 'created_at', f.created_at)
                       order by f.created_at)
      from auth.mfa_factors f where f.user_id = me), '[]'),

    -- Mails we sent them: which and when, never the text (it held sign-in links).
    'mails', coalesce((
      select jsonb_agg(jsonb_build_object('template', m.template, 'language', m.locale,
                                          'created_at', m.created_at, 'sent_at', m.sent_at)
                       order by m.created_at, m.id)
      from app.mail_outbox m where lower(m.to_address) = lower(my_email)), '[]'),

    -- Contact requests sent to the caller: the organizer as the inbox names them, never their e-mail.
    'contact_requests_received', coalesce((
      select jsonb_agg(jsonb_build_object('organization', app.organization_of(r.organizer_id),
                                          'organizer_name', case when app.can_see_part(r.organizer_id, 'identity') then p.display_name end,
                                          'message', r.message, 'status', r.status,
                                          'created_at', r.created_at, 'answered_at', r.answered_at)
                       order by r.created_at)
      from app.contact_requests r left join app.profiles p on p.id = r.organizer_id
      where r.member_id = me), '[]'),

    -- Requests the caller sent as an organizer: their own words and the outcome, not who to.
    'contact_requests_sent', coalesce((
      select jsonb_agg(jsonb_build_object('message', r.message, 'status', r.status,
                                          'created_at', r.created_at, 'answered_at', r.answered_at)
                       order by r.created_at)
      from app.contact_requests r where r.organizer_id = me), '[]'),

    -- Organizers the caller blocked and abuse they reported, by organization only.
    'blocked_organizers', coalesce((
      select jsonb_agg(jsonb_build_object('organization', app.organization_of(b.organizer_id), 'created_at', b.created_at)
                       order by b.created_at)
      from app.organizer_blocks b where b.member_id = me), '[]'),
    'abuse_reports', coalesce((
      select jsonb_agg(jsonb_build_object('organization', app.organization_of(a.organizer_id), 'reason', a.reason,
                                          'created_at', a.created_at)
                       order by a.created_at)
      from app.abuse_reports a where a.reporter_id = me), '[]'),

    'notifications', coalesce((
      select jsonb_agg(jsonb_build_object('kind', n.kind, 'created_at', n.created_at, 'read_at', n.read_at)
                       order by n.created_at, n.id)
      from app.notifications n where n.user_id = me), '[]'),

    -- The caller's sign-ups: the event by id and its times, their status and dates; never the
    -- venue, the link, the check-in code or other attendees.
    'event_registrations', coalesce((
      select jsonb_agg(jsonb_build_object('event_id', r.event_id, 'status', r.status,
                                          'event_starts_at', e.starts_at, 'event_ends_at', e.ends_at,
                                          'registered_at', r.created_at, 'updated_at', r.updated_at,
                                          'reminded_at', r.reminded_at, 'checked_in_at', r.checked_in_at)
                       order by r.created_at, r.id)
      from app.event_registrations r join app.events e on e.id = r.event_id
      where r.member_id = me), '[]')

    -- Later issues add their sections here, in the same manner:
    --   'profile_views' (organizers issue): who viewed the caller's profile, and when.
  );
  return result;
end
$$;
comment on function app.export_my_data() is
  'Everything Talaka holds about the caller (account, roles, profile and its lists, contact channels, consents, files, sessions, second factors, mails sent, contact requests received and sent, blocks, abuse reports, notifications, event registrations), as JSON with format_version. Never password hashes, tokens, session ids, mail bodies, venues or check-in codes; never another person''s data.';
