import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createMember, foundIds, search, veteranOrganizer } from '../support/directory-world';

/**
 * Across alphabets (issue 4 point 4, DESIGN §8, decision 013) in the organizer search itself:
 * members typed in Cyrillic, Łacinka, English transliteration, Polish or Russian spelling are
 * found by a query typed in any of the others — by full name and by surname alone — and nobody
 * of another name group is; a city typed in any spelling filters the same members.
 */
let t: TestDatabase;
let organizer: Identity;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.sql`update app.quota_limits set "limit" = 100000 where action = 'search'`;
  organizer = await veteranOrganizer(t.sql);
});
afterAll(() => t.drop());

type Group = { person: string; spellings: string[]; surnames: string[] };

// One member per spelling; every spelling, and every surname alone, is also a query.
const GROUPS: Group[] = [
  {
    person: 'Святлана Ціханоўская',
    spellings: ['Святлана Ціханоўская', 'Sviatlana Cichanoŭskaja', 'Sviatlana Tsikhanouskaya', 'Swiatłana Cichanouska', 'Светлана Тихановская'],
    surnames: ['Ціханоўская', 'Cichanoŭskaja', 'Tsikhanouskaya', 'Cichanouska', 'Тихановская'],
  },
  {
    person: 'Станіслаў Шушкевіч',
    spellings: ['Станіслаў Шушкевіч', 'Stanisłaŭ Šuškievič', 'Stanislau Shushkevich', 'Stanisław Szuszkiewicz', 'Станислав Шушкевич'],
    surnames: ['Шушкевіч', 'Šuškievič', 'Shushkevich', 'Szuszkiewicz', 'Шушкевич'],
  },
  {
    person: 'Марыя Калеснікава',
    spellings: ['Марыя Калеснікава', 'Maryja Kalesnikava', 'Maria Kalesnikava', 'Maria Kolesnikowa', 'Мария Колесникова'],
    surnames: ['Калеснікава', 'Kalesnikava', 'Kolesnikowa', 'Колесникова'],
  },
  {
    person: 'Павел Латушка',
    spellings: ['Павел Латушка', 'Paviel Latuška', 'Pavel Latushka', 'Paweł Łatuszka', 'Павел Латушко'],
    surnames: ['Латушка', 'Latuška', 'Latushka', 'Łatuszka', 'Латушко'],
  },
  {
    person: 'Васіль Быкаў',
    spellings: ['Васіль Быкаў', 'Vasiĺ Bykaŭ', 'Vasil Bykau', 'Wasil Bykau', 'Василь Быков'],
    surnames: ['Быкаў', 'Bykaŭ', 'Bykau', 'Быков', 'Bykov'],
  },
  {
    person: 'Алесь Бяляцкі',
    spellings: ['Алесь Бяляцкі', 'Aleś Bialacki', 'Ales Bialiatski', 'Aleś Białacki', 'Алесь Беляцкий'],
    surnames: ['Бяляцкі', 'Bialacki', 'Bialiatski', 'Białacki', 'Беляцкий'],
  },
];

const members = new Map<string, string[]>();

describe('names across alphabets', () => {
  beforeAll(async () => {
    for (const group of GROUPS) {
      const ids: string[] = [];
      for (const spelling of group.spellings) ids.push(await createMember(t.sql, { name: spelling, city: 'warsaw' }));
      members.set(group.person, ids.sort());
    }
  });

  for (const group of GROUPS) {
    it(`every spelling of ${group.person} finds all of them, and nobody else`, async () => {
      const misses: string[] = [];
      for (const query of [...group.spellings, ...group.surnames]) {
        const found = await foundIds(t.db, organizer, { q: query });
        if (JSON.stringify(found) !== JSON.stringify(members.get(group.person))) misses.push(query);
      }
      expect(misses).toEqual([]);
    });
  }

  it('ranks the closest spelling first', async () => {
    const answer = await search(t.db, organizer, { q: 'Тихановская' });
    expect(answer.cards[0]!.display_name).toBe('Светлана Тихановская');
    expect(answer.cards).toHaveLength(5);
  });
});

describe('cities across alphabets', () => {
  const inVilnius: string[] = [];
  beforeAll(async () => {
    inVilnius.push(await createMember(t.sql, { name: 'Кастусь Вілейскі', city: 'vilnius' }));
    inVilnius.push(await createMember(t.sql, { name: 'Janka Łucki', city: 'vilnius' }));
    await createMember(t.sql, { name: 'Ян Каунаскі', city: 'kaunas' });
    await createMember(t.sql, { name: 'Вера Беластоцкая', city: 'bialystok' });
    inVilnius.sort();
  });

  it('"Wilno", "Вільня", "Вильнюс", "Vilnius" and the other spellings filter the same members', async () => {
    for (const city of ['Wilno', 'Вільня', 'Вильнюс', 'Vilnius', 'vilnius', 'Vilnia', 'Вільнюс', 'WILNO']) {
      expect(await foundIds(t.db, organizer, { city }), city).toEqual(inVilnius);
    }
  });

  it('Białystok in every spelling, and a Cyrillic name found by a Latin query in that city', async () => {
    const bialystok = await foundIds(t.db, organizer, { city: 'Białystok' });
    expect(bialystok).toHaveLength(1);
    for (const city of ['Беласток', 'Белосток', 'Bialystok', 'Biełastok']) expect(await foundIds(t.db, organizer, { city }), city).toEqual(bialystok);
    expect(await foundIds(t.db, organizer, { city: 'Bielastok', q: 'Vera Belastockaja' })).toEqual(bialystok);
    expect(await foundIds(t.db, organizer, { city: 'Wilno', q: 'Bielastockaja' })).toEqual([]);
  });
});
