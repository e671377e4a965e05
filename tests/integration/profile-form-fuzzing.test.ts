import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createClient, type HttpClient, type Page } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * T15 for the profile's forms: random, unicode, huge, missing and repeated fields, list rows with
 * absurd indexes and hand-made list-button intents get a calm answer, never a 500 or a trace.
 * The same approach as form-fuzzing.test.ts, which covers the sign-in forms.
 */

const running = useSelfHostedApp();
let member: HttpClient;

beforeAll(async () => {
  const { email } = await createUser(running.database.sql);
  member = createClient(running.app.url);
  expect((await member.postForm('/sign-in', { email, password: TEST_PASSWORD })).status).toBe(302);
});

const forms: Record<string, string[]> = {
  '/account/profile/identity': ['displayName', 'legalName', 'headline'],
  '/account/profile/about': ['bio'],
  '/account/profile/place': ['where', 'city', 'country'],
  '/account/profile/languages': ['languages[0].code', 'languages[0].level', 'languages[1].code', 'languages'],
  '/account/profile/skills': ['skills[0].skill', 'skills[0].level', 'skills[0].years', 'skills', 'tags'],
  '/account/profile/directions': ['directions', 'directions[0]'],
  '/account/profile/availability': ['hoursPerWeek', 'workMode', 'openToRelocation', 'availableFrom'],
  '/account/profile/contact': ['email', 'telegram', 'signal', 'phone'],
  '/account/profile/visibility': ['identity', 'legalName', 'skills', 'bio', 'photo', 'cv', 'consentMembers', 'consentOrganizers'],
  '/account/profile/consent': ['purpose'],
  '/account/hide': ['redirectTo'],
};

const intents = fc.constantFrom(
  '{"type":"insert","payload":{"name":"languages","index":999999999}}',
  '{"type":"remove","payload":{"name":"skills","index":-1}}',
  '{"type":"reorder","payload":{"name":"skills","from":5,"to":99999}}',
  '{"type":"update","payload":{"name":"skills[9999999]","value":{"skill":"x"}}}',
  '{"type":"validate","payload":{"name":"__proto__"}}',
  '{"type":"reset"}',
  'not json',
  '{}',
);
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', 'on', 'members', 'organizers', 'only_me', 'warsaw', 'PL', 'be', 'native', '1e309', '-1', 'NaN',
    '2026-02-30', '9999-12-31', '<script>alert(1)</script>', "' or 1=1 --", 'x'.repeat(5000), '//evil.example', 'visible_to_members',
    '+48 600 123 456', '@kvitka_22', 't.me/kvitka_22', 'kvitka.07', 'a@example.org'),
  intents,
);
const name = (expected: string[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...expected) },
    { weight: 1, arbitrary: fc.constantFrom('__intent__', '__proto__', 'constructor', 'skills[99999999].skill', 'languages[0][0]', 'tags[]', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
const fields = (expected: string[]) => fc.array(fc.tuple(name(expected), value), { maxLength: 10 });

function expectCalmAnswer(page: Page, context: string) {
  expect(page.status, context).toBeLessThan(500);
  expect(page.body, context).not.toMatch(/\n\s+at .+:\d+:\d+|at [\w.<>]+ \(.+:\d+:\d+\)|node_modules|file:\/\/|\/work\//);
}

for (const [path, expected] of Object.entries(forms)) {
  test(`${path} answers any fields without a 500`, async () => {
    await fc.assert(
      fc.asyncProperty(fields(expected), async (sent) => {
        expectCalmAnswer(await member.postForm(path, sent), `${path} ${JSON.stringify(sent).slice(0, 300)}`);
      }),
      { numRuns: 40 },
    );
  });
}

test('a list row numbered in the millions is refused at once instead of being built', async () => {
  const started = Date.now();
  const page = await member.postForm('/account/profile/languages', [['languages[99999999].code', 'be']]);
  expect(page.status).toBe(400);
  expect(page.body.length).toBeLessThan(100_000);
  expect(Date.now() - started).toBeLessThan(2_000);
});

test('after the fuzzing the member is still signed in and the server healthy', async () => {
  expect((await member.get('/account/profile')).status).toBe(200);
  expect((await createClient(running.app.url).get('/healthz')).status).toBe(200);
});
