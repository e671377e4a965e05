-- =====================================================================================
-- Demo data for local development. Loaded once, in local mode only, never in production.
-- Every demo account's password is `talaka-demo-password`.
-- =====================================================================================

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', demo.id, 'authenticated', 'authenticated', demo.email,
       extensions.crypt('talaka-demo-password', extensions.gen_salt('bf', 10)), now(),
       '{"provider": "email", "providers": ["email"]}', '{}', now(), now()
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid, 'admin@example.org'),
  ('00000000-0000-4000-8000-000000000002'::uuid, 'admin2@example.org'),
  ('00000000-0000-4000-8000-000000000003'::uuid, 'organizer@example.org'),
  ('00000000-0000-4000-8000-000000000004'::uuid, 'member@example.org')
) as demo (id, email);

-- The trigger on auth.users gave each a hidden profile and the member role; add the rest.
insert into app.user_roles (user_id, role) values
  ('00000000-0000-4000-8000-000000000001', 'admin'),
  ('00000000-0000-4000-8000-000000000002', 'admin'),
  ('00000000-0000-4000-8000-000000000003', 'organizer');

update app.profiles set display_name = names.display_name
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid, 'Алеся (admin)'),
  ('00000000-0000-4000-8000-000000000002'::uuid, 'Тарас (admin)'),
  ('00000000-0000-4000-8000-000000000003'::uuid, 'Ганна (organizer)'),
  ('00000000-0000-4000-8000-000000000004'::uuid, 'Янка (member)')
) as names (id, display_name)
where profiles.id = names.id;

-- Plausible profiles for the demo accounts. The member opens parts to organizers and members;
-- the others keep theirs to themselves (consents first: the database refuses otherwise).
update app.profiles set
  headline = case id
    when '00000000-0000-4000-8000-000000000001' then 'Каардынатарка валанцёраў'
    when '00000000-0000-4000-8000-000000000002' then 'Юрыст па правах чалавека'
    when '00000000-0000-4000-8000-000000000003' then 'Арганізатарка падзей і кампаній'
    else 'Праграміст, аналітык даных' end,
  bio = case id
    when '00000000-0000-4000-8000-000000000004'
      then 'Пяць гадоў пішу бэкэнд і аналізую даныя. Магу дапамагчы з сайтамі, ботамі і бяспекай.' end,
  city_id = case id
    when '00000000-0000-4000-8000-000000000001' then 'vilnius'
    when '00000000-0000-4000-8000-000000000002' then 'berlin'
    when '00000000-0000-4000-8000-000000000003' then 'warsaw'
    else 'bialystok' end,
  hours_per_week = case id when '00000000-0000-4000-8000-000000000004' then 8 else 4 end,
  work_mode = 'both'
where id in ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
             '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004');

insert into app.profile_skills (profile_id, skill_id, level, years) values
  ('00000000-0000-4000-8000-000000000001', 'volunteer-coordination', 4, 6),
  ('00000000-0000-4000-8000-000000000001', 'project-management', 3, 5),
  ('00000000-0000-4000-8000-000000000002', 'international-human-rights-law', 4, 12),
  ('00000000-0000-4000-8000-000000000002', 'legal-aid-political-prisoners', 3, 4),
  ('00000000-0000-4000-8000-000000000003', 'event-organisation', 4, 8),
  ('00000000-0000-4000-8000-000000000003', 'public-campaigns', 3, 5),
  ('00000000-0000-4000-8000-000000000004', 'backend-development', 3, 5),
  ('00000000-0000-4000-8000-000000000004', 'data-analysis', 3, 4),
  ('00000000-0000-4000-8000-000000000004', 'digital-security-training', 2, 2);

insert into app.profile_languages (profile_id, language_code, level) values
  ('00000000-0000-4000-8000-000000000001', 'be', 'native'), ('00000000-0000-4000-8000-000000000001', 'lt', 'B1'),
  ('00000000-0000-4000-8000-000000000002', 'be', 'native'), ('00000000-0000-4000-8000-000000000002', 'de', 'C1'),
  ('00000000-0000-4000-8000-000000000003', 'be', 'native'), ('00000000-0000-4000-8000-000000000003', 'pl', 'C1'),
  ('00000000-0000-4000-8000-000000000004', 'be', 'native'), ('00000000-0000-4000-8000-000000000004', 'en', 'B2');

