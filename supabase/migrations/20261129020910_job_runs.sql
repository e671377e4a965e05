-- =====================================================================================
-- Background jobs: when each named job ran and when it is due again (DESIGN §11).
--
-- Any number of app instances (and `npm run jobs` from cron) may try to run the same job. The
-- runner (app/platform/jobs) takes a transaction-level advisory lock named after the job, reads
-- this row, runs the job only when next_run_at has passed, and writes the outcome before the
-- lock goes with its transaction. No session-level state: it works through a transaction-mode
-- pooler. System only: RLS on, no policy, no grant to any request role.
-- =====================================================================================

create table app.job_runs (
  name text primary key check (name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  next_run_at timestamptz not null default now(),
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text check (last_error is null or char_length(last_error) <= 500),
  runs bigint not null default 0,
  failures bigint not null default 0
);
comment on table app.job_runs is
  'One row per named background job: when it is due again, when it last ran, and its last error (no personal data). System only.';
comment on column app.job_runs.next_run_at is 'Due from this moment: after a success, the job''s interval later; after a failure, sooner (a retry).';
alter table app.job_runs enable row level security;
revoke all on table app.job_runs from public, anon, authenticated, service_role;
