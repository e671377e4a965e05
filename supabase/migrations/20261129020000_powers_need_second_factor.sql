-- =====================================================================================
-- Organizer and admin powers need a second factor (SECURITY T4).
--
-- The claims carry `aal` ('aal1' after a password or a link, 'aal2' after a second factor), as
-- Supabase's do. Every organizer or admin SQL function asks app.has_power(), never has_role()
-- alone, so a stolen password is not enough to search the directory or approve anyone.
-- =====================================================================================

create function app.current_aal() returns text
language sql stable
set search_path = ''
as $$ select coalesce(auth.jwt() ->> 'aal', 'aal1') $$;
comment on function app.current_aal() is 'The assurance level of the current request: aal1 or aal2.';
revoke all on function app.current_aal() from public, anon;
grant execute on function app.current_aal() to authenticated;

create function app.has_power(wanted app.role_name) returns boolean
language sql stable security definer
set search_path = ''
as $$ select app.has_role(wanted) and app.current_aal() = 'aal2' $$;
comment on function app.has_power(app.role_name) is 'True when the caller holds the role AND signed in with a second factor.';
revoke all on function app.has_power(app.role_name) from public, anon;
grant execute on function app.has_power(app.role_name) to authenticated;
