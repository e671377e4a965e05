-- =====================================================================================
-- A member can lift a block (issue 4's blocks could not be undone).
--
-- Unblocking only deletes the member's own block row: the organizer can find the member, open
-- their profile and write to them again, as far as the member's audiences allow. Requests the
-- block withdrew stay withdrawn; nothing that was revealed comes back without a new request the
-- member accepts.
-- =====================================================================================
create function app.unblock_organizer(organizer uuid) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  delete from app.organizer_blocks b where b.member_id = (select auth.uid()) and b.organizer_id = organizer;
  return found;
end
$$;
comment on function app.unblock_organizer(uuid) is
  'A member lifts their block of an organizer; withdrawn requests stay withdrawn. False when there was no such block.';
revoke all on function app.unblock_organizer(uuid) from public, anon;
grant execute on function app.unblock_organizer(uuid) to authenticated;
