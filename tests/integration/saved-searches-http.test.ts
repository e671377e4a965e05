import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser } from '../support/factories';
import { decodeHtml, signInAs, translation, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The saved-search pages over HTTP, as plain forms (no JavaScript): naming a search that came
 * with the directory's query string, the list with its digest switch and delete, the empty state,
 * translated errors, and who is turned away.
 */
const running = useSelfHostedApp();
let organizer: Identity;
let browser: HttpClient;
let secret: string;

beforeAll(async () => {
  organizer = await createUser(running.database.sql, { roles: ['organizer'] });
  secret = await giveVerifiedFactor(running.database.sql, organizer.userId);
  browser = await signInWithSecondFactor(running.app.url, organizer.email, secret, { language: 'en' });
});

const en = (key: string) => translation('en', key);
const NEW = '/organizer/saved-searches/new?skill=legal-aid-political-prisoners&city=Wilno&hours=500&bogus=1';
const savedRows = () => running.database.sql`select id, name, filters, digest, app.user_language(organizer_id) as language from app.saved_searches where organizer_id = ${organizer.userId}`;

describe('saved searches over HTTP', () => {
  it('shows the empty state with the organizer navigation', async () => {
    const page = await browser.get('/organizer/saved-searches');
    expect(page.status).toBe(200);
    const text = decodeHtml(page.body);
    expect(text).toContain(en('savedSearches:list.empty'));
    expect(text).toContain(en('common:nav.organizerLabel'));
  });

  it('shows the filters it came with, in words, and says which were left out', async () => {
    const page = await browser.get(NEW);
    expect(page.status).toBe(200);
    const text = decodeHtml(page.body);
    expect(text).toContain('City: Wilno');
    expect(text).toContain('Any of these skills: Legal aid for political prisoners');
    expect(text).toContain(en('savedSearches:new.dropped'));
    // The daily e-mail is offered, ticked.
    expect(page.body).toMatch(/<input[^>]*name="digest"[^>]*type="checkbox"[^>]*checked=""/);
    // The form posts back to this very address, filters included.
    expect(page.body).toMatch(/<form[^>]*method="post"[^>]*action="\/organizer\/saved-searches\/new\?skill=legal-aid-political-prisoners&amp;city=Wilno/);
  });

  it('refuses a missing name with a translated error and saves nothing', async () => {
    const page = await browser.postForm(NEW, { name: '   ', digest: 'on' });
    expect(page.status).toBe(400);
    expect(decodeHtml(page.body)).toContain(en('savedSearches:errors.nameRequired'));
    expect(await savedRows()).toHaveLength(0);
  });

  it('saves the named search with its valid filters, in the page language, then lists it', async () => {
    const saved = await browser.postForm(NEW, { name: 'Lawyers in Vilnius', digest: 'on' });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe('/organizer/saved-searches?saved=1');
    const [row] = await savedRows();
    expect(row).toMatchObject({ name: 'Lawyers in Vilnius', digest: true, language: 'en' });
    expect(row!.filters).toEqual({ city: 'Wilno', skills: ['legal-aid-political-prisoners'], skillMatch: 'any', sort: 'relevance' });

    const list = await browser.get(saved.location!);
    const text = decodeHtml(list.body);
    expect(text).toContain(en('savedSearches:list.saved'));
    expect(text).toContain('Lawyers in Vilnius');
    expect(text).toContain(en('savedSearches:list.digestOn'));
    expect(list.body).toContain('href="/directory?skill=legal-aid-political-prisoners&amp;city=Wilno"');
  });

  it('turns the digest off, and deletes; another organizer\'s id is not found', async () => {
    const [row] = await savedRows();
    const off = await browser.postForm('/organizer/saved-searches', { intent: 'digest', id: row!.id, digest: 'off' });
    expect(off.status).toBe(302);
    expect((await savedRows())[0]!.digest).toBe(false);

    const stranger = await createUser(running.database.sql, { roles: ['organizer'] });
    const strangerSecret = await giveVerifiedFactor(running.database.sql, stranger.userId);
    const strangerBrowser = await signInWithSecondFactor(running.app.url, stranger.email, strangerSecret, { language: 'en' });
    const refused = await strangerBrowser.postForm('/organizer/saved-searches', { intent: 'delete', id: row!.id });
    expect(refused.status).toBe(404);
    expect(decodeHtml(refused.body)).toContain(en('savedSearches:errors.notFound'));
    expect(decodeHtml((await strangerBrowser.get('/organizer/saved-searches')).body)).not.toContain('Lawyers in Vilnius');

    const bad = await browser.postForm('/organizer/saved-searches', { intent: 'delete', id: 'not-a-uuid' });
    expect(bad.status).toBe(400);

    const deleted = await browser.postForm('/organizer/saved-searches', { intent: 'delete', id: row!.id });
    expect(deleted.status).toBe(302);
    expect(await savedRows()).toHaveLength(0);
  });

  it('turns away a member, and sends an organizer without the second factor to give it', async () => {
    const member = await createUser(running.database.sql);
    const memberBrowser = await signInAs(running.app.url, member.email, { language: 'en' });
    expect((await memberBrowser.get('/organizer/saved-searches')).status).toBe(403);
    expect((await memberBrowser.postForm(NEW, { name: 'Mine' })).status).toBe(403);

    const halfSignedIn = await signInAs(running.app.url, organizer.email, { language: 'en' });
    const page = await halfSignedIn.get(NEW);
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/auth\/second-factor\?redirectTo=/);
  });

  it('answers any junk posted to either page with a clear status, never a 500', async () => {
    const junk = fc.oneof(fc.string(), fc.constantFrom('', '\u0000', '\u202E', 'x'.repeat(5000), '<script>alert(1)</script>', 'on', 'off', 'digest', 'delete'));
    const fields = fc.dictionary(fc.constantFrom('name', 'digest', 'intent', 'id', '__intent__', 'skill', 'city'), junk);
    const query = fc.dictionary(fc.constantFrom('q', 'skill', 'city', 'hours', 'country', 'lang', 'sort'), junk);
    await fc.assert(
      fc.asyncProperty(fields, query, async (form, params) => {
        const target = `/organizer/saved-searches/new?${new URLSearchParams(params)}`;
        for (const path of [target, '/organizer/saved-searches']) {
          const page = await browser.postForm(path, form);
          expect([200, 302, 400, 404, 409]).toContain(page.status);
          expect(page.body).not.toMatch(/at \S+\.(js|ts):\d+/);
        }
      }),
      { numRuns: 25 },
    );
    // Whatever was saved on the way stays within the limit and the rules.
    const rows = await savedRows();
    expect(rows.length).toBeLessThanOrEqual(20);
    for (const row of rows) expect(row.name.length).toBeGreaterThan(0);
  });
});
