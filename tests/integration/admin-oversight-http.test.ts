import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser, openProfile } from '../support/factories';
import { createClient, decodeHtml, htmlLang, signInAs, translation, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The admin oversight pages over HTTP: the audit trail, alerts, canaries and quotas in be, en
 * and pl for an admin signed in with the second factor; members, organizers and visitors get
 * nothing; garbage in the URL or the forms never makes a 500.
 */
const running = useSelfHostedApp();
const languages = ['be', 'en', 'pl'] as const;
type Language = (typeof languages)[number];
const PAGES = ['/admin/audit', '/admin/alerts', '/admin/canaries', '/admin/quotas'] as const;

let admins: Record<Language, HttpClient>;
let organizer: Identity;
let canaryId: string;
let cityNames: Record<Language, string>;

beforeAll(async () => {
  const sql = running.database.sql;
  // One admin per language: each signs in with a code of their own.
  const entries = await Promise.all(
    languages.map(async (language) => {
      const admin = await createUser(sql, { roles: ['admin'], displayName: `Admin ${language}` });
      const secret = await giveVerifiedFactor(sql, admin.userId);
      return [language, await signInWithSecondFactor(running.app.url, admin.email, secret, { language })] as const;
    }),
  );
  admins = Object.fromEntries(entries) as Record<Language, HttpClient>;

  organizer = await createUser(sql, { roles: ['organizer'], displayName: 'Harvester Nasta' });
  await sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId}`;
  await sql`
    insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
    values (${organizer.userId}, 'Harvest House', 'Coordinator', ${'m'.repeat(30)}, 'Someone who knows', 'approved', now())`;
  const anAdmin = await createUser(sql, { roles: ['admin'] });
  const [created] = await running.database.db.asUser(
    anAdmin,
    (tx) => tx`select app.create_canary_profile('Mikola Dubrouski', 'Backend developer', 'vilnius', ${['data-analysis']}) as id`,
  );
  canaryId = created!.id as string;
  await running.database.db.asUser(organizer, (tx) => tx`select app.organizer_view_profile(${canaryId}::uuid)`);
  await sql`insert into app.audit_events (actor, action, detail)
            values (${organizer.userId}, 'search', ${sql.json({ filters: { city: 'vilnius', sort: 'recent', skills: [] }, page: 1 })})`;
  const [city] = await sql`select name_be, name_en, name_pl from app.cities where id = 'vilnius'`;
  cityNames = { be: city!.name_be, en: city!.name_en, pl: city!.name_pl };
});

const text = (language: Language, key: string) => translation(language, `admin:${key}`);

describe('an admin with the second factor', () => {
  it.each(languages)('reads the four pages in %s, each with the admin navigation', async (language) => {
    const titles = { '/admin/audit': 'trail.title', '/admin/alerts': 'alerts.title', '/admin/canaries': 'canaries.title', '/admin/quotas': 'quotas.title' };
    for (const path of PAGES) {
      const page = await admins[language].get(path);
      expect(page.status, path).toBe(200);
      expect(htmlLang(page.body)).toBe(language);
      const body = decodeHtml(page.body);
      expect(body).toContain(text(language, titles[path]));
      expect(body).toContain(text(language, 'nav.vetting'));
      for (const link of PAGES) expect(page.body).toContain(`href="${link}"`);
    }
  });

  it.each(languages)('sees in %s who opened the canary and what a search asked, in words', async (language) => {
    const body = decodeHtml((await admins[language].get('/admin/audit')).body);
    expect(body).toContain(organizer.email);
    expect(body).toContain('Harvester Nasta');
    expect(body).toContain('Harvest House');
    expect(body).toContain(text(language, 'actions.canary_viewed'));
    expect(body).toContain('Mikola Dubrouski');
    expect(body).toContain(text(language, 'detail.city').replace('{{value}}', cityNames[language]));
    expect(body).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
  });

  it('filters the trail by action and by organizer', async () => {
    const searches = decodeHtml((await admins.en.get('/admin/audit?action=search')).body);
    expect(searches).toContain(text('en', 'detail.sort.recent'));
    expect(searches).not.toContain('Mikola Dubrouski');
    const nobody = decodeHtml((await admins.en.get('/admin/audit?who=nobody-like-this')).body);
    expect(nobody).toContain(text('en', 'trail.empty'));
  });

  it.each([
    '?action=%3Cscript%3E&from=2026-13-45&to=yesterday&before=zzz',
    `?who=${'x'.repeat(5000)}`,
    '?who=%00%01&action=search&action=profile_view',
    '?before=2026-01-01T00:00:00.000000Z_999999999999999999',
    '?from=2026-02-01&to=2026-01-01',
    '?before=9999-12-31T23:59:59.999999Z_1&from=0000-01-01',
  ])('never answers a 500 to garbage filters (%s)', async (query) => {
    const page = await admins.en.get(`/admin/audit${query}`);
    expect(page.status).toBe(200);
  });

  it('says when filters in the address were not understood', async () => {
    const body = decodeHtml((await admins.pl.get('/admin/audit?action=drop&from=2026-02-30')).body);
    expect(body).toContain(text('pl', 'trail.ignoredFilters'));
  });

  it('acknowledges the canary alert; it moves to the acknowledged list with the admin named', async () => {
    const [alert] = await running.database.sql`select id from app.audit_events where action = 'canary_viewed' and target = ${canaryId}`;
    const before = decodeHtml((await admins.en.get('/admin/alerts')).body);
    expect(before).toContain(text('en', 'alerts.acknowledge'));
    const page = await admins.en.postForm('/admin/alerts', { intent: 'acknowledgeAlert', id: String(alert!.id) });
    expect(page.status).toBe(200);
    expect(decodeHtml(page.body)).toContain(text('en', 'alerts.acknowledgedNow'));
    const [row] = await running.database.sql`select admin_id from app.alert_acknowledgements where event_id = ${alert!.id}`;
    expect(row!.admin_id).toBeTruthy();
    const again = await admins.be.postForm('/admin/alerts', { intent: 'acknowledgeAlert', id: String(alert!.id) });
    expect(decodeHtml(again.body)).toContain(text('be', 'alerts.alreadyAcknowledged'));
  });

  it.each([
    { intent: 'acknowledgeAlert', id: 'abc' },
    { intent: 'acknowledgeAlert', id: '99999999999' },
    { intent: 'explode', id: '1' },
    { id: '-1' },
  ])('refuses a bad acknowledgement with a translated error (%j)', async (fields) => {
    const page = await admins.pl.postForm('/admin/alerts', fields as Record<string, string>);
    expect([400, 409]).toContain(page.status);
    expect(decodeHtml(page.body)).toContain(text('pl', 'errors.alertNotFound'));
  });

  it.each(languages)('shows quota form errors in %s and changes nothing', async (language) => {
    const cases = [
      [{ limit: '0', interval: 'hour' }, 'errors.quotaLimitRange'],
      [{ limit: '100001', interval: 'day' }, 'errors.quotaLimitRange'],
      [{ limit: 'many', interval: 'day' }, 'errors.quotaLimitRange'],
      [{ limit: '10', interval: 'month' }, 'errors.quotaInterval'],
    ] as const;
    for (const [fields, error] of cases) {
      const page = await admins[language].postForm('/admin/quotas', { intent: 'setQuota', action: 'search', ...fields });
      expect(page.status).toBe(400);
      expect(decodeHtml(page.body)).toContain(text(language, error));
    }
    const unknown = await admins[language].postForm('/admin/quotas', { intent: 'setQuota', action: 'teleport', limit: '5', interval: 'hour' });
    expect(decodeHtml(unknown.body)).toContain(text(language, 'errors.quotaNotFound'));
    const [row] = await running.database.sql`select "limit" from app.quota_limits where action = 'search'`;
    expect(row!.limit).toBe(60);
  });

  it('changes a quota, and the change is listed with its admin', async () => {
    const page = await admins.en.postForm('/admin/quotas', { intent: 'setQuota', action: 'talent_map', limit: '30', interval: 'day' });
    expect(page.status).toBe(200);
    const [row] = await running.database.sql`select "limit", per_interval = interval '1 day' as daily from app.quota_limits where action = 'talent_map'`;
    expect(row).toEqual({ limit: 30, daily: true });
    const body = decodeHtml((await admins.en.get('/admin/quotas')).body);
    expect(body).toContain(text('en', 'quotas.changesTitle'));
    expect(body).not.toContain(text('en', 'quotas.noChanges'));
  });

  it('creates a canary, refuses an incomplete one with translated errors, and retires one', async () => {
    const refused = await admins.be.postForm('/admin/canaries', { intent: 'create', displayName: 'X', city: '' });
    expect(refused.status).toBe(400);
    const refusedText = decodeHtml(refused.body);
    expect(refusedText).toContain(text('be', 'errors.canaryName'));
    expect(refusedText).toContain(text('be', 'errors.canarySkills'));

    const created = await admins.en.postForm('/admin/canaries', [
      ['intent', 'create'],
      ['displayName', 'Volha Žukoŭskaja'],
      ['headline', 'Translator'],
      ['city', 'warsaw'],
      ['skills', 'data-analysis'],
      ['skills', 'backend-development'],
      ['note', 'in the Warsaw chat'],
    ]);
    expect(created.status).toBe(302);
    expect(created.location).toBe('/admin/canaries?created=1');
    const [canary] = await running.database.sql`select id, is_canary from app.profiles where display_name = 'Volha Žukoŭskaja'`;
    expect(canary!.is_canary).toBe(true);
    expect(decodeHtml((await admins.en.get('/admin/canaries')).body)).toContain('in the Warsaw chat');

    const unknownCity = await admins.en.postForm('/admin/canaries', [
      ['intent', 'create'], ['displayName', 'Good Name'], ['city', 'atlantis'], ['skills', 'data-analysis'],
    ]);
    expect(unknownCity.status).toBe(400);
    expect(decodeHtml(unknownCity.body)).toContain(text('en', 'errors.canaryCity'));

    const retired = await admins.en.postForm('/admin/canaries', { intent: 'retire', userId: canary!.id });
    expect(retired.location).toBe('/admin/canaries?retired=1');
    const [after] = await running.database.sql`select is_canary, identity_audience from app.profiles where id = ${canary!.id}`;
    expect(after).toEqual({ is_canary: false, identity_audience: 'only_me' });
    const garbage = await admins.en.postForm('/admin/canaries', { intent: 'retire', userId: 'not-a-uuid' });
    expect(garbage.status).toBe(400);
  });

  it('keeps /admin as the vetting queue, with the navigation', async () => {
    const page = await admins.en.get('/admin');
    expect(page.status).toBe(200);
    const body = decodeHtml(page.body);
    expect(body).toContain(translation('en', 'admin:queue.title'));
    expect(page.body).toContain('href="/admin/alerts"');
  });
});

describe('bad input of any kind (T15)', () => {
  const awkward = fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', "' or 1=1 --", '1e309', '-1', '0', '10.5', 'x'.repeat(10_000), 'ж'.repeat(100_000)),
    fc.constantFrom('hour', 'day', 'week', 'search', 'create', 'retire', 'setQuota', 'acknowledgeAlert', 'vilnius', 'data-analysis'),
  );
  const fields = fc.array(fc.tuple(fc.constantFrom('intent', 'action', 'limit', 'interval', 'id', 'displayName', 'headline', 'city', 'skills', 'note', 'userId', 'other'), awkward), { maxLength: 8 });

  it.each(['/admin/quotas', '/admin/canaries', '/admin/alerts'])('never answers %s with a 500', async (path) => {
    await fc.assert(
      fc.asyncProperty(fields, async (entries) => {
        const page = await admins.en.postForm(path, entries);
        expect(page.status).toBeLessThan(500);
        expect(page.body).not.toMatch(/at .+\.(ts|js):\d+/);
      }),
      { numRuns: 30 },
    );
  });
});

describe('everyone else', () => {
  it('a member and an organizer get a 403 on every page and every form, and see no data', async () => {
    const member = await createUser(running.database.sql, { displayName: 'Just Member' });
    await openProfile(running.database.sql, member.userId, { identity: 'members' });
    const organizerSecret = await giveVerifiedFactor(running.database.sql, organizer.userId);
    const limitOfSearch = async () => (await running.database.sql`select "limit" from app.quota_limits where action = 'search'`)[0]!.limit;
    const before = await limitOfSearch();
    const clients = [
      await signInAs(running.app.url, member.email, { language: 'en' }),
      await signInWithSecondFactor(running.app.url, organizer.email, organizerSecret, { language: 'en' }),
    ];
    for (const client of clients) {
      for (const path of PAGES) {
        const page = await client.get(path);
        expect(page.status, path).toBe(403);
        expect(page.body).not.toContain('Mikola Dubrouski');
        expect(page.body).not.toContain('@canary.invalid');
        expect(page.body).not.toContain('admin-nav');
      }
      const quota = await client.postForm('/admin/quotas', { intent: 'setQuota', action: 'search', limit: String(before + 1), interval: 'hour' });
      expect(quota.status).toBe(403);
      const canary = await client.postForm('/admin/canaries', { intent: 'retire', userId: canaryId });
      expect(canary.status).toBe(403);
    }
    expect(await limitOfSearch()).toBe(before);
  });

  it('an admin without the second factor is sent to give it', async () => {
    const admin = await createUser(running.database.sql, { roles: ['admin'] });
    const client = await signInAs(running.app.url, admin.email, { language: 'en' });
    for (const path of PAGES) {
      const page = await client.get(path);
      expect(page.status).toBe(302);
      expect(page.location).toMatch(/^\/auth\/second-factor\?redirectTo=/);
    }
  });

  it('a visitor is sent to sign in', async () => {
    const page = await createClient(running.app.url).get('/admin/alerts');
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
