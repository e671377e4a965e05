import type { JSONValue } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSavedSearchDigests } from '../../app/modules/saved-searches/digest-job.server';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';
import { translation } from '../support/http-client';
import { giveVerifiedFactor } from '../support/second-factor';

/**
 * Saved searches (issue 4, acceptance 9): kept through definer functions that ask for the
 * organizer power and touch only the caller's own searches; the daily digest counts members new
 * to each search with the organizer search's own matching, mails each organizer once, in their
 * language, with counts and links but no names, audits each search, and sends nothing twice.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const APP_URL = 'https://talaka.example';
const logged: string[] = [];
const runDigest = () => sendSavedSearchDigests(t.sql, { appUrl: APP_URL, log: (line) => logged.push(line) });

/** An organizer as they work: the role, a verified authenticator, a session at aal2. */
async function organizer() {
  const person = await createUser(t.sql, { roles: ['organizer'] });
  await giveVerifiedFactor(t.sql, person.userId);
  return person;
}

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;

const save = (who: Who, name: string, filters: object, options: { digest?: boolean } = {}) =>
  t.db.asUser(who, async (tx) => {
    const [row] = await tx`select app.save_search(${name}, ${tx.json(filters as JSONValue)}::jsonb, ${options.digest ?? false}) as id`;
    return row!.id as string;
  });
const list = (who: Who) => t.db.asUser(who, (tx) => tx`select * from app.list_my_saved_searches()`);
const remove = (who: Who, id: string) =>
  t.db.asUser(who, async (tx) => (await tx`select app.delete_saved_search(${id}::uuid) as done`)[0]!.done as boolean);
const setDigest = (who: Who, id: string, wanted: boolean) =>
  t.db.asUser(who, async (tx) => (await tx`select app.set_saved_search_digest(${id}::uuid, ${wanted}) as done`)[0]!.done as boolean);

