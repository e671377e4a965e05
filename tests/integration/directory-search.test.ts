import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganizerRefusal } from '../../app/modules/audit/refusals.server';
import { encodeCursor } from '../../app/modules/directory/cursor.server';
import type { DirectoryFilters } from '../../app/modules/directory/directory-model';
import { searchDirectory } from '../../app/modules/directory/search.server';
import type { Identity } from '../../app/platform/db/client.server';
import { setRuntime, type Runtime } from '../../app/platform/runtime.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createMember, foundIds, search, searchAll, veteranOrganizer, type MemberSpec } from '../support/directory-world';
import { createUser, openProfile } from '../support/factories';

/**
 * The organizer search (issue 4 points 3, 6 and 10; decision 017), against the real database:
 * each filter narrows as it should, hidden parts neither match nor show, cards carry only the
 * allow-listed columns, keyset pages give every member exactly once, and every call is checked,
 * counted and audited in SQL. Each describe block has its own database, so it knows everyone in it.
 */

const CARD_KEYS = ['city_id', 'country_code', 'directions', 'display_name', 'has_photo', 'headline', 'hours_per_week', 'id', 'languages', 'skills', 'work_mode'];

function useDatabase() {
  const holder = {} as { t: TestDatabase };
  beforeAll(async () => {
    holder.t = await createTestDatabase();
    await holder.t.sql`update app.quota_limits set "limit" = 100000 where action = 'search'`;
  });
  afterAll(() => holder.t.drop());
  return holder;
}

