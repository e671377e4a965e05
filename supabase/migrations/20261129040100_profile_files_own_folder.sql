-- =====================================================================================
-- A profile's photo and CV must lie in its owner's own folder (T5, T7).
--
-- Members may update photo_path and cv_path on their own row (the column grants the profile
-- editor needs). Without this rule a member could point their own photo_path at another
-- member's object and open it to everyone: app.can_see_current_file() would then serve the
-- other member's file under the first member's profile, even after its owner hid it. Uploads
-- always name objects <user-id>/<random>, so every existing row already satisfies the rule.
-- =====================================================================================

alter table app.profiles
  add constraint profiles_photo_in_own_folder
    check (photo_path is null or split_part(photo_path, '/', 1) = id::text),
  add constraint profiles_cv_in_own_folder
    check (cv_path is null or split_part(cv_path, '/', 1) = id::text);

comment on constraint profiles_photo_in_own_folder on app.profiles is
  'The photo is an object in the owner''s folder (<user-id>/...); nobody can borrow another member''s file.';
comment on constraint profiles_cv_in_own_folder on app.profiles is
  'The CV is an object in the owner''s folder (<user-id>/...); nobody can borrow another member''s file.';
