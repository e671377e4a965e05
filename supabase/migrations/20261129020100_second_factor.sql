-- =====================================================================================
-- The second factor in local and self-hosted mode (SECURITY T4, DESIGN §5).
--
-- Factors themselves live in auth.mfa_factors, in Supabase Auth's shape (secrets encrypted by the
-- app). What Supabase Auth keeps to itself we keep here: the last time step each factor accepted,
-- so a code cannot be used twice, and the wrong codes tried in each session, so a stolen password
-- cannot be followed by guessing. Both tables are written only by the identity provider through
-- the system handle: RLS is on with no policy, and no request role has any grant.
--
-- On a Supabase project these tables stay empty: Supabase MFA does the same work.
-- =====================================================================================

create table app.second_factor_steps (
  factor_id uuid primary key references auth.mfa_factors (id) on delete cascade,
  last_step bigint not null,
  used_at timestamptz not null default now()
);
comment on table app.second_factor_steps is 'The last TOTP time step each factor accepted: a code is good once. System only.';
alter table app.second_factor_steps enable row level security;
revoke all on table app.second_factor_steps from public, anon, authenticated, service_role;

create table app.second_factor_failures (
  session_id uuid primary key references auth.sessions (id) on delete cascade,
  failures integer not null default 0 check (failures >= 0),
  last_failed_at timestamptz not null default now()
);
comment on table app.second_factor_failures is 'Wrong second-factor codes per session; too many end the session. System only.';
alter table app.second_factor_failures enable row level security;
revoke all on table app.second_factor_failures from public, anon, authenticated, service_role;