describe('filters', () => {
  const db = useDatabase();
  let organizer: Identity;
  const id: Record<string, string> = {};
  const world: Record<string, MemberSpec> = {
    anna: {
      name: 'Ганна Кавалёва', headline: 'Журналістка-расследавальніца', city: 'vilnius', photo: true, photoPart: 'organizers',
      skills: { 'investigative-journalism': 4, 'fact-checking': 2 }, languages: { be: 'native', en: 'B2' },
      directions: ['media'], workMode: 'remote', hours: 10, tags: ['OSINT'],
    },
    boris: {
      name: 'Барыс Мельнік', city: 'warsaw', photo: true,
      skills: { 'investigative-journalism': 2, 'web-development': 3 }, languages: { pl: 'C1', en: 'A2' },
      directions: ['media', 'private-sector'], workMode: 'on_site', hours: 40,
    },
    kastus: {
      name: 'Kastuś Lisoŭski', country: 'LT', skills: { 'web-development': 4 }, languages: { lt: 'B1' },
      directions: ['human-rights'], workMode: 'both', hours: 20,
    },
    dana: {
      name: 'Dana Zialonka', city: 'kaunas', skills: { 'fact-checking': 3, 'investigative-journalism': 3 },
      languages: { en: 'C2' }, directions: ['human-rights'], workMode: 'both', hours: 5,
    },
    ira: { name: 'Іра Усім', identity: 'members', skillsPart: 'members', city: 'warsaw', skills: { 'web-development': 2 } },
    // Identity open, skills part only for the member: findable by name, never by what is hidden.
    eryk: {
      name: 'Эрык Тайны', skillsPart: 'only_me', city: 'vilnius', skills: { 'investigative-journalism': 4 },
      languages: { be: 'native' }, directions: ['media'], workMode: 'remote', hours: 40, tags: ['OSINT'], secrets: true,
    },
    hidden: { name: 'Фёдар Схаваны', identity: 'only_me', city: 'vilnius', skills: { 'investigative-journalism': 4 } },
    nameless: { name: null, city: 'vilnius', skills: { 'investigative-journalism': 4 } },
    blocker: { name: 'Ганна Блок', city: 'vilnius', skills: { 'investigative-journalism': 4 } },
  };
  const visible = ['anna', 'boris', 'kastus', 'dana', 'ira', 'eryk'];
  const ids = (...names: string[]) => names.map((name) => id[name]!).sort();
  const find = (filters: Record<string, unknown>) => foundIds(db.t.db, organizer, filters);

  beforeAll(async () => {
    organizer = await veteranOrganizer(db.t.sql);
    // The organizer's own open profile would match too: they never find themself.
    await db.t.sql`update app.profiles set display_name = 'Арганізатарка' where id = ${organizer.userId}`;
    await db.t.sql`insert into app.profile_skills (profile_id, skill_id, level) values (${organizer.userId}, 'investigative-journalism', 4)`;
    await openProfile(db.t.sql, organizer.userId, { identity: 'organizers', skills: 'organizers' });
    for (const [name, spec] of Object.entries(world)) id[name] = await createMember(db.t.sql, spec);
    await db.t.sql`insert into app.organizer_blocks (member_id, organizer_id) values (${id.blocker!}, ${organizer.userId})`;
  });

  it('with no filter, finds everyone whose identity is open to organizers, and nobody else', async () => {
    expect(await find({})).toEqual(ids(...visible));
  });

  it('skills: any, all, and a minimum level for every chosen skill', async () => {
    expect(await find({ skills: ['investigative-journalism'] })).toEqual(ids('anna', 'boris', 'dana'));
    expect(await find({ skills: ['investigative-journalism'], minSkillLevel: 3 })).toEqual(ids('anna', 'dana'));
    expect(await find({ skills: ['fact-checking', 'web-development'] })).toEqual(ids('anna', 'boris', 'kastus', 'dana', 'ira'));
    expect(await find({ skills: ['investigative-journalism', 'fact-checking'], skillMatch: 'all' })).toEqual(ids('anna', 'dana'));
    expect(await find({ skills: ['investigative-journalism', 'fact-checking'], skillMatch: 'all', minSkillLevel: 3 })).toEqual(ids('dana'));
  });

  it('city by id or in any spelling, and an unknown city finds nobody', async () => {
    expect(await find({ city: 'vilnius' })).toEqual(ids('anna'));
    expect(await find({ city: 'Wilno' })).toEqual(ids('anna'));
    expect(await find({ city: 'Варшава' })).toEqual(ids('boris', 'ira'));
    expect(await find({ city: 'Atlantis' })).toEqual([]);
  });

  it('country: members who named it and members in its cities', async () => {
    expect(await find({ country: 'LT' })).toEqual(ids('anna', 'kastus', 'dana'));
    expect(await find({ country: 'PL' })).toEqual(ids('boris', 'ira'));
    expect(await find({ country: 'LT', city: 'Kowno' })).toEqual(ids('dana'));
  });

  it('language with a minimum level in the order A1 < … < C2 < native', async () => {
    expect(await find({ language: 'en' })).toEqual(ids('anna', 'boris', 'dana'));
    expect(await find({ language: 'en', minLanguageLevel: 'B2' })).toEqual(ids('anna', 'dana'));
    expect(await find({ language: 'en', minLanguageLevel: 'C2' })).toEqual(ids('dana'));
    expect(await find({ language: 'be', minLanguageLevel: 'native' })).toEqual(ids('anna'));
  });

  it('direction, work mode ("both" matches either) and minimum hours', async () => {
    expect(await find({ direction: 'media' })).toEqual(ids('anna', 'boris'));
    expect(await find({ direction: 'human-rights' })).toEqual(ids('kastus', 'dana'));
    expect(await find({ workMode: 'remote' })).toEqual(ids('anna', 'kastus', 'dana'));
    expect(await find({ workMode: 'on_site' })).toEqual(ids('boris', 'kastus', 'dana'));
    expect(await find({ minHours: 20 })).toEqual(ids('boris', 'kastus'));
    expect(await find({ skills: ['investigative-journalism'], city: 'Vilnius', workMode: 'remote' })).toEqual(ids('anna'));
  });

  it('free text: the name in another alphabet, a headline word, a tag', async () => {
    expect(await find({ q: 'Hanna Kavaliova' })).toEqual(ids('anna'));
    expect(await find({ q: 'Мельник' })).toEqual(ids('boris'));
    expect(await find({ q: 'Кастусь Лисовский' })).toEqual(ids('kastus'));
    expect(await find({ q: 'расследавальніца' })).toEqual(ids('anna'));
    // Эрык's tag is in his hidden skills part: it does not match.
    expect(await find({ q: 'osint' })).toEqual(ids('anna'));
    expect(await find({ q: 'Тайны' })).toEqual(ids('eryk'));
    expect(await find({ q: '!!!' })).toEqual([]);
  });

  it('hidden parts never match: a member whose skills are only theirs is found by name alone', async () => {
    for (const filters of [{ skills: ['investigative-journalism'] }, { city: 'vilnius' }, { language: 'be' }, { direction: 'media' }, { workMode: 'remote' }, { minHours: 40 }]) {
      expect(await find(filters), JSON.stringify(filters)).not.toContain(id.eryk);
    }
  });

  it('a blocked organizer does not find the member who blocked them; another organizer does', async () => {
    expect(await find({ skills: ['investigative-journalism'], minSkillLevel: 4 })).toEqual(ids('anna'));
    const other = await veteranOrganizer(db.t.sql);
    const theirs = await foundIds(db.t.db, other, { skills: ['investigative-journalism'], minSkillLevel: 4 });
    expect(theirs).toEqual([id.anna!, id.blocker!, organizer.userId].sort());
  });

  it('cards carry the allow-listed keys only, the skills part only when open, never channels or secrets', async () => {
    const cards = await searchAll(db.t.db, organizer, {});
    for (const card of cards) expect(Object.keys(card).sort()).toEqual(CARD_KEYS);
    const anna = cards.find((card) => card.id === id.anna)!;
    expect(anna).toEqual({
      id: id.anna, display_name: 'Ганна Кавалёва', headline: 'Журналістка-расследавальніца', has_photo: true,
      city_id: 'vilnius', country_code: 'LT', work_mode: 'remote', hours_per_week: 10,
      skills: [{ id: 'investigative-journalism', level: 4 }, { id: 'fact-checking', level: 2 }],
      languages: [{ code: 'be', level: 'native' }, { code: 'en', level: 'B2' }], directions: ['media'],
    });
    // Boris has a photo, not opened to organizers.
    expect(cards.find((card) => card.id === id.boris)!.has_photo).toBe(false);
    const eryk = cards.find((card) => card.id === id.eryk)!;
    expect(eryk).toMatchObject({ city_id: null, country_code: null, work_mode: null, hours_per_week: null, skills: [], languages: [], directions: [] });
    const text = JSON.stringify(cards);
    for (const secret of ['Secret Legal Name', 'Secret bio', '@secret_channel', 'OSINT', 'photo-file']) expect(text).not.toContain(secret);
  });
});

