-- =====================================================================================
-- Photos and CVs: two private buckets and the policies on storage.objects that decide who
-- may touch which file, the same on Supabase Storage and with our local adapter.
-- Objects are named <user-id>/<random>.
-- =====================================================================================

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values
  ('avatars', 'avatars', false, 2 * 1024 * 1024, array['image/webp']),
  ('documents', 'documents', false, 5 * 1024 * 1024, array['application/pdf'])
on conflict (id) do nothing;

-- -------------------------------------------------------------------------------------
-- Is this object someone's current photo (or CV) that the caller may see?
-- -------------------------------------------------------------------------------------
create function app.can_see_current_file(object_name text, part text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from app.profiles p
    where (case part when 'photo' then p.photo_path when 'cv' then p.cv_path end) = object_name
      and app.can_see_part(p.id, part))
$$;
comment on function app.can_see_current_file(text, text) is 'True when the object is a profile''s current photo or CV and the caller may see that part.';
revoke all on function app.can_see_current_file(text, text) from public, anon;
grant execute on function app.can_see_current_file(text, text) to authenticated;

create index profiles_photo_path_idx on app.profiles (photo_path) where photo_path is not null;
create index profiles_cv_path_idx on app.profiles (cv_path) where cv_path is not null;

-- -------------------------------------------------------------------------------------
-- The owner's folder is the first path segment.
-- -------------------------------------------------------------------------------------
create policy "Members can upload into their own folder"
  on storage.objects for insert to authenticated
  with check (bucket_id in ('avatars', 'documents')
              and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "Members can replace files in their own folder"
  on storage.objects for update to authenticated
  using (bucket_id in ('avatars', 'documents') and (storage.foldername(name))[1] = (select auth.uid())::text)
  with check (bucket_id in ('avatars', 'documents') and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "Members can delete files in their own folder"
  on storage.objects for delete to authenticated
  using (bucket_id in ('avatars', 'documents') and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "Members can read files in their own folder"
  on storage.objects for select to authenticated
  using (bucket_id in ('avatars', 'documents') and (storage.foldername(name))[1] = (select auth.uid())::text);

-- Only the current photo, and only for those its owner opened the photo to.
create policy "Members can read photos opened to them"
  on storage.objects for select to authenticated
  using (bucket_id = 'avatars' and app.can_see_current_file(name, 'photo'));

-- Only the current CV, for those app.can_see_part allows (for now: nobody but the owner).
create policy "Members can read CVs opened to them"
  on storage.objects for select to authenticated
  using (bucket_id = 'documents' and app.can_see_current_file(name, 'cv'));
