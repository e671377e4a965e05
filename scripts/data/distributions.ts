/**
 * How the generated diaspora is spread: where people live, what they do, which languages they
 * speak, how much time they offer and how much of their profile they open. Rough, but shaped
 * like the real emigration (Poland and Lithuania first, then Germany and Georgia, a long tail).
 */

/** City weights in percent; every other reference city shares TAIL_WEIGHT. */
export const CITY_WEIGHTS: Record<string, number> = {
  warsaw: 20, vilnius: 15, bialystok: 6, krakow: 5, wroclaw: 5, berlin: 5, tbilisi: 4,
  gdansk: 3, poznan: 2, lodz: 2, lublin: 2, kaunas: 1.5, riga: 1.5, prague: 1.5, kyiv: 1, batumi: 1,
};
export const TAIL_WEIGHT = 14;
/** Of everyone: share naming only a country, and share naming no place at all. */
export const COUNTRY_ONLY = 0.08;
export const NO_PLACE = 0.04;
export const COUNTRY_ONLY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['PL', 35], ['LT', 20], ['DE', 12], ['GE', 6], ['US', 5], ['UA', 4], ['CZ', 4], ['LV', 3], ['GB', 3], ['NL', 2],
  ['FR', 2], ['SE', 2], ['CA', 2],
];

/** What a member mainly does: a skill category and its weight. */
export const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['it', 18], ['management', 8], ['law-human-rights', 7], ['journalism-media', 9], ['finance', 6],
  ['public-administration', 4], ['education', 9], ['health', 7], ['culture-identity', 6], ['business', 8],
  ['security', 3], ['logistics-volunteering', 5], ['research-analysis', 4], ['communication-advocacy', 4],
  ['languages-translation', 4],
];

/** Directions that go with a category (the first is the likeliest). */
export const CATEGORY_DIRECTIONS: Record<string, string[]> = {
  it: ['private-sector', 'media', 'accountability'],
  management: ['political-work', 'private-sector', 'human-rights'],
  'law-human-rights': ['human-rights', 'accountability', 'political-work'],
  'journalism-media': ['media', 'identity-culture', 'accountability'],
  finance: ['private-sector', 'political-work'],
  'public-administration': ['political-work', 'accountability'],
  education: ['identity-culture', 'human-rights'],
  health: ['human-rights', 'accountability'],
  'culture-identity': ['identity-culture', 'media'],
  business: ['private-sector', 'political-work'],
  security: ['accountability', 'political-work', 'human-rights'],
  'logistics-volunteering': ['human-rights', 'political-work'],
  'research-analysis': ['political-work', 'accountability', 'media'],
  'communication-advocacy': ['political-work', 'media', 'human-rights'],
  'languages-translation': ['identity-culture', 'media'],
};

/** Headlines per category, in the language the member writes in: [be, en, pl]. */
export const HEADLINES: Record<string, readonly (readonly [string, string, string])[]> = {
  it: [['Праграміст, бэкэнд', 'Backend developer', 'Programista backend'], ['Дызайнер інтэрфейсаў', 'UX/UI designer', 'Projektantka interfejsów'], ['Інжынер DevOps', 'DevOps engineer', 'Inżynier DevOps'], ['Тэстоўшчык праграм', 'QA engineer', 'Tester oprogramowania']],
  management: [['Кіраўнік праектаў', 'Project manager', 'Kierownik projektów'], ['Кіраўніца арганізацыі', 'NGO director', 'Dyrektorka organizacji pozarządowej']],
  'law-human-rights': [['Юрыст па правах чалавека', 'Human rights lawyer', 'Prawnik praw człowieka'], ['Адвакат', 'Attorney', 'Adwokat'], ['Юрыстка па міграцыйным праве', 'Migration lawyer', 'Prawniczka ds. migracji']],
  'journalism-media': [['Журналістка', 'Journalist', 'Dziennikarka'], ['Рэдактар навін', 'News editor', 'Redaktor wiadomości'], ['Відэааператар', 'Video producer', 'Operator wideo']],
  finance: [['Бухгалтарка', 'Accountant', 'Księgowa'], ['Фінансавы аналітык', 'Financial analyst', 'Analityk finansowy']],
  'public-administration': [['Эксперт па дзяржаўнай палітыцы', 'Public policy expert', 'Ekspert ds. polityki publicznej']],
  education: [['Настаўніца беларускай мовы', 'Belarusian teacher', 'Nauczycielka języka białoruskiego'], ['Выкладчык гісторыі', 'History lecturer', 'Wykładowca historii']],
  health: [['Псіхолаг', 'Psychologist', 'Psycholog'], ['Лекар', 'Medical doctor', 'Lekarz'], ['Медсястра', 'Nurse', 'Pielęgniarka']],
  'culture-identity': [['Музыка', 'Musician', 'Muzyk'], ['Мастачка', 'Visual artist', 'Artystka'], ['Пісьменнік', 'Writer', 'Pisarz']],
  business: [['Прадпрымальнік', 'Entrepreneur', 'Przedsiębiorca'], ['Маркетолаг', 'Marketing manager', 'Specjalistka ds. marketingu']],
  security: [['Спецыяліст па кібербяспецы', 'Cybersecurity specialist', 'Specjalista ds. cyberbezpieczeństwa']],
  'logistics-volunteering': [['Каардынатарка валанцёраў', 'Volunteer coordinator', 'Koordynatorka wolontariuszy'], ['Лагіст', 'Logistics specialist', 'Logistyk']],
  'research-analysis': [['Сацыёлаг', 'Sociologist', 'Socjolog'], ['Аналітык даных', 'Data analyst', 'Analityk danych']],
  'communication-advocacy': [['Спецыялістка па камунікацыі', 'Communications officer', 'Specjalistka ds. komunikacji']],
  'languages-translation': [['Перакладчыца', 'Translator', 'Tłumaczka'], ['Перакладчык-сінхраніст', 'Conference interpreter', 'Tłumacz symultaniczny']],
};

