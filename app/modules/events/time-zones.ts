/**
 * The time zones the editor offers (the database accepts any IANA name it knows), and the zone a
 * city's country is in, to preselect it. Countries spanning several zones get their capital's;
 * the organizer changes it when the city is elsewhere.
 */

export const COUNTRY_ZONES: Record<string, string> = {
  AE: 'Asia/Dubai', AL: 'Europe/Tirane', AM: 'Asia/Yerevan', AR: 'America/Argentina/Buenos_Aires', AT: 'Europe/Vienna',
  AU: 'Australia/Sydney', AZ: 'Asia/Baku', BA: 'Europe/Sarajevo', BE: 'Europe/Brussels', BG: 'Europe/Sofia',
  BR: 'America/Sao_Paulo', BY: 'Europe/Minsk', CA: 'America/Toronto', CH: 'Europe/Zurich', CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague', DE: 'Europe/Berlin', DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki', FR: 'Europe/Paris', GB: 'Europe/London', GE: 'Asia/Tbilisi', GR: 'Europe/Athens',
  HR: 'Europe/Zagreb', HU: 'Europe/Budapest', IE: 'Europe/Dublin', IL: 'Asia/Jerusalem', IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome', JP: 'Asia/Tokyo', KG: 'Asia/Bishkek', KR: 'Asia/Seoul', KZ: 'Asia/Almaty', LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg', LV: 'Europe/Riga', MD: 'Europe/Chisinau', ME: 'Europe/Podgorica', MK: 'Europe/Skopje',
  MT: 'Europe/Malta', NL: 'Europe/Amsterdam', NO: 'Europe/Oslo', NZ: 'Pacific/Auckland', PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon', RO: 'Europe/Bucharest', RS: 'Europe/Belgrade', SE: 'Europe/Stockholm', SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava', TR: 'Europe/Istanbul', UA: 'Europe/Kyiv', US: 'America/New_York', UZ: 'Asia/Tashkent',
};

/** Common zones first (where most of the diaspora lives), then every other country's. */
export const COMMON_TIME_ZONES: string[] = [
  ...new Set(['Europe/Warsaw', 'Europe/Vilnius', 'Europe/Riga', 'Europe/Tallinn', 'Europe/Berlin', 'Europe/Prague', 'Europe/Kyiv', 'Asia/Tbilisi',
    'Europe/London', 'UTC', ...Object.values(COUNTRY_ZONES).sort()]),
];

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

export function zoneForCountry(countryCode: string | null | undefined): string {
  return (countryCode && COUNTRY_ZONES[countryCode]) || DEFAULT_TIME_ZONE;
}
