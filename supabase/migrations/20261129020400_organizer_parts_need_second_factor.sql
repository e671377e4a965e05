-- =====================================================================================
-- Parts opened to organizers need an organizer with a second factor (SECURITY T4).
--
-- app.can_see_part() asked only for the organizer role; a stolen organizer password would have
-- shown every part opened to organizers. Now it asks app.has_power('organizer'): the role and
-- aal2. Parts opened to all members still need only a signed-in member.
-- =====================================================================================

create or replace function app.can_see_part(owner_id uuid, part text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case
    when (select auth.uid()) is null then false
    when owner_id = (select auth.uid()) then true
    else coalesce((
      select case audience
               when 'members' then (select app.has_role('member'))
               when 'organizers' then (select app.has_power('organizer'))
               else false
             end
      from (select case part
                     when 'identity' then p.identity_audience
                     when 'legal_name' then p.legal_name_audience
                     when 'skills' then p.skills_audience
                     when 'bio' then p.bio_audience
                     when 'photo' then p.photo_audience
                     -- CVs reach organizers only through an accepted contact request, which does
                     -- not exist yet: until then nobody but the owner.
                     when 'cv' then 'only_me'::app.audience
                   end as audience
            from app.profiles p where p.id = owner_id) chosen), false)
  end
$$;
comment on function app.can_see_part(uuid, text) is 'True when the caller may see the given part (identity, legal_name, skills, bio, photo, cv) of a profile; organizer parts need aal2.';