/** Free tags per category (what the taxonomy lacks). */
export const TAGS: Record<string, readonly string[]> = {
  it: ['TypeScript', 'React', 'PostgreSQL', 'Kubernetes', 'Python', 'Go', 'Figma'],
  'journalism-media': ['Belsat', 'Радыё Свабода', 'Premiere Pro', 'TikTok'],
  'law-human-rights': ['ЕСПЧ', 'UN HRC', 'Prawo azylowe', 'Вясна'],
  'culture-identity': ['Купалле', 'вышыўка', 'фальклор', 'Jazz'],
  'languages-translation': ['Trados', 'субтытры', 'SDL'],
  business: ['Shopify', 'HoReCa', 'B2B'],
  security: ['Tor', 'Signal', 'OSINT'],
};

/** Second languages by the member's country: [code, chance, likely levels]. */
export type LanguageChance = readonly [string, number, readonly string[]];
export const LANGUAGES_BY_COUNTRY: Record<string, readonly LanguageChance[]> = {
  PL: [['pl', 0.85, ['A2', 'B1', 'B2', 'B2', 'C1', 'C2']]],
  LT: [['lt', 0.45, ['A1', 'A2', 'B1', 'B2']], ['pl', 0.25, ['A2', 'B1', 'B2']]],
  DE: [['de', 0.8, ['A2', 'B1', 'B2', 'C1']]],
  GE: [['ka', 0.2, ['A1', 'A2']]],
  LV: [['lv', 0.4, ['A1', 'A2', 'B1']]],
  CZ: [['cs', 0.6, ['A2', 'B1', 'B2']]],
  UA: [['uk', 0.9, ['B2', 'C1', 'C2']]],
};
export const ENGLISH_LEVELS = ['A2', 'B1', 'B1', 'B2', 'B2', 'B2', 'C1', 'C1', 'C2'] as const;

/** Who sees each part: about 60 % organizers, 20 % members, 20 % only the member. */
export const AUDIENCE_WEIGHTS: readonly (readonly ['organizers' | 'members' | 'only_me', number])[] = [
  ['organizers', 60], ['members', 20], ['only_me', 20],
];
export const WORK_MODES: readonly (readonly [string | null, number])[] = [
  ['remote', 50], ['both', 25], ['on_site', 15], [null, 10],
];
export const HOURS: readonly (readonly [number | null, number])[] = [
  [2, 10], [4, 18], [5, 10], [8, 18], [10, 12], [15, 6], [20, 8], [30, 3], [40, 5], [null, 10],
];
/** Spellings of the display name; Polish spelling is likelier in Poland. */
export const SPELLINGS: readonly (readonly ['cyrillic' | 'lacinka' | 'latin' | 'polish', number])[] = [
  ['cyrillic', 45], ['lacinka', 12], ['latin', 30], ['polish', 13],
];
