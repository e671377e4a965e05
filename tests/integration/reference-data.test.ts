import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

/**
 * The reference data every profile and search builds on: skills, directions, countries, cities
 * and languages, named in Belarusian, English and Polish (DESIGN.md §7, §8).
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const TABLES = ['countries', 'cities', 'languages', 'skill_categories', 'skills', 'directions'];
const NAME_COLUMNS = ['name_be', 'name_en', 'name_pl'];

const REQUIRED_CITIES = [
  'warsaw', 'vilnius', 'bialystok', 'krakow', 'wroclaw', 'gdansk', 'gdynia', 'sopot', 'poznan', 'lodz',
  'lublin', 'katowice', 'szczecin', 'rzeszow', 'torun', 'olsztyn', 'kaunas', 'klaipeda', 'riga',
  'daugavpils', 'tallinn', 'berlin', 'munich', 'frankfurt', 'hamburg', 'cologne', 'leipzig', 'dresden',
  'prague', 'brno', 'tbilisi', 'batumi', 'kutaisi', 'kyiv', 'lviv', 'london', 'dublin', 'amsterdam',
  'brussels', 'paris', 'vienna', 'zurich', 'geneva', 'stockholm', 'oslo', 'helsinki', 'copenhagen',
  'lisbon', 'madrid', 'barcelona', 'rome', 'milan', 'budapest', 'bratislava', 'bucharest', 'chisinau',
  'yerevan', 'istanbul', 'belgrade', 'podgorica', 'limassol', 'tel-aviv', 'dubai', 'new-york', 'chicago',
  'los-angeles', 'san-francisco', 'toronto', 'vancouver', 'sydney', 'astana', 'almaty',
];

const REQUIRED_COUNTRIES = [
  'PL', 'LT', 'LV', 'EE', 'DE', 'CZ', 'GE', 'UA', 'GB', 'US', 'CA', 'NL', 'FR', 'IT', 'ES', 'SE', 'NO',
  'FI', 'DK', 'AT', 'CH', 'BE', 'IE', 'PT', 'SK', 'HU', 'RO', 'BG', 'MD', 'AM', 'TR', 'IL', 'AE', 'AU',
  'KZ', 'RS', 'ME', 'HR', 'SI', 'GR', 'CY', 'IS', 'LU', 'NZ', 'JP', 'KR', 'AR', 'BR',
];

const REQUIRED_LANGUAGES = [
  'be', 'ru', 'uk', 'pl', 'lt', 'lv', 'et', 'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'cs', 'sk', 'sl',
  'hr', 'sr', 'bg', 'ro', 'hu', 'fi', 'sv', 'no', 'da', 'is', 'ka', 'hy', 'az', 'kk', 'uz', 'tr', 'he',
  'ar', 'fa', 'zh', 'ja', 'ko', 'hi', 'el', 'yi', 'eo', 'ga',
];

// Home towns in Belarus are not collected (SECURITY.md, "collect less").
const BELARUSIAN_CITIES = ['minsk', 'hrodna', 'grodno', 'brest', 'homiel', 'gomel', 'mahilyou', 'mogilev', 'viciebsk', 'vitebsk'];

function missing(required: string[], present: string[]) {
  return required.filter((value) => !present.includes(value));
}

describe('skills and directions', () => {
  it('offers at least 120 skills in at least 12 categories', async () => {
    const [row] = await t.sql`
      select (select count(*)::int from app.skills) as skills,
             (select count(distinct category_id)::int from app.skills) as categories`;
    expect(row?.skills).toBeGreaterThanOrEqual(120);
    expect(row?.categories).toBeGreaterThanOrEqual(12);
  });

  it('gives every category at least 6 skills', async () => {
    const rows = await t.sql`
      select c.id, count(s.id)::int as skills
      from app.skill_categories c left join app.skills s on s.category_id = c.id
      group by c.id having count(s.id) < 6`;
    expect(rows).toEqual([]);
  });

  it('has exactly the six directions of work, in order', async () => {
    const rows = await t.sql`select id from app.directions order by position`;
    expect(rows.map((row) => row.id)).toEqual([
      'political-work', 'human-rights', 'accountability', 'media', 'identity-culture', 'private-sector',
    ]);
  });
});

describe('places', () => {
  it('lists at least 60 cities, each in a known country and with at least 2 aliases', async () => {
    const cities = await t.sql`
      select c.id, cardinality(c.aliases) as aliases, k.code as country
      from app.cities c left join app.countries k on k.code = c.country_code`;
    expect(cities.length).toBeGreaterThanOrEqual(60);
    expect(cities.filter((city) => city.country === null || city.aliases < 2).map((city) => city.id)).toEqual([]);
  });

  it('includes every city where the diaspora lives in numbers', async () => {
    const rows = await t.sql`select id from app.cities`;
    expect(missing(REQUIRED_CITIES, rows.map((row) => row.id as string))).toEqual([]);
  });

  it('includes every required country', async () => {
    const rows = await t.sql`select code from app.countries`;
    expect(missing(REQUIRED_COUNTRIES, rows.map((row) => row.code as string))).toEqual([]);
  });

  it('offers no Belarusian city and no Belarus to live in', async () => {
    const countries = await t.sql`select code from app.countries where code = 'BY'`;
    const cities = await t.sql`
      select id from app.cities
      where country_code = 'BY' or id = any(${BELARUSIAN_CITIES}) or lower(name_en) = any(${BELARUSIAN_CITIES})`;
    expect(countries).toEqual([]);
    expect(cities).toEqual([]);
  });

  it('keeps aliases distinct from each other and from the city\'s own names', async () => {
    const rows = await t.sql`
      select c.id, a.alias
      from app.cities c, unnest(c.aliases) as a (alias)
      where a.alias in (c.name_be, c.name_en, c.name_pl) or btrim(a.alias) = ''
      union all
      select c.id, a.alias
      from app.cities c, unnest(c.aliases) as a (alias)
      group by c.id, a.alias having count(*) > 1`;
    expect(rows).toEqual([]);
  });

  it('finds Vilnius under Вільня, Vilnius, Wilno and Вильнюс', async () => {
    const [city] = await t.sql`select name_be, name_en, name_pl, aliases from app.cities where id = 'vilnius'`;
    expect([city?.name_be, city?.name_en, city?.name_pl]).toEqual(['Вільня', 'Vilnius', 'Wilno']);
    expect(city?.aliases).toEqual(expect.arrayContaining(['Вільнюс', 'Вильнюс', 'Vilnia']));
  });
});

describe('languages', () => {
  it('lists at least 40 languages, the required ones among them', async () => {
    const rows = await t.sql`select code from app.languages`;
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(missing(REQUIRED_LANGUAGES, rows.map((row) => row.code as string))).toEqual([]);
  });
});

describe('names in every table', () => {
  it('writes Belarusian names without the Russian letters и, щ, ъ', async () => {
    const offenders: string[] = [];
    for (const table of TABLES) {
      const rows = await t.sql`select name_be from ${t.sql(`app.${table}`)} where name_be ~ '[ищъИЩЪ]'`;
      offenders.push(...rows.map((row) => `${table}: ${row.name_be}`));
    }
    expect(offenders).toEqual([]);
  });

  it('has no empty name in any language', async () => {
    const offenders: string[] = [];
    for (const table of TABLES) {
      for (const column of NAME_COLUMNS) {
        const rows = await t.sql`select 1 from ${t.sql(`app.${table}`)} where btrim(${t.sql(column)}) = ''`;
        if (rows.length > 0) offenders.push(`${table}.${column}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never gives two rows of a table the same name in one language', async () => {
    const offenders: string[] = [];
    for (const table of TABLES) {
      for (const column of NAME_COLUMNS) {
        const rows = await t.sql`
          select lower(${t.sql(column)}) as name from ${t.sql(`app.${table}`)}
          group by lower(${t.sql(column)}) having count(*) > 1`;
        offenders.push(...rows.map((row) => `${table}.${column}: ${row.name}`));
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('who can read reference data', () => {
  it('a signed-in member reads every table', async () => {
    const member = await createUser(t.sql);
    for (const table of TABLES) {
      const [row] = await t.db.asUser(member, (tx) => tx`select count(*)::int as n from ${tx(`app.${table}`)}`);
      expect(row?.n, table).toBeGreaterThan(0);
    }
  });

  it('a visitor reads none of them', async () => {
    for (const table of TABLES) {
      await expect(t.db.asAnon((tx) => tx`select count(*) from ${tx(`app.${table}`)}`), table).rejects.toThrow(/permission denied/);
    }
  });
});