describe('keyset pages', () => {
  const db = useDatabase();
  let organizer: Identity;
  type Row = { id: string; day: string; rank: number };
  let members: Row[] = [];

  beforeAll(async () => {
    organizer = await veteranOrganizer(db.t.sql);
    // 120 members with one name, three days of activity and few skill levels: many ties.
    for (let i = 0; i < 120; i += 1) {
      const skills: Record<string, number> = {};
      if (i % 2 === 0) skills['grant-writing'] = (i % 4) + 1;
      if (i % 3 === 0) skills.fundraising = 2;
      await createMember(db.t.sql, { name: 'Алесь Пагінацыя', skills, activeDaysAgo: i % 3 });
    }
    const rows = await db.t.sql`
      select p.id::text, timezone('UTC', p.updated_at)::date::text as day,
             coalesce((select 10 * count(*) + sum(s.level) from app.profile_skills s
                       where s.profile_id = p.id and s.skill_id in ('grant-writing', 'fundraising')), 0)::int as rank
      from app.profiles p where p.display_name is not null`;
    members = rows.map((row) => ({ id: row.id as string, day: row.day as string, rank: row.rank as number }));
  });

  const order = (a: Row, b: Row) => b.rank - a.rank || b.day.localeCompare(a.day) || b.id.localeCompare(a.id);

  it('"recent" gives every member exactly once, newest day first, ties in one fixed order', async () => {
    const cards = await searchAll(db.t.db, organizer, { sort: 'recent' }, 50);
    const expected = members.map((row) => ({ ...row, rank: 0 })).sort(order).map((row) => row.id);
    expect(cards.map((card) => card.id)).toEqual(expected);
    expect(new Set(expected).size).toBe(120);
  });

  it('"relevance" on skills: more matched skills and higher levels first, then recency', async () => {
    const filters = { skills: ['grant-writing', 'fundraising'], sort: 'relevance' };
    const cards = await searchAll(db.t.db, organizer, filters, 50);
    const expected = members.filter((row) => row.rank > 0).sort(order).map((row) => row.id);
    expect(expected.length).toBe(80);
    expect(cards.map((card) => card.id)).toEqual(expected);
  });

  it('"relevance" on text with equal similarity for all: every member exactly once', async () => {
    const cards = await searchAll(db.t.db, organizer, { q: 'Ales Pahinacyja' }, 50);
    const expected = members.map((row) => ({ ...row, rank: 0 })).sort(order).map((row) => row.id);
    expect(cards.map((card) => card.id)).toEqual(expected);
  });

  it('clamps the page size to 1..50, and each page is one audited search', async () => {
    const fresh = await veteranOrganizer(db.t.sql);
    const first = await search(db.t.db, fresh, { sort: 'recent' }, { pageSize: 500 });
    expect(first.cards).toHaveLength(50);
    expect(first.next).toMatchObject({ sort: 'recent', page: 1 });
    const second = await search(db.t.db, fresh, { sort: 'recent' }, { pageSize: 500, after: first.next });
    expect(second.cards).toHaveLength(50);
    expect(second.cards.map((card) => card.id)).not.toContain(first.cards[49]!.id);
    expect((await search(db.t.db, fresh, { sort: 'recent' }, { pageSize: 0 })).cards).toHaveLength(1);
    const rows = await db.t.sql`select detail from app.audit_events where actor = ${fresh.userId} and action = 'search' order by id`;
    expect(rows.map((row) => [row.detail.page, row.detail.pageSize])).toEqual([[1, 50], [2, 50], [1, 1]]);
  });

  it('a cursor of the other sort, or a broken one, starts again from the first page', async () => {
    const first = await search(db.t.db, organizer, { sort: 'recent' }, { pageSize: 10 });
    const other = await search(db.t.db, organizer, { sort: 'relevance' }, { pageSize: 10, after: first.next });
    expect(other.cards.map((card) => card.id)).toEqual(first.cards.map((card) => card.id));
    const broken = await search(db.t.db, organizer, { sort: 'recent' }, { pageSize: 10, after: { ...first.next, day: 'never', id: 'x' } });
    expect(broken.cards.map((card) => card.id)).toEqual(first.cards.map((card) => card.id));
  });

  it('through the server module: an opaque cursor, pages in order, a tampered cursor reads as the first page', async () => {
    setRuntime({ db: db.t.db } as unknown as Runtime);
    try {
      const filters: DirectoryFilters = { skills: [], skillMatch: 'any', sort: 'recent' };
      const first = await searchDirectory(organizer, filters, { pageSize: 50 });
      expect(first.cards).toHaveLength(50);
      expect(first.total).toEqual({ exact: 120 });
      expect(first.facets).not.toBeNull();
      const second = await searchDirectory(organizer, filters, { pageSize: 50, after: first.next, facets: false });
      expect(second.facets).toBeNull();
      const third = await searchDirectory(organizer, filters, { pageSize: 50, after: second.next });
      expect(third.next).toBeNull();
      const all = [...first.cards, ...second.cards, ...third.cards].map((card) => card.id);
      expect(new Set(all).size).toBe(120);
      for (const tampered of [`${first.next}x!`, 'AAAA', encodeCursor({ sort: 'recent', rank: 0, day: '2026-01-01', id: '00000000-0000-4000-8000-000000000000', page: 1 }).slice(3)]) {
        const again = await searchDirectory(organizer, filters, { pageSize: 50, after: tampered });
        expect(again.cards.map((card) => card.id)).toEqual(first.cards.map((card) => card.id));
      }
    } finally {
      setRuntime(undefined);
    }
  });
});

