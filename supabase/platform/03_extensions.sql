-- =====================================================================================
-- Platform shim, part 4: the `extensions` schema, where Supabase installs extensions.
-- Our migrations create the extensions they need there and reference them schema-qualified.
-- =====================================================================================

create schema if not exists extensions;
comment on schema extensions is 'Extensions live here, as on Supabase.';
grant usage on schema extensions to anon, authenticated, service_role;