insert into app.profile_directions (profile_id, direction_id) values
  ('00000000-0000-4000-8000-000000000002', 'human-rights'),
  ('00000000-0000-4000-8000-000000000002', 'accountability'),
  ('00000000-0000-4000-8000-000000000003', 'political-work'),
  ('00000000-0000-4000-8000-000000000004', 'private-sector'),
  ('00000000-0000-4000-8000-000000000004', 'media');

insert into app.consents (user_id, purpose, version) values
  ('00000000-0000-4000-8000-000000000004', 'visible_to_organizers', 'v1'),
  ('00000000-0000-4000-8000-000000000004', 'visible_to_members', 'v1');
update app.profiles
set identity_audience = 'members', skills_audience = 'organizers', bio_audience = 'organizers'
where id = '00000000-0000-4000-8000-000000000004';

-- =====================================================================================
-- Two hundred demo members with generated names, half written in Cyrillic, half in Łacinka or
-- Latin, spread over cities, skills, languages, directions and audiences. Deterministic: the
-- same seed gives the same people. E-mails demo-member-001@example.org … -200.
-- =====================================================================================

create temporary table demo_names on commit drop as
select * from (values
  -- given name (Cyrillic), given name (Łacinka), family name (Cyrillic), family name (Łacinka)
  (1, 'Алеся', 'Alesia', 'Каваленка', 'Kavalenka'),
  (2, 'Янка', 'Janka', 'Дубовік', 'Dubovik'),
  (3, 'Тарас', 'Taras', 'Шчэрба', 'Ščerba'),
  (4, 'Ганна', 'Hanna', 'Лукашэвіч', 'Łukaševič'),
  (5, 'Францішак', 'Francišak', 'Багдановіч', 'Bahdanovič'),
  (6, 'Вольга', 'Volha', 'Жукоўская', 'Žukoŭskaja'),
  (7, 'Алесь', 'Aleś', 'Мароз', 'Maroz'),
  (8, 'Марыя', 'Maryja', 'Курыловіч', 'Kuryłovič'),
  (9, 'Уладзімір', 'Uładzimir', 'Навумчык', 'Navumčyk'),
  (10, 'Святлана', 'Śviatłana', 'Ярмоленка', 'Jarmolenka'),
  (11, 'Міхась', 'Michaś', 'Станкевіч', 'Stankievič'),
  (12, 'Кацярына', 'Kaciaryna', 'Лабановіч', 'Łabanovič'),
  (13, 'Андрэй', 'Andrej', 'Сямашка', 'Siamaška'),
  (14, 'Наталля', 'Natalla', 'Грыцкевіч', 'Hryckievič'),
  (15, 'Зміцер', 'Zmicier', 'Вайцюшкевіч', 'Vajciuškievič'),
  (16, 'Юлія', 'Julija', 'Клімовіч', 'Klimovič'),
  (17, 'Павел', 'Paval', 'Белавус', 'Biełavus'),
  (18, 'Ірына', 'Iryna', 'Сцяпанава', 'Sciapanava'),
  (19, 'Язэп', 'Jazep', 'Лёсік', 'Losik'),
  (20, 'Дар''я', 'Darja', 'Міхалевіч', 'Michalevič')
) as n (i, given_cyr, given_lat, family_cyr, family_lat);

create temporary table demo_members on commit drop as
select g as n,
       ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid as id,
       'demo-member-' || lpad(g::text, 3, '0') || '@example.org' as email,
       case when g % 2 = 0
            then given.given_cyr || ' ' || family.family_cyr
            else given.given_lat || ' ' || family.family_lat end as display_name
from generate_series(1, 200) as g
join demo_names given on given.i = 1 + (g * 7) % 20
join demo_names family on family.i = 1 + (g * 13 + g / 20) % 20;

-- One bcrypt hash for all of them: hashing 200 times would only slow the first start down.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', m.id, 'authenticated', 'authenticated', m.email, hash.value, now(),
       '{"provider": "email", "providers": ["email"]}', '{}', now() - make_interval(days => m.n), now()
