-- =====================================================================================
-- Rate limits shared by every app instance (issue 7, acceptance 3; ADR 026).
--
-- A counter per (bucket, key hash) over a sliding window, approximated from two aligned fixed
-- windows: the previous window's hits count in proportion to how much of it still overlaps.
-- Keys are never stored as given: app.hit_rate_limit hashes them with HMAC-SHA-256 and a secret
-- that lives only in this database (no IP address or e-mail address in clear, SECURITY "Logs
-- are data too"). System only: RLS on, no policy, no grant to any request role; the app calls
-- the function on its system connection before any session exists.
-- =====================================================================================

create table app.rate_limit_secret (
  id boolean primary key default true check (id),
  secret bytea not null default extensions.gen_random_bytes(32)
);
comment on table app.rate_limit_secret is
  'The single HMAC key with which rate-limit keys (client addresses, e-mail addresses) are hashed before they are stored. System only.';
insert into app.rate_limit_secret default values;
alter table app.rate_limit_secret enable row level security;
revoke all on table app.rate_limit_secret from public, anon, authenticated, service_role;

create table app.rate_limit_counters (
  bucket text not null check (bucket ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  key_hash bytea not null check (octet_length(key_hash) = 32),
  window_seconds integer not null check (window_seconds between 1 and 86400),
  window_start timestamptz not null,
  hits integer not null default 0 check (hits >= 0),
  previous_hits integer not null default 0 check (previous_hits >= 0),
  primary key (bucket, key_hash)
);
comment on table app.rate_limit_counters is
  'Hits per limit bucket and hashed key in the current and the previous aligned window (sliding-window estimate). System only; old rows are removed by the rate-limit-cleanup job.';
create index rate_limit_counters_window_start on app.rate_limit_counters (window_start);
alter table app.rate_limit_counters enable row level security;
revoke all on table app.rate_limit_counters from public, anon, authenticated, service_role;

-- -------------------------------------------------------------------------------------
-- app.hit_rate_limit: count one attempt (cost 1), look without counting (cost 0) or give an
-- attempt back (cost -1, e.g. after a successful sign-in). Above half the limit the answer is
-- 'delay' with a delay that doubles per hit (250 ms … 4 s); past the limit 'refused', with the
-- seconds until one more attempt would be allowed. A refused attempt is not counted.
-- -------------------------------------------------------------------------------------
create function app.hit_rate_limit(
  p_bucket text,
  p_key text,
  p_limit integer,
  p_window_seconds integer,
  p_cost integer default 1
)
returns table (verdict text, delay_ms integer, retry_after_seconds integer)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_hash bytea;
  v_now double precision := extract(epoch from clock_timestamp());
  v_start timestamptz;
  v_elapsed double precision;
  v_row app.rate_limit_counters;
  v_hits integer := 0;
  v_previous integer := 0;
  v_estimate double precision;
  v_soft integer;
  v_needed double precision;
begin
  if p_limit is null or p_limit < 1 or p_window_seconds is null or p_window_seconds not between 1 and 86400
     or p_cost is null or p_cost not between -1 and 100 or p_key is null then
    raise exception 'invalid rate limit call' using errcode = '22023';
  end if;

  select extensions.hmac(convert_to(p_bucket || ':' || p_key, 'UTF8'), s.secret, 'sha256')
    into v_hash from app.rate_limit_secret s;
  v_start := to_timestamp(floor(v_now / p_window_seconds) * p_window_seconds);
  v_elapsed := v_now - extract(epoch from v_start);

  -- One row per key; the row lock serialises concurrent hits on the same key.
  insert into app.rate_limit_counters (bucket, key_hash, window_seconds, window_start)
  values (p_bucket, v_hash, p_window_seconds, v_start)
  on conflict (bucket, key_hash) do nothing;
  select * into v_row from app.rate_limit_counters c
  where c.bucket = p_bucket and c.key_hash = v_hash for update;

  if v_row.window_seconds = p_window_seconds and v_row.window_start = v_start then
    v_hits := v_row.hits;
    v_previous := v_row.previous_hits;
  elsif v_row.window_seconds = p_window_seconds
        and v_row.window_start = v_start - make_interval(secs => p_window_seconds) then
    v_previous := v_row.hits;
  end if;

  v_estimate := v_hits + greatest(p_cost, 0) + v_previous * (1 - v_elapsed / p_window_seconds);

  if p_cost > 0 and v_estimate > p_limit then
    -- Refused: when would one more hit fit? Within this window, once the previous window's
    -- share has shrunk enough; else in the next one, once this window's share has.
    if v_hits + p_cost <= p_limit and v_previous > 0 then
      v_needed := (1 - (p_limit - v_hits - p_cost)::double precision / v_previous) * p_window_seconds - v_elapsed;
    else
      v_needed := (p_window_seconds - v_elapsed)
                  + p_window_seconds * greatest(0, 1 - (p_limit - p_cost)::double precision / greatest(v_hits, 1));
    end if;
    update app.rate_limit_counters c
    set window_start = v_start, hits = v_hits, previous_hits = v_previous, window_seconds = p_window_seconds
    where c.bucket = p_bucket and c.key_hash = v_hash;
    return query select 'refused'::text, 0, greatest(1, ceil(v_needed)::integer);
    return;
  end if;

  update app.rate_limit_counters c
  set window_start = v_start, window_seconds = p_window_seconds,
      hits = greatest(0, v_hits + p_cost), previous_hits = v_previous
  where c.bucket = p_bucket and c.key_hash = v_hash;

  v_soft := greatest(1, p_limit / 2);
  if p_cost > 0 and v_estimate > v_soft then
    return query select 'delay'::text,
      least(4000, (250 * power(2, least(8, ceil(v_estimate)::integer - v_soft - 1)))::integer), 0;
  else
    return query select 'allowed'::text, 0, 0;
  end if;
end;
$$;
comment on function app.hit_rate_limit(text, text, integer, integer, integer) is
  'Counts one attempt of a rate-limited action for a key (hashed with the secret, never stored as given) and answers allowed, delay (with milliseconds) or refused (with seconds to wait). Cost 0 looks, cost -1 gives an attempt back. System only.';
revoke all on function app.hit_rate_limit(text, text, integer, integer, integer) from public, anon, authenticated;

-- -------------------------------------------------------------------------------------
-- app.prune_rate_limits: rows whose windows both ended count nothing any more.
-- -------------------------------------------------------------------------------------
create function app.prune_rate_limits()
returns integer
language sql
security definer
set search_path = ''
as $$
  with removed as (
    delete from app.rate_limit_counters c
    where c.window_start < now() - make_interval(secs => 2 * c.window_seconds)
    returning 1
  )
  select count(*)::integer from removed;
$$;
comment on function app.prune_rate_limits() is
  'Deletes rate-limit counters whose current and previous windows have both ended; returns how many. Run by the rate-limit-cleanup job. System only.';
revoke all on function app.prune_rate_limits() from public, anon, authenticated;
