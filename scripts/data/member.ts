import {
  AUDIENCE_WEIGHTS, CATEGORY_DIRECTIONS, CATEGORY_WEIGHTS, CITY_WEIGHTS, COUNTRY_ONLY, COUNTRY_ONLY_WEIGHTS,
  ENGLISH_LEVELS, HEADLINES, HOURS, LANGUAGES_BY_COUNTRY, NO_PLACE, SPELLINGS, TAGS, TAIL_WEIGHT, WORK_MODES,
} from './distributions';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './names';
import type { Random } from './random';
import { spell } from './transliterate';

/**
 * One generated member: everything the generator writes for a person, decided from the seeded
 * random stream alone, so a seed always gives the same people.
 */
export type Audience = 'organizers' | 'members' | 'only_me';
export type Member = {
  id: string;
  email: string;
  createdAt: Date;
  updatedAt: Date;
  displayName: string;
  headline: string | null;
  cityId: string | null;
  countryCode: string | null;
  workMode: string | null;
  hoursPerWeek: number | null;
  identityAudience: Audience;
  skillsAudience: Audience;
  skills: { id: string; level: number; years: number }[];
  languages: { code: string; level: string }[];
  directions: string[];
  tags: string[];
};

/** Reference data the generator draws from (read from the database, so it never drifts). */
export type Reference = {
  cities: { id: string; countryCode: string }[];
  skillsByCategory: Map<string, string[]>;
};

export const GENERATED_DOMAIN = 'generated.talaka.invalid';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);

export function cityWeights(reference: Reference): (readonly [{ id: string; countryCode: string }, number])[] {
  const tail = reference.cities.filter((c) => !(c.id in CITY_WEIGHTS));
  return reference.cities.map((c) => [c, CITY_WEIGHTS[c.id] ?? TAIL_WEIGHT / Math.max(tail.length, 1)] as const);
}

export function generateMember(
  random: Random,
  seed: number,
  index: number,
  reference: Reference,
  cities: readonly (readonly [{ id: string; countryCode: string }, number])[],
): Member {
  const id = random.uuid();
  const female = random.chance(0.52);
  const first = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const surname = random.pick(SURNAMES)[female ? 1 : 0];

  // Place: a city mostly, sometimes only a country, rarely nothing.
  const placeRoll = random.next();
  let cityId: string | null = null;
  let countryCode: string | null = null;
  if (placeRoll < NO_PLACE) {
    // nothing
  } else if (placeRoll < NO_PLACE + COUNTRY_ONLY) {
    countryCode = random.weighted(COUNTRY_ONLY_WEIGHTS);
  } else {
    const city = random.weighted(cities);
    cityId = city.id;
  }
  const country = countryCode ?? reference.cities.find((c) => c.id === cityId)?.countryCode ?? null;

  const spelling = country === 'PL' && random.chance(0.2) ? 'polish' : random.weighted(SPELLINGS);
  const displayName = `${spell(first, spelling)} ${spell(surname, spelling)}`;

  // Work: a main category, most skills from it, one or two from a second one.
  const category = random.weighted(CATEGORY_WEIGHTS);
  const experience = random.int(0, 25);
  const skillCount = random.weighted([[1, 8], [2, 14], [3, 18], [4, 18], [5, 14], [6, 11], [7, 9], [8, 8]] as const);
  const main = reference.skillsByCategory.get(category) ?? [];
  const secondCategory = random.weighted(CATEGORY_WEIGHTS);
  const second = reference.skillsByCategory.get(secondCategory) ?? [];
  const mainCount = Math.min(main.length, Math.max(1, Math.ceil(skillCount * 0.7)));
  const chosen = new Set([...random.sample(main, mainCount), ...random.sample(second, skillCount - mainCount)]);
  const skills = [...chosen].slice(0, 8).map((skillId, position) => {
    // The main skills carry the member's experience; side skills less of it.
    const years = Math.max(0, Math.round((position < mainCount ? experience : experience / 3) * (0.6 + random.next() * 0.4)));
    const level = years >= 10 ? 4 : years >= 5 ? 3 : years >= 2 ? 2 : 1;
    return { id: skillId, level: Math.max(1, Math.min(4, level + random.int(-1, 0) + (random.chance(0.1) ? 1 : 0))), years };
  });

  // Languages: Belarusian native mostly, Russian nearly always, the host country's, English.
  const languages: { code: string; level: string }[] = [];
  languages.push({ code: 'be', level: random.chance(0.7) ? 'native' : random.pick(['B2', 'C1', 'C2']) });
  if (random.chance(0.92)) languages.push({ code: 'ru', level: random.chance(0.8) ? 'native' : 'C2' });
  for (const [code, chance, levels] of LANGUAGES_BY_COUNTRY[country ?? ''] ?? []) {
    if (random.chance(chance)) languages.push({ code, level: random.pick(levels) });
  }
  if (random.chance(0.7)) languages.push({ code: 'en', level: random.pick(ENGLISH_LEVELS) });

  const directionPool = CATEGORY_DIRECTIONS[category] ?? [];
  const directions = random.sample(directionPool, random.weighted([[0, 15], [1, 50], [2, 25], [3, 10]] as const));
  if (directions.length === 0 && random.chance(0.3)) directions.push(directionPool[0]!);

  const writes = spelling === 'polish' ? 2 : spelling === 'latin' ? 1 : 0;
  const headlines = HEADLINES[category];
  const headline = headlines && random.chance(0.85) ? random.pick(headlines)[writes]! : null;
  const tagPool = TAGS[category] ?? [];
  const tags = random.chance(0.3) ? random.sample(tagPool, random.int(1, 2)) : [];

  const identityAudience = random.weighted(AUDIENCE_WEIGHTS);
  // The skills part follows the identity part most of the time.
  const skillsAudience = random.chance(0.7) ? identityAudience : random.weighted(AUDIENCE_WEIGHTS);

  const createdAt = new Date(NOW - random.int(0, 2 * 365) * DAY - random.int(0, DAY - 1));
  const updatedAt = new Date(Math.min(NOW, createdAt.getTime() + random.int(0, 200) * DAY));
  return {
    id,
    email: `member-${seed}-${index}@${GENERATED_DOMAIN}`,
    createdAt,
    updatedAt,
    displayName,
    headline,
    cityId,
    countryCode,
    workMode: random.weighted(WORK_MODES),
    hoursPerWeek: random.weighted(HOURS),
    identityAudience,
    skillsAudience,
    skills,
    languages,
    directions,
    tags,
  };
}