describe('who may search', () => {
  const db = useDatabase();

  it('refuses an organizer without a second factor (aal1), and audits nothing', async () => {
    const organizer = await veteranOrganizer(db.t.sql);
    await expect(search(db.t.db, { ...organizer, aal: 'aal1' }, {})).rejects.toMatchObject({
      code: '42501',
      hint: 'directory:errors.secondFactorNeeded',
    });
    expect(await db.t.sql`select 1 from app.audit_events where actor = ${organizer.userId}`).toHaveLength(0);
  });

  it('refuses a plain member, even with a second factor, and a visitor', async () => {
    const member = await createUser(db.t.sql);
    await expect(search(db.t.db, { ...member, aal: 'aal2' }, {})).rejects.toMatchObject({ code: '42501', hint: 'directory:errors.forbidden' });
    await expect(db.t.db.asAnon((tx) => tx`select app.organizer_search('{}'::jsonb)`)).rejects.toThrow(/permission denied/);
  });

  it('the matching and card functions are internal: an organizer cannot call them', async () => {
    const organizer = await veteranOrganizer(db.t.sql);
    for (const call of [
      `select * from app.directory_matches('{}'::jsonb, '${organizer.userId}'::uuid)`,
      `select app.directory_card('${organizer.userId}'::uuid)`,
      `select app.directory_filters('{}'::jsonb)`,
    ]) {
      await expect(db.t.db.asUser(organizer, (tx) => tx.unsafe(call)), call).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('an organizer at aal2 reads no profile rows but their own with a plain select', async () => {
    const organizer = await veteranOrganizer(db.t.sql);
    await db.t.sql`insert into app.profile_skills (profile_id, skill_id, level) values (${organizer.userId}, 'fundraising', 2)`;
    const member = await createMember(db.t.sql, { name: 'Ales', skills: { fundraising: 4 }, languages: { be: 'native' }, directions: ['media'] });
    expect((await search(db.t.db, organizer, {})).cards.map((card) => card.id)).toEqual([member]);
    const read = (query: string) => db.t.db.asUser(organizer, (tx) => tx.unsafe(query));
    expect((await read('select id from app.profiles')).map((row) => row.id)).toEqual([organizer.userId]);
    expect((await read('select profile_id from app.profile_skills')).map((row) => row.profile_id)).toEqual([organizer.userId]);
    expect(await read('select profile_id from app.profile_languages')).toEqual([]);
    expect(await read('select profile_id from app.profile_directions')).toEqual([]);
    await expect(read('select * from app.audit_events')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('quota and audit', () => {
  const db = useDatabase();
  const searches = (actor: string) => db.t.sql`select target, detail from app.audit_events where actor = ${actor} and action = 'search' order by id`;

  it('every call writes exactly one search row with the organizer and the normalised filters', async () => {
    const organizer = await veteranOrganizer(db.t.sql);
    await search(db.t.db, organizer, {
      q: '  Алесь  ', skills: ['fundraising', 'grant-writing', 'fundraising', 'NOT AN ID'], minSkillLevel: 9, minHours: 10,
      workMode: 'both', language: 'be', minLanguageLevel: 'B2', extra: 'ignored',
    });
    const rows = await searches(organizer.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.target).toBeNull();
    expect(rows[0]!.detail).toEqual({
      filters: { q: 'Алесь', skills: ['fundraising', 'grant-writing'], skillMatch: 'any', minHours: 10, language: 'be', minLanguageLevel: 'B2', sort: 'relevance' },
      page: 1,
      pageSize: 50,
    });
  });

  describe('with the search quota lowered to 3 an hour', () => {
    beforeAll(async () => {
      await db.t.sql`update app.quota_limits set "limit" = 3 where action = 'search'`;
    });
    afterAll(async () => {
      await db.t.sql`update app.quota_limits set "limit" = 100000 where action = 'search'`;
    });

    it('refuses the 4th search with the quota hint; the alert is recorded once, and only when true', async () => {
      const organizer = await veteranOrganizer(db.t.sql);
      const [before] = await db.t.db.asUser(organizer, (tx) => tx`select app.record_quota_exceeded('search') as ok`);
      expect(before?.ok).toBe(false);
      for (let i = 0; i < 3; i += 1) await search(db.t.db, organizer, {});
      await expect(search(db.t.db, organizer, {})).rejects.toMatchObject({ code: '23514', hint: 'quota:search' });
      expect(await searches(organizer.userId)).toHaveLength(3);
      const [written] = await db.t.db.asUser(organizer, (tx) => tx`select app.record_quota_exceeded('search') as ok`);
      expect(written?.ok).toBe(true);
      const alerts = await db.t.sql`select detail from app.audit_events where actor = ${organizer.userId} and action = 'quota_exceeded'`;
      expect(alerts.map((row) => row.detail)).toEqual([{ alert: true, quota: 'search' }]);
    });

    it('the server module throws an OrganizerRefusal over quota and writes the alert', async () => {
      const organizer = await veteranOrganizer(db.t.sql);
      await db.t.sql`insert into app.audit_events (actor, action, at)
                     select ${organizer.userId}, 'search', now() - interval '10 minutes' from generate_series(1, 3)`;
      setRuntime({ db: db.t.db } as unknown as Runtime);
      try {
        const refused = await searchDirectory(organizer, { skills: [], skillMatch: 'any', sort: 'relevance' }).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(OrganizerRefusal);
        expect((refused as OrganizerRefusal).refusal).toEqual({ kind: 'quota', action: 'search' });
        const aal1 = await searchDirectory({ ...organizer, aal: 'aal1' }, { skills: [], skillMatch: 'any', sort: 'relevance' }).catch((error: unknown) => error);
        expect((aal1 as OrganizerRefusal).refusal).toEqual({ kind: 'power' });
      } finally {
        setRuntime(undefined);
      }
      expect(await db.t.sql`select 1 from app.audit_events where actor = ${organizer.userId} and action = 'quota_exceeded'`).toHaveLength(1);
    });

    it('searches older than an hour no longer count', async () => {
      const organizer = await veteranOrganizer(db.t.sql);
      await db.t.sql`insert into app.audit_events (actor, action, at)
                     select ${organizer.userId}, 'search', now() - interval '61 minutes' from generate_series(1, 3)`;
      await expect(search(db.t.db, organizer, {})).resolves.toMatchObject({ cards: [] });
    });

    it('is halved on probation: one search of 3 (1.5 rounded down)', async () => {
      const newcomer = await createUser(db.t.sql, { roles: ['organizer'] });
      await search(db.t.db, newcomer, {});
      await expect(search(db.t.db, newcomer, {})).rejects.toMatchObject({ hint: 'quota:search' });
    });
  });
});
