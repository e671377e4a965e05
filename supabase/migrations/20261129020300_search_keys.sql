-- =====================================================================================
-- Search keys across alphabets (DESIGN §8, issue 4 point 4; decision 013).
--
-- A name is written Ціханоўская, Cichanoŭskaja, Tsikhanouskaya, Cichanouska or Тихановская
-- depending on who typed it; a city Вільня, Vilnius, Wilno or Вильнюс. app.search_key() turns any
-- of them into one lower-case Latin key of [a-z0-9 ] by folding *sounds*, not letters. The same
-- immutable function runs at index time (generated columns below) and at query time, so a query
-- compares keys with keys: `display_name_key % app.search_key($1)` (pg_trgm) or equality.
--
-- The folding is our own ordered table of replacements (no `unaccent`, whose dictionary file can
-- differ between servers): every step is plain translate()/replace()/regexp_replace(), so the
-- function is deterministic everywhere and truly immutable. Changing it means a new migration
-- that recreates it and rewrites the generated columns.
-- =====================================================================================

create extension if not exists pg_trgm with schema extensions;

-- -------------------------------------------------------------------------------------
-- Step 1 (per word): the Latin digraph "ch". English transliteration writes ч as "ch"
-- (Shushkevich) and х as "kh"; Polish and Łacinka write х as "ch" (Cichanoŭskaja) and ч as
-- "cz"/"č". A word with a Polish or Łacinka mark (diacritics, sz, cz, rz, w, or a bare "c",
-- which English transliteration never uses) and no English mark (kh, zh, sh, ts, y + vowel)
-- reads "ch" as х; any other word reads it as ч.
-- -------------------------------------------------------------------------------------
create function app.search_key_ch(word text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select case
    when word !~ 'ch' then word
    when word ~ '(kh|zh|sh|ts|y[aeiou])' then replace(word, 'ch', 'č')
    when word ~ '([ąćęłńóśźżčšžŭ]|sz|cz|rz|w|c[^h]|c$)' then replace(word, 'ch', 'ħ')
    else replace(word, 'ch', 'č')
  end
$$;
comment on function app.search_key_ch(text) is
  'Part of app.search_key(): reads the digraph "ch" of one lower-case word as ч (č) or х (ħ).';

-- -------------------------------------------------------------------------------------
-- The search key. Steps, in order (each comment says what converges):
-- -------------------------------------------------------------------------------------
create function app.search_key(input text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  with
  -- 1. Lower case. lower() follows the collation, and under ctype C it leaves every capital
  --    outside ASCII alone, so the key would differ between databases. translate() lowers the
  --    capitals we fold and lower() runs under collation "C", ASCII only, on every server.
  --    Apostrophes and the soft and hard signs go (Вольга / Volha, Мар'я); punctuation becomes
  --    a space (Frankfurt-na-Majnie), by code-point ranges rather than [:alnum:], so the result
  --    does not depend on the locale either.
  s1 as (
    select btrim(regexp_replace(
             translate(
               lower(translate(input,
                 'АБВГҐДЕЁЄЖЗИІЇЙКЛМНОПРСТУЎФХЦЧШЩЪЫЬЭЮЯĄĆĘŁŃÓŚŹŻČŠŽŬĖĮŲŪĀĒĪŌĢĶĻŅŖĎĚŇŘŤŮÄÖÜÕÅÆØÉÈÊËÁÀÂÃÍÌÎÏÚÙÛÝŸÇÑĹİ',
                 'абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюяąćęłńóśźżčšžŭėįųūāēīōģķļņŗďěňřťůäöüõåæøéèêëáàâãíìîïúùûýÿçñĺi')
                 collate "C"),
               '''’ʼ`´ьъ', ''),
             '[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u206f]+', ' ', 'g')) as s
  ),
  -- 2. "ch" per word (app.search_key_ch above).
  s2 as (
    select coalesce(string_agg(app.search_key_ch(w.word), ' ' order by w.n), '') as s
    from s1, regexp_split_to_table(s1.s, ' ') with ordinality as w(word, n)
  ),
  -- 3. Latin digraphs onto Łacinka letters, longest first. Cyrillic is still untouched here,
  --    so a Cyrillic р+з or з+х can never be read as Polish "rz" or English "zh".
  s3 as (
    select
      replace(replace(replace(replace(replace(replace(replace(replace(replace(s,
        'szcz', 'šč'),   -- Polish щ / шч        Szczecin
        'shch', 'šč'),   -- English щ / шч       Shchetsin
        'kh',   'ħ'),    -- English х            Tsikhanouskaya
        'zh',   'ž'),    -- English ж            Zhanna
        'sh',   'š'),    -- English ш            Shushkevich
        'cz',   'č'),    -- Polish ч             Szuszkiewicz
        'sz',   'š'),    -- Polish ш
        'rz',   'ž'),    -- Polish rz = ж        Rzeszów / Жэшаў
        'ts',   'c')     -- English ц            Katsiaryna
      as s
    from s2
  ),
  -- 4. Cyrillic (Belarusian, Russian, Ukrainian) onto Łacinka. Iotated vowels always become
  --    j + vowel; step 10 drops the j after a consonant, where it only marks softness.
  --    х becomes ħ (a placeholder for h) so it cannot meet the Latin digraph rules.
  s4 as (
    select translate(
      replace(replace(replace(replace(replace(replace(replace(s,
        'щ', 'šč'), 'я', 'ja'), 'ю', 'ju'), 'е', 'je'), 'ё', 'jo'), 'є', 'je'), 'ї', 'ji'),
      'абвгґдзжийіклмнопрстуўфхцчшыэ',
      'abvhgdzžijiklmnoprstuŭfħcčšye') as s
    from s3
  ),
  -- 5. Belarusian дз (дзеканне) is Russian д: дз, dz, dź all become d (Уладзімір / Владимир,
  --    Дзмітры / Дмитрий). дж (dž, dż, dzh) has its caron still and stays dz.
  s5 as (
    select replace(replace(s, 'dź', 'd'), 'dz', 'd') as s from s4
  ),
  -- 6. Letters onto a-z: diacritics of Łacinka, Polish, Lithuanian, Latvian, Czech, German and
  --    Western European letters go; ħ, h, g, ґ all become h (Belarusian г is h: Volha / Olga,
  --    Ihar / Igor); w is v; y, j, й, ы, и, і are i; x is ks; q is k; ß is ss.
  s6 as (
    select replace(replace(translate(s,
      'ąćęłńóśźżčšžŭėįųūāēīōģķļņŗďěňřťůäöüõåæøéèêëáàâãíìîïúùûýÿçñĺħgwyjq',
      'acelnoszzcszueiuuaeiogklnrdenrtuaouoaaoeeeeaaaaiiiiuuuiicnlhhviik'),
      'x', 'ks'), 'ß', 'ss') as s
    from s5
  ),
  -- 7. Only [a-z0-9 ] remains; spaces collapse.
  s7 as (
    select btrim(regexp_replace(regexp_replace(s, '[^a-z0-9]+', ' ', 'g'), ' +', ' ', 'g')) as s
    from s6
  ),
  -- 8. в / v where Belarusian writes ў: after a vowel before a consonant or the end of a word
  --    (Тихановская / Ціханоўская, Lwów / Львоў), and at the start of a word before a consonant
  --    (Владимир / Уладзімір). Run twice: matches must not overlap.
  s8 as (
    select regexp_replace(regexp_replace(regexp_replace(s,
      '([aeiou])v([^aeiou]|$)', '\1u\2', 'g'),
      '([aeiou])v([^aeiou]|$)', '\1u\2', 'g'),
      '(^| )v([^aeiou ])', '\1u\2', 'g') as s
    from s7
  ),
  -- 9. The prothetic в of Вольга / Volha against Ольга / Olga: a word starting "vol" + consonant
  --    loses the v. Then akanne: every o is a, as Belarusian writes unstressed о
  --    (Лукашэнка / Лукашенко, Раман / Роман, Кракаў / Краков).
  s9 as (
    select translate(regexp_replace(s, '(^| )vol([^aeiou])', '\1ol\2', 'g'), 'o', 'a') as s
    from s8
  ),
  -- 10. Doubled letters go (Жанна / Zhana); i between a consonant and a vowel goes, as it only
  --     marks softness (Šuškievič / Shushkevich, Lyubov / Lubow), and consonant + ia is e, as
  --     Belarusian я stands where Russian writes е (Сяргей / Сергей, Святлана / Светлана,
  --     Вільня is "vilne", Vilnius "vilnus") except after l, where Łacinka writes ля as "la"
  --     (Бяляцкі / Bialacki / Bialiatski; Russian Беляцкий stays "belecki"); a word-initial
  --     ie is e (Елена / Elena); the adjective ending -ская / -цкая (-skaja, -skaya) is the Polish
  --     -ska / -cka (Ціханоўская / Cichanouska). Doubled letters once more at the end.
  s10 as (
    select regexp_replace(s, '([a-z])\1+', '\1', 'g') as s from s9
  ),
  s11 as (
    select regexp_replace(regexp_replace(regexp_replace(s,
      '([bcdfhklmnprstvz])i([eu])', '\1\2', 'g'),
      'lia', 'la', 'g'),
      '([bcdfhklmnprstvz])ia', '\1e', 'g') as s
    from s10
  ),
  s12 as (
    select regexp_replace(regexp_replace(s,
      '(^| )ie', '\1e', 'g'),
      '([sc]k)aia( |$)', '\1a\2', 'g') as s
    from s11
  ),
  s13 as (
    select regexp_replace(s, '([a-z])\1+', '\1', 'g') as s from s12
  )
  select s from s13
$$;
comment on function app.search_key(text) is
  'Any spelling of a name or place (Cyrillic, Łacinka, Polish, Lithuanian, German, English '
  'transliteration) folded by sound onto one Latin key of [a-z0-9 ]; immutable. See decision 013.';

-- Arrays of names (city aliases): each element folded; empty keys (a script the key does not
-- cover, such as Georgian or Greek) and repeated keys dropped; first occurrence order kept.
create function app.search_keys(inputs text[]) returns text[]
language sql immutable strict parallel safe
set search_path = ''
as $$
  select coalesce(array_agg(k.key order by k.first), '{}')
  from (
    select app.search_key(u.v) as key, min(u.n) as first
    from unnest(inputs) with ordinality as u(v, n)
    group by 1
  ) k
  where k.key <> ''
$$;
comment on function app.search_keys(text[]) is
  'app.search_key() of every element of an array: distinct, non-empty, in order of first use.';

-- Pure functions of their argument: anyone may call them (search forms, later functions).
grant execute on function app.search_key_ch(text) to anon, authenticated, service_role;
grant execute on function app.search_key(text) to anon, authenticated, service_role;
grant execute on function app.search_keys(text[]) to anon, authenticated, service_role;

-- -------------------------------------------------------------------------------------
-- Profiles: the display name's key, stored, with a trigram and a full-text index.
-- -------------------------------------------------------------------------------------
alter table app.profiles
  add column display_name_key text generated always as (app.search_key(display_name)) stored;
comment on column app.profiles.display_name_key is
  'app.search_key(display_name), kept by Postgres; search compares keys with keys.';

create index profiles_display_name_key_trgm_idx
  on app.profiles using gin (display_name_key extensions.gin_trgm_ops);
create index profiles_display_name_key_fts_idx
  on app.profiles using gin (to_tsvector('simple'::regconfig, coalesce(display_name_key, '')));

-- -------------------------------------------------------------------------------------
-- Cities: the keys of every name and alias, for `search_keys @> array[app.search_key($1)]`
-- (GIN) or `app.search_key($1) = any(search_keys)`.
-- -------------------------------------------------------------------------------------
alter table app.cities
  add column search_keys text[] generated always as (
    app.search_keys(array[name_be, name_en, name_pl] || aliases)
  ) stored;
comment on column app.cities.search_keys is
  'app.search_key() of name_be, name_en, name_pl and every alias, kept by Postgres.';

create index cities_search_keys_idx on app.cities using gin (search_keys);
