-- =====================================================================================
-- Platform shim, part 1: the three API roles of Supabase.
--
-- Local and self-hosted mode only. On a real Supabase project these roles already exist and the
-- whole platform/ folder is skipped. Runs without superuser: the connecting role needs CREATEROLE.
-- =====================================================================================

do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    -- Supabase's service_role bypasses RLS. Only a role that itself has BYPASSRLS may hand it out
    -- (and on PostgreSQL 15 only a superuser), so fall back to a plain role where we cannot.
    begin
      create role service_role nologin noinherit bypassrls;
    exception when insufficient_privilege then
      create role service_role nologin noinherit;
    end;
  end if;
end
$$;

-- The server connects as the owner role and switches per request with SET LOCAL ROLE, exactly as
-- Supabase's own services do; that needs membership in each API role.
do $$
begin
  execute format('grant anon, authenticated, service_role to %I', current_user);
end
$$;

comment on role anon is 'Visitors: requests without a signed-in user.';
comment on role authenticated is 'Signed-in users; row-level security decides what each one sees.';
comment on role service_role is 'Trusted back-office jobs only; never reachable from a request.';
