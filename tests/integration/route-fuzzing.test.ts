import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { startApp, type AppServer } from '../support/app-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';
import { fillPattern, formVocabulary, routeModules, type RouteModule } from '../support/fuzz-routes';
import { expectCalmAnswer, formFields, FRESH_CONNECTION, ONE_MEGABYTE, pathParam, queryString } from '../support/fuzz-values';
import { createClient, signInAs, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { createEvent } from './events-world';

/**
 * T15 for the whole app (issue 7, acceptance 6): every route module in app/routes, found from
 * the files, gets hostile path parameters and query strings, and every action gets hostile
 * bodies built from its own page's form (real field names and intents, hostile values, missing,
 * repeated and unknown fields, list and object shapes, a 1 MB field), posted as the actor the
 * route is for — a member, an organizer or an admin with the second factor — in be, en or pl,
 * with our own Origin so that CSRF protection does not hide the action.
 *
 * No answer may be a 5xx or show a stack frame, SQL, a driver error or a path on disk; a refused
 * form is a page in the asker's language without zod's English messages. form-fuzzing.test.ts
 * and profile-form-fuzzing.test.ts go deeper on the sign-in and profile forms.
 */

type Actor = 'visitor' | 'member' | 'organizer' | 'admin';
type Language = 'be' | 'en' | 'pl';

const LANGUAGES: Language[] = ['be', 'en', 'pl'];
/**
 * These may end the session they are posted with: each run signs a member in afresh. (Not an
 * organizer or an admin: one authenticator code is accepted once, and a run takes less than its
 * 30 seconds.)
 */
const ENDS_SESSIONS = new Set(['/sign-out', '/account/security', '/account/delete', '/account/password', '/auth/second-factor']);
const GET_RUNS = 4;
const POST_RUNS = 7;

let database: TestDatabase;
let app: AppServer;
const people: Record<Exclude<Actor, 'visitor'>, Identity & { secret?: string }> = {} as never;
const sessions = new Map<Actor, HttpClient>();
const realIds: Record<string, string[]> = {};
const vocabulary = new Map<string, { names: string[]; intents: string[] }>();

beforeAll(async () => {
  database = await createTestDatabase();
  // The fuzzer signs in again and again from one address; the limits have their own tests.
  app = await startApp({
    env: {
      DATABASE_URL: database.url,
      RATE_LIMITS: 'sign-in-account=100000/900,sign-in-address=100000/900,sign-up-address=100000/900,reset-address=100000/900,magic-link-address=100000/900',
    },
  });
  const sql = database.sql;
  people.member = await createUser(sql, { displayName: 'Fuzz Member' });
  people.organizer = await createUser(sql, { roles: ['organizer'], displayName: 'Fuzz Organizer' });
  people.admin = await createUser(sql, { roles: ['admin'], displayName: 'Fuzz Admin' });
  people.organizer.secret = await giveVerifiedFactor(sql, people.organizer.userId);
  people.admin.secret = await giveVerifiedFactor(sql, people.admin.userId);

  const eventId = await createEvent(database.db, people.organizer);
  const organizer = await session('organizer');
  const created = await organizer.postForm('/organizer/shortlists', { intent: 'create', name: 'Fuzz list' });
  const shortlistId = /\/organizer\/shortlists\/([^/?]+)/.exec(created.location ?? '')?.[1];
  realIds.id = [people.member.userId, eventId, ...(shortlistId ? [shortlistId] : [])];
  realIds.step = ['identity', 'about', 'place', 'languages', 'skills', 'directions', 'availability', 'contact', 'visibility'];
  realIds['*'] = ['nowhere', 'account/profile/identity'];

  // Each action's vocabulary comes from its own page, as the route's actor sees it.
  for (const route of routeModules().filter((candidate) => candidate.action)) {
    const names = new Set<string>();
    const intents = new Set<string>();
    for (const filled of samplePaths(route)) {
      const page = await (await session(actorFor(route.pattern))).get(filled);
      const found = formVocabulary(page.body);
      found.names.forEach((name) => names.add(name));
      found.intents.forEach((intent) => intents.add(intent));
    }
    vocabulary.set(route.pattern, { names: [...names], intents: [...intents] });
  }
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** Who a route is for; a share of the runs goes to someone else. */
function actorFor(pattern: string): Actor {
  if (pattern.startsWith('/admin')) return 'admin';
  if (/^\/(organizer|directory)|^\/events\/(new|:id\/(edit|attendees|check-in|export))/.test(pattern)) return 'organizer';
  if (/^\/(sign-in|sign-up|forgot-password|magic-link|auth\/confirm)$/.test(pattern)) return 'visitor';
  return 'member';
}

async function session(actor: Actor, fresh = false): Promise<HttpClient> {
  if (actor === 'visitor') return signInAsVisitor();
  const cached = sessions.get(actor);
  if (cached && !fresh) return cached;
  const person = people[actor];
  const client = person.secret
    ? await signInWithSecondFactor(app.url, person.email, person.secret)
    : await signInAs(app.url, person.email);
  if (!fresh) sessions.set(actor, client);
  return client;
}

function signInAsVisitor() {
  return createClient(app.url);
}

/** The route's paths with real parameters, to read its forms. */
function samplePaths(route: RouteModule): string[] {
  if (route.params.length === 0) return [route.pattern];
  const [param] = route.params as [string];
  return (realIds[param] ?? ['x']).map((value) => fillPattern(route.pattern, { [param]: value }));
}

const routes = routeModules();

test('every route module is found and fuzzed', () => {
  expect(routes.length).toBeGreaterThan(40);
  expect(routes.filter((route) => route.action).length).toBeGreaterThan(30);
});

/** The language the page must be in: a valid ?lng= wins, then Accept-Language. */
function expectedLanguage(query: string, language: Language): Language {
  const lng = new URLSearchParams(query).getAll('lng').find((value) => LANGUAGES.includes(value as Language));
  return (lng as Language | undefined) ?? language;
}

const actors = fc.constantFrom<Actor>('visitor', 'member', 'organizer', 'admin');
const language = fc.constantFrom(...LANGUAGES);

function paramValues(route: RouteModule) {
  return fc.record(Object.fromEntries(route.params.map((param) => [param, pathParam(realIds[param] ?? [])])));
}

for (const route of routes.filter((candidate) => candidate.loader || !candidate.action)) {
  test(`GET ${route.pattern}: hostile parameters and query strings`, async () => {
    const own = actorFor(route.pattern);
    await fc.assert(
      fc.asyncProperty(
        paramValues(route),
        queryString(vocabulary.get(route.pattern)?.names ?? []),
        fc.oneof({ weight: 3, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: actors }),
        language,
        async (params, query, actor, asked) => {
          const client = await session(actor);
          client.deleteCookie('lng');
          const target = `${fillPattern(route.pattern, params as Record<string, string>)}${query ? `?${query}` : ''}`;
          const page = await client.get(target, { headers: { ...FRESH_CONNECTION, 'Accept-Language': asked } });
          expectCalmAnswer(page, expectedLanguage(query, asked), `GET ${target} as ${actor} in ${asked}`);
        },
      ),
      { numRuns: GET_RUNS },
    );
  });
}

for (const route of routes.filter((candidate) => candidate.action)) {
  test(`POST ${route.pattern}: hostile bodies as its actor`, async () => {
    const own = actorFor(route.pattern);
    const { names, intents } = vocabulary.get(route.pattern) ?? { names: [], intents: [] };
    await fc.assert(
      fc.asyncProperty(
        paramValues(route),
        formFields(names, intents),
        ENDS_SESSIONS.has(route.pattern)
          ? fc.constantFrom<Actor>('member', 'member', 'member', 'visitor')
          : fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: actors }),
        language,
        async (params, fields, actor, asked) => {
          const client = await session(actor, ENDS_SESSIONS.has(route.pattern));
          client.deleteCookie('lng');
          const target = fillPattern(route.pattern, params as Record<string, string>);
          const page = await client.postForm(target, fields, { headers: { ...FRESH_CONNECTION, 'Accept-Language': asked } });
          expectCalmAnswer(page, asked, `POST ${target} as ${actor} in ${asked}: ${JSON.stringify(fields).slice(0, 300)}`);
        },
      ),
      { numRuns: POST_RUNS },
    );

    // One megabyte in each of the form's fields (eight at most), with each real intent.
    const client = await session(own, ENDS_SESSIONS.has(route.pattern));
    const [path] = samplePaths(route) as [string];
    for (const intent of intents.length > 0 ? intents : [undefined]) {
      const fields: [string, string][] = [...(intent ? [['intent', intent] as [string, string]] : []), ...names.filter((name) => name !== 'intent').slice(0, 8).map((name): [string, string] => [name, ONE_MEGABYTE])];
      if (fields.length === 0) fields.push(['text', ONE_MEGABYTE]);
      const page = await client.postForm(path, fields, { headers: { ...FRESH_CONNECTION, 'Accept-Language': 'be' } });
      expectCalmAnswer(page, 'be', `POST ${path} with 1 MB fields, intent ${intent}`);
    }
  });
}

test('after the fuzzing every actor can still work and the server is healthy', async () => {
  expect((await (await session('member')).get('/account')).status).toBe(200);
  expect((await (await session('organizer')).get('/organizer/shortlists')).status).toBe(200);
  expect((await (await session('admin')).get('/admin')).status).toBe(200);
  expect((await signInAsVisitor().get('/healthz')).status).toBe(200);
});
