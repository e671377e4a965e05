-- =====================================================================================
-- The mail outbox: every message we send is first a row here.
--
-- Written and read only by the system handle (the mail sender, and /dev/outbox in development).
-- RLS is on with no policy, so no request role can read a message with its links in it.
-- =====================================================================================

create table app.mail_outbox (
  id bigint generated always as identity primary key,
  to_address text not null,
  template text not null,
  locale text not null check (locale in ('be', 'en', 'pl')),
  subject text not null,
  body_text text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
comment on table app.mail_outbox is 'Messages waiting to be sent (or kept for the development outbox). System only.';
create index mail_outbox_unsent_idx on app.mail_outbox (created_at) where sent_at is null;
alter table app.mail_outbox enable row level security;
revoke all on table app.mail_outbox from public, anon, authenticated, service_role;
