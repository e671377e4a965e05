-- =====================================================================================
-- Search speed, continued (issue 6, decision 027): availability filters.
--
-- Work mode and hours had no index, so "direction + availability" read every profile (a parallel
-- sequential scan before 20261129050000, a plain one since the matching runs without workers).
-- A covering partial index on the members a skills-part filter can find makes it an index-only
-- scan hashed against the direction's rows. Its WHERE is the one app.directory_matches() writes
-- for skills-part filters, as for profiles_findable_by_city.
-- =====================================================================================
create index profiles_findable_by_availability
  on app.profiles (work_mode, hours_per_week) include (id, updated_at, skills_audience, city_id)
  where identity_audience in ('organizers', 'members') and skills_audience in ('organizers', 'members')
    and display_name is not null;
comment on index app.profiles_findable_by_availability is
  'Directory: members with identity and skills part open, by work mode and hours; covers the match columns (index-only scans).';
