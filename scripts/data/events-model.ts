import type { Random } from './random';

/**
 * Generated events and their registrations (issue 6, acceptance 1), decided from the seeded
 * random stream alone. One event per 100 members (5,000 at 500,000), placed in cities weighted
 * like the members, types, titles in one to three of be / en / pl, 10–300 places, starts over the
 * past and the next six months in the city's IANA zone, organized by a few hundred organizers.
 *
 * Registrations follow the rules of app.sign_up_for_event (migration 20261129030100): in arrival
 * order, confirmed while places remain, then waitlisted; pending / declined only where approval
 * is required; some cancelled. Events that ended more than 30 days ago keep only anonymous
 * totals, as app.purge_event_registrations() leaves them.
 */

export const EVENTS_PER_PROFILES = 100;
export const PROFILES_PER_ORGANIZER = 2_000;
/** Registrations of events that ended this long ago are purged (retention, ADR 022). */
export const RETENTION_DAYS = 30;

export type EventType = 'meeting' | 'training' | 'conference' | 'action' | 'online_call';
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'pending' | 'declined' | 'cancelled';

export type GeneratedEvent = {
  id: string;
  type: EventType;
  titles: { be: string | null; en: string | null; pl: string | null };
  descriptions: { be: string | null; en: string | null; pl: string | null };
  cityId: string | null;
  online: boolean;
  onlineUrl: string | null;
  venueAddress: string | null;
  /** Local date-time at the venue, 'YYYY-MM-DD HH:MM', read in timeZone by the database. */
  localStart: string;
  durationMinutes: number;
  timeZone: string;
  capacity: number;
  /** Registration opens this many days before the start and closes at the start. */
  opensDaysBefore: number;
  approvalRequired: boolean;
  visibility: 'members' | 'public_teaser';
  status: 'scheduled' | 'cancelled';
  organizers: string[];
  skills: string[];
  /** Registrations in arrival order; arrival in [0, 1) of the time the window was open so far. */
  registrations: { memberId: string; status: RegistrationStatus; arrival: number; checkedInMinutes: number | null }[];
  /** Only for events past retention: what app.purge_event_registrations() keeps. */
  totals: { confirmed: number; waitlisted: number; checkedIn: number } | null;
};

/** Where members live, to draw attendees mostly from the event's own city. */
export type EventReference = {
  cities: readonly (readonly [{ id: string; countryCode: string }, number])[];
  skills: readonly string[];
  membersByCity: ReadonlyMap<string, readonly string[]>;
  allMembers: readonly string[];
  organizers: readonly string[];
};

const DAY = 86_400_000;

/** The city's IANA zone: by country, and by city where a country has several zones. */
const ZONE_BY_CITY: Record<string, string> = {
  'new-york': 'America/New_York', chicago: 'America/Chicago', 'los-angeles': 'America/Los_Angeles',
  'san-francisco': 'America/Los_Angeles', toronto: 'America/Toronto', vancouver: 'America/Vancouver',
  astana: 'Asia/Almaty', almaty: 'Asia/Almaty', sydney: 'Australia/Sydney',
};
const ZONE_BY_COUNTRY: Record<string, string> = {
  PL: 'Europe/Warsaw', LT: 'Europe/Vilnius', DE: 'Europe/Berlin', GE: 'Asia/Tbilisi', UA: 'Europe/Kyiv',
  LV: 'Europe/Riga', CZ: 'Europe/Prague', IT: 'Europe/Rome', ES: 'Europe/Madrid', CH: 'Europe/Zurich',
  TR: 'Europe/Istanbul', SK: 'Europe/Bratislava', SI: 'Europe/Ljubljana', SE: 'Europe/Stockholm',
  RS: 'Europe/Belgrade', RO: 'Europe/Bucharest', PT: 'Europe/Lisbon', NO: 'Europe/Oslo', NL: 'Europe/Amsterdam',
  ME: 'Europe/Podgorica', MD: 'Europe/Chisinau', IL: 'Asia/Jerusalem', IE: 'Europe/Dublin', HU: 'Europe/Budapest',
  GR: 'Europe/Athens', GB: 'Europe/London', FR: 'Europe/Paris', FI: 'Europe/Helsinki', EE: 'Europe/Tallinn',
  DK: 'Europe/Copenhagen', CY: 'Asia/Nicosia', BE: 'Europe/Brussels', AT: 'Europe/Vienna', AM: 'Asia/Yerevan',
  AE: 'Asia/Dubai', US: 'America/New_York', CA: 'America/Toronto', KZ: 'Asia/Almaty', AU: 'Australia/Sydney',
};
export function zoneOf(city: { id: string; countryCode: string }): string {
  return ZONE_BY_CITY[city.id] ?? ZONE_BY_COUNTRY[city.countryCode] ?? 'Europe/Warsaw';
}

