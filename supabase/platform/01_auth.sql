-- =====================================================================================
-- Platform shim, part 2: the `auth` schema, shaped like Supabase Auth's.
--
-- Column names follow Supabase Auth (GoTrue) so that an instance can later move to Supabase
-- with its users, and so that our migrations reference exactly what Supabase provides.
-- =====================================================================================

create schema if not exists auth;
comment on schema auth is 'Identities: users, sessions, second factors and one-time tokens (Supabase Auth shape).';

-- -------------------------------------------------------------------------------------
-- Types
-- -------------------------------------------------------------------------------------
create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');
create type auth.factor_type as enum ('totp', 'webauthn', 'phone');
create type auth.factor_status as enum ('unverified', 'verified');
create type auth.one_time_token_type as enum (
  'confirmation_token', 'reauthentication_token', 'recovery_token',
  'email_change_token_new', 'email_change_token_current', 'phone_change_token'
);

-- -------------------------------------------------------------------------------------
-- Users
-- -------------------------------------------------------------------------------------
create table auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0 check (email_change_confirm_status between 0 and 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
comment on table auth.users is 'Stores user login data within a secure schema (Supabase Auth shape).';
-- Supabase keeps e-mail unique for non-SSO users; we compare addresses case-insensitively.
create unique index users_email_partial_key on auth.users (lower(email)) where (is_sso_user = false);
alter table auth.users enable row level security;

-- -------------------------------------------------------------------------------------
-- Sessions: one row per signed-in device; the cookie names the row.
-- -------------------------------------------------------------------------------------
create table auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz,
  updated_at timestamptz,
  factor_id uuid,
  aal auth.aal_level,
  not_after timestamptz,
  refreshed_at timestamp without time zone,
  user_agent text,
  ip inet,
  tag text
);
comment on table auth.sessions is 'Stores session data associated to a user.';
create index sessions_user_id_idx on auth.sessions (user_id);
alter table auth.sessions enable row level security;

-- -------------------------------------------------------------------------------------
-- Second factors
-- -------------------------------------------------------------------------------------
create table auth.mfa_factors (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  friendly_name text,
  factor_type auth.factor_type not null,
  status auth.factor_status not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  secret text,
  phone text,
  last_challenged_at timestamptz unique
);
comment on table auth.mfa_factors is 'Stores metadata about factors.';
create index factor_id_created_at_idx on auth.mfa_factors (user_id, created_at);
alter table auth.mfa_factors enable row level security;

-- -------------------------------------------------------------------------------------
-- One-time tokens: confirmation, recovery and magic-link tokens, stored only as hashes.
-- -------------------------------------------------------------------------------------
create table auth.one_time_tokens (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type auth.one_time_token_type not null,
  token_hash text not null check (char_length(token_hash) > 0),
  relates_to text not null,
  created_at timestamp without time zone not null default now(),
  updated_at timestamp without time zone not null default now(),
  unique (user_id, token_type)
);
comment on table auth.one_time_tokens is 'One-time tokens (hashed) for confirmation, recovery and magic links.';
create index one_time_tokens_token_hash_hash_idx on auth.one_time_tokens using hash (token_hash);
alter table auth.one_time_tokens enable row level security;

-- -------------------------------------------------------------------------------------
-- Claims: the server sets `request.jwt.claims` per transaction, as PostgREST does on Supabase.
-- -------------------------------------------------------------------------------------
create function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
comment on function auth.jwt() is 'The claims of the current request (empty for none).';

create function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
comment on function auth.uid() is 'Deprecated. Use auth.jwt() -> ''sub'' instead.';

create function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
comment on function auth.role() is 'Deprecated. Use auth.jwt() -> ''role'' instead.';

create function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
comment on function auth.email() is 'Deprecated. Use auth.jwt() -> ''email'' instead.';

-- -------------------------------------------------------------------------------------
-- Grants, as on Supabase: the API roles may call the claim helpers but read no auth table.
-- -------------------------------------------------------------------------------------
revoke all on all tables in schema auth from public, anon, authenticated;
grant usage on schema auth to anon, authenticated, service_role;
grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email() to anon, authenticated, service_role;
