-- =====================================================================================
-- Withdrawing a consent, as the profile editor offers it.
--
-- Opening a part of a profile needs the consent for its audience (20261129010300). Taking that
-- consent back must close what it opened, whichever code path sets `withdrawn_at`: the editor,
-- an export or erasure job, or a member's own statement under RLS. And a withdrawal is final: the
-- record says when consent ended, so it is never reopened by clearing the time; consenting again
-- writes a new row with the wording then in force.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- A withdrawn consent stays withdrawn.
-- -------------------------------------------------------------------------------------
create function app.keep_consent_withdrawals() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.withdrawn_at is not null then
    raise exception 'a withdrawn consent stays withdrawn; give a new one instead'
      using errcode = 'check_violation', hint = 'consent:withdrawn';
  end if;
  return new;
end
$$;
comment on function app.keep_consent_withdrawals() is 'Refuses any change to a consent that was already withdrawn.';
revoke all on function app.keep_consent_withdrawals() from public, anon;

create trigger consents_keep_withdrawals
  before update on app.consents
  for each row execute function app.keep_consent_withdrawals();

-- -------------------------------------------------------------------------------------
-- Withdrawing hides the parts the consent covered: every part whose audience is the one the
-- consent was for goes back to only_me. (Parts open to the other audience stay as they are;
-- "all members" includes organizers, and its own consent text says so.) Runs as the caller:
-- the member may update their own profile, and nobody else's.
-- -------------------------------------------------------------------------------------
create function app.hide_parts_of_withdrawn_consent() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  covered app.audience := (case new.purpose when 'visible_to_members' then 'members' else 'organizers' end)::app.audience;
begin
  if old.withdrawn_at is null and new.withdrawn_at is not null then
    update app.profiles p
    set identity_audience   = case when p.identity_audience   = covered then 'only_me' else p.identity_audience end,
        legal_name_audience = case when p.legal_name_audience = covered then 'only_me' else p.legal_name_audience end,
        skills_audience     = case when p.skills_audience     = covered then 'only_me' else p.skills_audience end,
        bio_audience        = case when p.bio_audience        = covered then 'only_me' else p.bio_audience end,
        photo_audience      = case when p.photo_audience      = covered then 'only_me' else p.photo_audience end,
        cv_audience         = case when p.cv_audience         = covered then 'only_me' else p.cv_audience end,
        updated_at = now()
    where p.id = new.user_id
      and covered in (p.identity_audience, p.legal_name_audience, p.skills_audience,
                      p.bio_audience, p.photo_audience, p.cv_audience);
  end if;
  return null;
end
$$;
comment on function app.hide_parts_of_withdrawn_consent() is 'After a consent is withdrawn, sets every part open to its audience back to only_me.';
revoke all on function app.hide_parts_of_withdrawn_consent() from public, anon;

create trigger consents_withdrawal_hides_parts
  after update of withdrawn_at on app.consents
  for each row execute function app.hide_parts_of_withdrawn_consent();