const TYPE_WEIGHTS: readonly (readonly [EventType, number])[] = [
  ['meeting', 35], ['training', 20], ['conference', 8], ['action', 17], ['online_call', 20],
];
/** Titles per type: [be, en, pl]. */
const TITLES: Record<EventType, readonly (readonly [string, string, string])[]> = {
  meeting: [['Сустрэча беларусаў горада', 'Belarusians of the city meet', 'Spotkanie Białorusinów miasta'],
    ['Вечар беларускай кнігі', 'Belarusian book evening', 'Wieczór białoruskiej książki'],
    ['Гутарковы клуб па-беларуску', 'Belarusian conversation club', 'Klub konwersacyjny po białorusku']],
  training: [['Бяспека ў сетцы для актывістаў', 'Online security for activists', 'Bezpieczeństwo w sieci dla aktywistów'],
    ['Як стварыць грамадскую арганізацыю', 'How to found an NGO', 'Jak założyć organizację pozarządową'],
    ['Майстар-клас па вышыўцы', 'Embroidery workshop', 'Warsztaty haftu']],
  conference: [['Канферэнцыя беларускай дыяспары', 'Belarusian diaspora conference', 'Konferencja diaspory białoruskiej'],
    ['Форум незалежных медыя', 'Independent media forum', 'Forum niezależnych mediów']],
  action: [['Акцыя салідарнасці з палітвязнямі', 'Solidarity action for political prisoners', 'Akcja solidarności z więźniami politycznymi'],
    ['Пікет ля амбасады', 'Picket at the embassy', 'Pikieta pod ambasadą'],
    ['Валанцёрская талака', 'Volunteer clean-up day', 'Wolontariacki dzień sprzątania']],
  online_call: [['Анлайн-сустрэча валанцёраў', 'Volunteers’ online call', 'Spotkanie online wolontariuszy'],
    ['Вэбінар: легалізацыя за мяжой', 'Webinar: legal stay abroad', 'Webinar: legalizacja pobytu']],
};
const DESCRIPTIONS: readonly [string, string, string] = [
  'Падрабязнасці і парадак дня — пасля запісу. Прыходзьце з сябрамі.',
  'Details and the agenda after you sign up. Bring your friends.',
  'Szczegóły i program po zapisaniu się. Przyjdź z przyjaciółmi.',
];
/** Which of be / en / pl the event is written in: one to three. */
const LANGUAGE_SETS: readonly (readonly [readonly ('be' | 'en' | 'pl')[], number])[] = [
  [['be'], 25], [['be', 'en'], 25], [['be', 'pl'], 15], [['be', 'en', 'pl'], 25], [['en'], 5], [['pl'], 5],
];
const STREETS: Record<string, readonly string[]> = {
  PL: ['ul. Marszałkowska', 'ul. Piękna', 'ul. Długa', 'al. Jerozolimskie'],
  LT: ['Gedimino pr.', 'Pylimo g.', 'Vilniaus g.'],
  DE: ['Friedrichstraße', 'Hauptstraße', 'Oranienstraße'],
  GE: ['Rustaveli Ave', 'Chavchavadze Ave'],
};
const CAPACITY_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[10, 30], 35], [[31, 60], 30], [[61, 120], 20], [[121, 300], 15],
];
const ONLINE_ZONES: readonly (readonly [string, number])[] = [['Europe/Warsaw', 50], ['Europe/Vilnius', 30], ['Europe/Berlin', 20]];

const pad = (n: number) => String(n).padStart(2, '0');

export function eventCount(profiles: number) {
  return profiles <= 0 ? 0 : Math.max(1, Math.round(profiles / EVENTS_PER_PROFILES));
}
export function organizerCount(profiles: number) {
  return profiles <= 0 ? 0 : Math.max(2, Math.round(profiles / PROFILES_PER_ORGANIZER));
}