from demo_members m
cross join (select extensions.crypt('talaka-demo-password', extensions.gen_salt('bf', 10)) as value) hash;

-- Profiles: a headline from their first skill, a city (every tenth names only a country).
update app.profiles p
set display_name = m.display_name,
    headline = (select case when m.n % 2 = 0 then s.name_be else s.name_en end
                from app.skills s order by s.id offset (m.n * 11) % (select count(*) from app.skills) limit 1),
    bio = case when m.n % 3 = 0 then 'Дэманстрацыйны ўдзельнік. Гатовы дапамагчы з праектамі ў сваёй галіне.' end,
    city_id = case when m.n % 10 <> 0
                   then (select c.id from app.cities c order by c.id offset (m.n * 5) % (select count(*) from app.cities) limit 1) end,
    country_code = case when m.n % 10 = 0
                        then (select c.code from app.countries c order by c.code offset m.n % (select count(*) from app.countries) limit 1) end,
    hours_per_week = 2 + (m.n % 5) * 4,
    work_mode = (array['remote', 'on_site', 'both']::app.work_mode[])[1 + m.n % 3],
    open_to_relocation = m.n % 4 = 0
from demo_members m
where p.id = m.id;

-- Three to eight skills each, with levels and years.
insert into app.profile_skills (profile_id, skill_id, level, years)
select m.id, s.id, 1 + (m.n + k) % 4, (m.n + k * 3) % 15
from demo_members m
cross join generate_series(0, 7) as k
join lateral (select id from app.skills order by id offset (m.n * 11 + k * 17) % (select count(*) from app.skills) limit 1) s on true
where k < 3 + m.n % 6
on conflict do nothing;

-- Belarusian for most, plus one or two more languages.
insert into app.profile_languages (profile_id, language_code, level)
select m.id, lang.code, lang.level::app.language_level
from demo_members m
cross join lateral (values
  ('be', case when m.n % 5 = 0 then 'C1' else 'native' end),
  ('ru', 'native'),
  ((array['pl', 'en', 'lt', 'de', 'uk'])[1 + m.n % 5], (array['B1', 'B2', 'C1', 'A2', 'C2'])[1 + m.n % 5])
) as lang (code, level)
where lang.code <> 'ru' or m.n % 2 = 0
on conflict do nothing;

insert into app.profile_directions (profile_id, direction_id)
select m.id, d.id
from demo_members m
join app.directions d on (d.position + m.n) % 3 = 0
on conflict do nothing;

-- Audiences: a third stay hidden, a third open to organizers, a third to all members.
insert into app.consents (user_id, purpose, version)
select m.id, 'visible_to_organizers', 'v1' from demo_members m where m.n % 3 <> 0
union all
select m.id, 'visible_to_members', 'v1' from demo_members m where m.n % 3 = 2;

update app.profiles p
set identity_audience = a.audience, skills_audience = a.audience, bio_audience = a.audience,
    legal_name_audience = case when a.audience = 'only_me' then 'only_me' else 'organizers' end::app.audience
from (select m.id, (array['only_me', 'organizers', 'members']::app.audience[])[1 + m.n % 3] as audience
      from demo_members m) a
where p.id = a.id;

-- The demo organizer and both demo admins share one verified TOTP factor, so a person (with any
-- authenticator app) and a test can give the second factor. The secret is printed in the README:
-- it is for the local demo only, and is stored unsealed on purpose (the app reads either form).
insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, secret, created_at, updated_at)
select gen_random_uuid(), demo.id, 'Demo authenticator', 'totp', 'verified', 'TALAKADEMOSECRETFORPOWERSONLY234', now(), now()
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid),
  ('00000000-0000-4000-8000-000000000002'::uuid),
  ('00000000-0000-4000-8000-000000000003'::uuid)
) as demo (id);

-- The demo organizer and admins were vetted long ago: no probation in the demo.
update app.user_roles set granted_at = now() - interval '90 days'
where role in ('organizer', 'admin')
  and user_id in ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
                  '00000000-0000-4000-8000-000000000003');
