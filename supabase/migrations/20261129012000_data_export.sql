-- =====================================================================================
-- "Download my data": everything Talaka holds about the caller, as one JSON document.
--
-- SECURITY.md: members must be able to see, export and erase everything about them. This is
-- the one place that gathers it; the erasure (app/modules/account/delete-account.server.ts)
-- removes the same rows. Whoever adds a table about members adds it here too, with the
-- leaving-out rules below (no secrets, no other person's data).
-- =====================================================================================

create function app.export_my_data() returns jsonb
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
      from app.mail_outbox m where lower(m.to_address) = lower(my_email)), '[]')

    -- Later issues add their sections here, in the same manner:
    --   'event_registrations' (events issue): the caller's sign-ups, not other attendees;
    --   'contact_requests' (organizers issue): sent to the caller, with the organizer's public name;
    --   'profile_views' (organizers issue): who viewed the caller's profile, and when.
  );
  return result;
end
$$;
comment on function app.export_my_data() is
  'Everything Talaka holds about the caller (account, roles, profile and its lists, contact channels, consents, files, sessions, second factors, mails sent), as JSON with format_version. Never password hashes, tokens, session ids or mail bodies; never another person''s data.';
revoke all on function app.export_my_data() from public, anon;
grant execute on function app.export_my_data() to authenticated;