describe('keeping saved searches', () => {
  it('an organizer with a second factor saves, lists and deletes their own, filters in canonical form', async () => {
    const me = await organizer();
    const id = await save(me, '  Lawyers in Vilnius  ', { city: 'Wilno', skills: ['legal-aid-political-prisoners'], junk: 1 });
    const [row] = await list(me);
    expect(row).toMatchObject({ id, name: 'Lawyers in Vilnius', digest: false });
    expect(row!.filters).toEqual({ city: 'Wilno', skills: ['legal-aid-political-prisoners'], skillMatch: 'any', sort: 'relevance' });
    expect(await remove(me, id)).toBe(true);
    expect(await list(me)).toHaveLength(0);
    expect(await remove(me, id)).toBe(false);
  });

  it('refuses an organizer without a second factor in this session, and a member', async () => {
    const me = await organizer();
    const member = await createUser(t.sql);
    await expect(save({ ...me, aal: 'aal1' }, 'Mine', {})).rejects.toMatchObject({ code: '42501', hint: 'savedSearches:errors.secondFactorNeeded' });
    await expect(list({ ...me, aal: 'aal1' })).rejects.toMatchObject({ code: '42501' });
    await expect(save(member, 'Mine', {})).rejects.toMatchObject({ code: '42501', hint: 'savedSearches:errors.forbidden' });
    await expect(save({ ...member, aal: 'aal2' }, 'Mine', {})).rejects.toMatchObject({ code: '42501' });
    expect(await t.sql`select 1 from app.saved_searches where organizer_id in (${me.userId}, ${member.userId})`).toHaveLength(0);
  });

  it('another organizer neither sees, changes nor deletes them; nobody reads the table directly', async () => {
    const owner = await organizer();
    const other = await organizer();
    const id = await save(owner, 'Translators', {});
    expect(await list(other)).toHaveLength(0);
    expect(await remove(other, id)).toBe(false);
    expect(await setDigest(other, id, true)).toBe(false);
    expect(await list(owner)).toEqual([expect.objectContaining({ id, digest: false })]);
    for (const table of ['app.saved_searches', 'app.directory_arrivals']) {
      await expect(t.db.asUser(owner, (tx) => tx.unsafe(`select * from ${table}`))).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('keeps names of 1 to 80 characters and at most 20 searches per organizer', async () => {
    const me = await organizer();
    await expect(save(me, '   ', {})).rejects.toMatchObject({ hint: 'savedSearches:errors.nameLength' });
    await expect(save(me, 'x'.repeat(81), {})).rejects.toMatchObject({ hint: 'savedSearches:errors.nameLength' });
    await expect(save(me, 'Bad', [] as unknown as object)).rejects.toMatchObject({ hint: 'savedSearches:errors.filtersInvalid' });
    await Promise.all(Array.from({ length: 20 }, (_, index) => save(me, `Search ${index + 1}`, {})));
    await expect(save(me, 'One too many', {})).rejects.toMatchObject({ hint: 'savedSearches:errors.tooMany' });
    expect(await list(me)).toHaveLength(20);
  });

  it('turning the digest on counts news from that moment', async () => {
    const me = await organizer();
    const id = await save(me, 'Designers', {});
    await t.sql`update app.saved_searches set last_digest_at = now() - interval '5 days' where id = ${id}`;
    expect(await setDigest(me, id, true)).toBe(true);
    const [row] = await t.sql`select digest, last_digest_at > now() - interval '1 minute' as fresh from app.saved_searches where id = ${id}`;
    expect(row).toEqual({ digest: true, fresh: true });
  });
});

describe('the daily digest', () => {
  let polish: Identity;
  let english: Identity;
  let revoked: Identity;
  let unprotected: Identity;
  const names: string[] = [];

  /** A member findable by organizers, living in the city; `daysAgo` moves their arrival back. */
  async function member(city: string, daysAgo = 0) {
    const displayName = `Digest Member ${names.length + 1} ${city}`;
    names.push(displayName);
    const person = await createUser(t.sql, { displayName });
    await t.sql`update app.profiles set city_id = ${city} where id = ${person.userId}`;
    await openProfile(t.sql, person.userId, { identity: 'organizers', skills: 'organizers' });
    if (daysAgo > 0) {
      await t.sql`update app.directory_arrivals set arrived_at = now() - make_interval(days => ${daysAgo}) where profile_id = ${person.userId}`;
    }
    return person;
  }

  /** As if the last digest had gone out yesterday. */
  const lastDigestYesterday = (who: Identity) =>
    t.sql`update app.saved_searches set last_digest_at = now() - interval '1 day' where organizer_id = ${who.userId}`;
  const mailsTo = (who: Identity) =>
    t.sql`select locale, template, subject, body_text from app.mail_outbox where to_address = ${who.email} order by id`;
  const auditOf = (who: Identity) =>
    t.sql`select detail from app.audit_events where actor = ${who.userId} and action = 'saved_search_digest' order by id`;

  beforeAll(async () => {
    polish = await organizer();
    english = await organizer();
    revoked = await organizer();
    unprotected = await createUser(t.sql, { roles: ['organizer'] });
    await save(polish, 'Wilno', { city: 'vilnius' }, { digest: true });
    await save(polish, 'Warszawa', { city: 'warsaw' }, { digest: true });
    await save(polish, 'Bez maila', { city: 'vilnius' }, { digest: false });
    await save(english, 'Vilnius', { city: 'vilnius' }, { digest: true });
    // The language each organizer last used in the app (app.user_language).
    await t.db.asUser(polish, (tx) => tx`select app.remember_my_language('pl')`);
    await t.db.asUser(english, (tx) => tx`select app.remember_my_language('en')`);
    await save(revoked, 'Vilnius', { city: 'vilnius' }, { digest: true });
    await save(unprotected, 'Vilnius', { city: 'vilnius' }, { digest: true });
    // Members who were there before the last digest, and members who came since.
    for (let i = 0; i < 3; i += 1) await member('vilnius', 3);
    for (let i = 0; i < 6; i += 1) await member('vilnius');
    for (let i = 0; i < 2; i += 1) await member('warsaw');
    // A member who arrived but hides their skills part does not match a city filter.
    const hiddenSkills = await member('vilnius');
    await t.sql`update app.profiles set skills_audience = 'only_me' where id = ${hiddenSkills.userId}`;
    await t.sql`delete from app.user_roles where user_id = ${revoked.userId} and role = 'organizer'`;
    for (const who of [polish, english, revoked, unprotected]) await lastDigestYesterday(who);
    await runDigest();
  });

  it('sends one mail per organizer with the count per search, in their language', async () => {
    const mails = await mailsTo(polish);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    // The language the organizer last used.
    expect(mail).toMatchObject({ locale: 'pl', template: 'saved-search-digest', subject: translation('pl', 'savedSearches:mail.subject') });
    expect(mail!.body_text).toContain('• Wilno: 6 nowych członków');
    expect(mail!.body_text).toContain(`${APP_URL}/directory?city=vilnius&lng=pl`);
    expect(mail!.body_text).toContain(`• Warszawa: ${translation('pl', 'savedSearches:mail.fewerThan').replace('{{count}}', '5')}`);
    expect(mail!.body_text).toContain(`${APP_URL}/directory?city=warsaw&lng=pl`);
    expect(mail!.body_text).not.toContain('Bez maila');

    const [englishMail, ...more] = await mailsTo(english);
    expect(more).toHaveLength(0);
    expect(englishMail).toMatchObject({ locale: 'en', subject: translation('en', 'savedSearches:mail.subject') });
    expect(englishMail!.body_text).toContain('• Vilnius: 6 new members');
  });

  it('names nobody and says nothing about the members', async () => {
    const bodies = [...(await mailsTo(polish)), ...(await mailsTo(english))].map((mail) => `${mail.subject}\n${mail.body_text}`);
    for (const body of bodies) {
      for (const name of names) expect(body).not.toContain(name);
      expect(body).not.toMatch(/Digest Member|@example\.org/);
    }
  });

  it('audits each search it reported, with its count', async () => {
    const rows = await auditOf(polish);
    expect(rows.map((row) => row.detail.newMatches).sort()).toEqual([2, 6]);
    expect(await auditOf(english)).toHaveLength(1);
  });

  it('sends nothing the second time the same day, even with a new member', async () => {
    await member('vilnius');
    await runDigest();
    expect(await mailsTo(polish)).toHaveLength(1);
    expect(await mailsTo(english)).toHaveLength(1);
    expect(await auditOf(polish)).toHaveLength(2);
  });

  it('sends nothing to an organizer who lost the role, or who has no verified second factor', async () => {
    for (const who of [revoked, unprotected]) {
      expect(await mailsTo(who)).toHaveLength(0);
      expect(await auditOf(who)).toHaveLength(0);
    }
  });

  it('the next day counts only who arrived since the last digest', async () => {
    // A day passes for the English organizer: their last digest and every arrival move back.
    await t.sql`update app.directory_arrivals set arrived_at = arrived_at - interval '21 hours'`;
    await t.sql`update app.saved_searches set last_digest_at = last_digest_at - interval '21 hours' where organizer_id = ${english.userId}`;
    await runDigest();
    const mails = await mailsTo(english);
    expect(mails).toHaveLength(2);
    // Only the member who arrived after the first digest.
    expect(mails[1]!.body_text).toContain(`• Vilnius: ${translation('en', 'savedSearches:mail.fewerThan').replace('{{count}}', '5')}`);
    expect((await auditOf(english)).map((row) => row.detail.newMatches)).toEqual([6, 1]);
    expect(await mailsTo(polish)).toHaveLength(1);
  });

  it('a member who hides and opens again arrives again; one still hidden does not count', async () => {
    const returning = await member('vilnius', 3);
    await t.sql`update app.profiles set identity_audience = 'only_me' where id = ${returning.userId}`;
    const [before] = await t.sql`select arrived_at < now() - interval '1 day' as old from app.directory_arrivals where profile_id = ${returning.userId}`;
    expect(before!.old).toBe(true);
    await t.sql`update app.profiles set identity_audience = 'organizers' where id = ${returning.userId}`;
    const [after] = await t.sql`select arrived_at > now() - interval '1 minute' as fresh from app.directory_arrivals where profile_id = ${returning.userId}`;
    expect(after!.fresh).toBe(true);
  });
});