/** One event with its registrations, relative to `now` (milliseconds since the epoch). */
export function generateEvent(random: Random, reference: EventReference, now: number): GeneratedEvent {
  const id = random.uuid();
  const type = random.weighted(TYPE_WEIGHTS);
  const online = type === 'online_call' || random.chance(0.08);
  const city = online ? null : random.weighted(reference.cities);
  const timeZone = city ? zoneOf(city) : random.weighted(ONLINE_ZONES);
  const [be, en, pl] = random.pick(TITLES[type]);
  const languages = random.weighted(LANGUAGE_SETS);
  const has = (l: 'be' | 'en' | 'pl') => languages.includes(l);

  // Starts from six months ago to six months ahead, never within a day of now (the window is clear).
  const dayOffset = random.chance(0.5) ? -random.int(2, 182) : random.int(2, 182);
  const day = new Date(now + dayOffset * DAY);
  const hour = type === 'action' ? random.int(11, 18) : random.weighted([[10, 10], [12, 10], [17, 20], [18, 35], [19, 25]] as const);
  const localStart = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(hour)}:${random.pick(['00', '30'])}`;
  const durationMinutes = type === 'conference' ? random.int(6, 9) * 60 : type === 'online_call' ? 60 : random.int(2, 4) * 60;
  const [low, high] = random.weighted(CAPACITY_BANDS);
  const capacity = random.int(low, high);
  const opensDaysBefore = random.int(14, 45);
  const approvalRequired = random.chance(0.1);
  const status = random.chance(0.03) ? 'cancelled' : 'scheduled';
  const organizers = random.sample(reference.organizers, random.chance(0.2) ? 2 : 1);
  const skills = random.sample(reference.skills, random.weighted([[0, 40], [1, 30], [2, 20], [3, 10]] as const));

  // Who signed up: demand around the capacity; for upcoming events, the share of the window gone by.
  const startApprox = now + dayOffset * DAY;
  const opensApprox = startApprox - opensDaysBefore * DAY;
  const progress = Math.min(1, Math.max(0, (now - opensApprox) / (startApprox - opensApprox)));
  const demand = capacity * (0.3 + random.next() * 1.3);
  const wanted = Math.min(Math.round(demand * progress), reference.allMembers.length - organizers.length);
  const local = city ? reference.membersByCity.get(city.id) ?? [] : [];
  const chosen = new Set<string>();
  for (let tries = 0; chosen.size < wanted && tries < wanted * 4; tries++) {
    const pool = local.length >= 20 && random.chance(0.7) ? local : reference.allMembers;
    const member = random.pick(pool);
    if (!organizers.includes(member)) chosen.add(member);
  }
  const arrivals = [...chosen].map((memberId) => ({ memberId, arrival: random.next() })).sort((a, b) => a.arrival - b.arrival);
  const recentPast = dayOffset < 0 && -dayOffset <= RETENTION_DAYS;
  let confirmed = 0;
  const registrations = arrivals.map(({ memberId, arrival }, index) => {
    let regStatus: RegistrationStatus;
    const roll = random.next();
    if (roll < 0.07) regStatus = 'cancelled';
    else if (approvalRequired && roll < 0.12) regStatus = 'declined';
    else if (approvalRequired && index >= arrivals.length * 0.8) regStatus = 'pending';
    else if (confirmed < capacity) {
      regStatus = 'confirmed';
      confirmed++;
    } else regStatus = 'waitlisted';
    const checkedInMinutes = recentPast && regStatus === 'confirmed' && status === 'scheduled' && random.chance(0.75) ? random.int(-15, 30) : null;
    return { memberId, status: regStatus, arrival, checkedInMinutes };
  });

  const purged = dayOffset < 0 && -dayOffset > RETENTION_DAYS + 1;
  return {
    id,
    type,
    titles: { be: has('be') ? be : null, en: has('en') ? en : null, pl: has('pl') ? pl : null },
    descriptions: { be: has('be') ? DESCRIPTIONS[0] : null, en: has('en') ? DESCRIPTIONS[1] : null, pl: has('pl') ? DESCRIPTIONS[2] : null },
    cityId: city?.id ?? null,
    online,
    onlineUrl: online ? `https://meet.example.org/talaka-${id.slice(0, 8)}` : null,
    venueAddress: city ? `${random.pick(STREETS[city.countryCode] ?? ['Main Street'])} ${random.int(1, 120)}` : null,
    localStart,
    durationMinutes,
    timeZone,
    capacity,
    opensDaysBefore,
    approvalRequired,
    visibility: random.chance(0.3) ? 'public_teaser' : 'members',
    status,
    organizers,
    skills,
    registrations: purged ? [] : registrations,
    totals: purged
      ? {
          confirmed: registrations.filter((r) => r.status === 'confirmed').length,
          waitlisted: registrations.filter((r) => r.status === 'waitlisted').length,
          checkedIn: status === 'scheduled' ? Math.round(registrations.filter((r) => r.status === 'confirmed').length * 0.75) : 0,
        }
      : null,
  };
}
