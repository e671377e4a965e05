-- =====================================================================================
-- Reference data: countries, cities, languages, skills and their categories, directions of work.
--
-- Every name exists in Belarusian, English and Polish. Cities carry search aliases in other
-- alphabets and spellings (Łacinka, Latin, Polish, Lithuanian, Russian), used by search later.
-- Readable by signed-in people; written only by migrations.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Countries (ISO 3166-1 alpha-2)
-- -------------------------------------------------------------------------------------
create table app.countries (
  code text primary key check (code ~ '^[A-Z]{2}$'),
  name_be text not null,
  name_en text not null,
  name_pl text not null
);
comment on table app.countries is 'Countries, by ISO 3166-1 alpha-2 code, named in be, en and pl.';

-- -------------------------------------------------------------------------------------
-- Cities where the diaspora lives
-- -------------------------------------------------------------------------------------
create table app.cities (
  id text primary key check (id ~ '^[a-z0-9-]{2,40}$'),
  country_code text not null references app.countries (code),
  name_be text not null,
  name_en text not null,
  name_pl text not null,
  aliases text[] not null default '{}'
);
comment on table app.cities is 'Cities a member may live in; aliases hold other spellings for search.';
comment on column app.cities.aliases is 'Łacinka, Latin, Polish, Lithuanian, Russian and other spellings.';
create index cities_country_code_idx on app.cities (country_code);

-- -------------------------------------------------------------------------------------
-- Languages (ISO 639-1) and how well someone speaks one (CEFR, or native)
-- -------------------------------------------------------------------------------------
create table app.languages (
  code text primary key check (code ~ '^[a-z]{2}$'),
  name_be text not null,
  name_en text not null,
  name_pl text not null
);
comment on table app.languages is 'Languages, by ISO 639-1 code, named in be, en and pl.';

create type app.language_level as enum ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native');
comment on type app.language_level is 'CEFR level A1–C2, or native speaker.';

-- -------------------------------------------------------------------------------------
-- Skills, grouped in categories
-- -------------------------------------------------------------------------------------
create table app.skill_categories (
  id text primary key check (id ~ '^[a-z0-9-]{2,40}$'),
  position smallint not null unique,
  name_be text not null,
  name_en text not null,
  name_pl text not null
);
comment on table app.skill_categories is 'Groups of skills (management, law and human rights, media, IT, …).';

create table app.skills (
  id text primary key check (id ~ '^[a-z0-9-]{2,60}$'),
  category_id text not null references app.skill_categories (id),
  name_be text not null,
  name_en text not null,
  name_pl text not null
);
comment on table app.skills is 'The skill taxonomy members pick from (free tags cover the rest).';
create index skills_category_id_idx on app.skills (category_id);

-- -------------------------------------------------------------------------------------
-- The six directions of the movement's work
-- -------------------------------------------------------------------------------------
create table app.directions (
  id text primary key check (id ~ '^[a-z0-9-]{2,40}$'),
  position smallint not null unique,
  name_be text not null,
  name_en text not null,
  name_pl text not null
);
comment on table app.directions is 'Directions of work: political work, human rights, accountability, media, identity and culture, private sector.';

-- -------------------------------------------------------------------------------------
-- Row-level security: signed-in people read, nobody writes (migrations do, as owner).
-- -------------------------------------------------------------------------------------
do $$
declare
  reference_table text;
begin
  foreach reference_table in array array['countries', 'cities', 'languages', 'skill_categories', 'skills', 'directions'] loop
    execute format('alter table app.%I enable row level security', reference_table);
    execute format('revoke all on table app.%I from public, anon, authenticated', reference_table);
    execute format('grant select on table app.%I to authenticated', reference_table);
    execute format(
      'create policy "Signed-in people can read %s" on app.%I for select to authenticated using (true)',
      replace(reference_table, '_', ' '), reference_table);
  end loop;
end
$$;
