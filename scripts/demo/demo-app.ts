import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JSONValue } from 'postgres';
import { currentStep, totpCode } from '../../app/platform/auth/totp.server';
import { connect, createDb, type Db, type Identity, type Sql } from '../../app/platform/db/client.server';
import { startEmbeddedPostgres } from '../../app/platform/db/embedded.server';
import { migrate } from '../../app/platform/db/migrate.server';
import { seedOnce } from '../../app/platform/db/seed.server';
import { startApp } from '../../tests/support/app-server';

/**
 * The built app on a throw-away embedded PostgreSQL holding the README's demo data (seed.sql)
 * plus two events and a few audited profile views, for the Lighthouse run and the README
 * screenshots. Nothing is read from or written to the developer's own `.data/`; everything lives
 * in a temporary folder removed on stop. Needs `npm run build` first.
 *
 * Only demo accounts and generated people appear: the screenshots and reports hold no secrets
 * beyond the README's published demo password and demo TOTP secret.
 */

export const DEMO_PASSWORD = 'talaka-demo-password';
/** The demo powers accounts' shared TOTP secret, published in the README (local demo only). */
const DEMO_TOTP_SECRET = 'TALAKADEMOSECRETFORPOWERSONLY234';

export const DEMO = {
  member: { userId: '00000000-0000-4000-8000-000000000004', email: 'member@example.org' },
  organizer: { userId: '00000000-0000-4000-8000-000000000003', email: 'organizer@example.org' },
  admin: { userId: '00000000-0000-4000-8000-000000000001', email: 'admin@example.org' },
} as const;

export type DemoRole = keyof typeof DEMO;

export type DemoApp = {
  url: string;
  /** The in-person demo event (twelve of its fifteen seats taken). */
  eventId: string;
  /** A `Cookie` header value of a signed-in session; powers accounts give their second factor. */
  signIn(role: DemoRole): Promise<string>;
  stop(): Promise<void>;
};

export async function startDemoApp(log: (line: string) => void = () => {}): Promise<DemoApp> {
  const root = await mkdtemp(path.join(tmpdir(), 'talaka-demo-'));
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to pass through.
  if (process.getuid?.() === 0) await chmod(root, 0o711);
  log('starting an embedded PostgreSQL with the demo data…');
  const database = await startEmbeddedPostgres({ dataDir: path.join(root, 'db') });
  const sql = connect(database.url, { max: 4 });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await migrate(sql);
    await seedOnce(sql);
    await gatherInHubs(sql);
    const eventId = await addDemoEvents(sql, createDb(sql));
    await addAuditedViews(createDb(sql));
    log('starting the app…');
    app = await startApp({
      dataDir: path.join(root, 'app'),
      env: { DATABASE_URL: database.url, STORAGE_DIR: path.join(root, 'storage'), JOBS: 'off' },
    });
    const url = app.url;
    const running = app;
    return {
      url,
      eventId,
      signIn: (role) => signIn(url, DEMO[role].email, role !== 'member'),
      async stop() {
        await running.stop();
        await sql.end({ timeout: 5 });
        await database.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.stop();
    await sql.end({ timeout: 5 });
    await database.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * seed.sql spreads its generated members over every city, a handful each, so the talent map
 * (which hides cities with fewer than five) would be empty. Here, as in life, most live in a few
 * hubs of the diaspora.
 */
async function gatherInHubs(sql: Sql) {
  await sql`
    with hubs (position, city) as (
      select ordinality, city from unnest(array['warsaw', 'warsaw', 'warsaw', 'vilnius', 'vilnius', 'bialystok', 'berlin', 'tbilisi', 'krakow', 'prague'])
        with ordinality as h (city, ordinality)
    ), members as (
      select id, row_number() over (order by id) as n from app.profiles
      where id::text like '00000000-0000-4000-9000-%' and city_id is not null
    )
    update app.profiles p set city_id = hubs.city
    from members join hubs on hubs.position = 1 + members.n % 10
    where p.id = members.id`;
}

const organizer: Pick<Identity, 'userId' | 'email' | 'aal'> = { ...DEMO.organizer, aal: 'aal2' };
const HOUR = 3600_000;

/** Two events by the demo organizer, with generated members signed up; returns the in-person one. */
async function addDemoEvents(sql: Sql, db: Db): Promise<string> {
  // An evening nine days from now (17:00 UTC: 18:00 in Warsaw in winter, 19:00 in summer).
  const starts = new Date(Date.now() + 9 * 24 * HOUR);
  starts.setUTCHours(17, 0, 0, 0);
  const meeting = await createEvent(db, {
    type: 'meeting',
    titles: { be: 'Сустрэча валанцёраў у Варшаве', en: 'Volunteers’ meeting in Warsaw', pl: 'Spotkanie wolontariuszy w Warszawie' },
    descriptions: {
      be: 'Плануем вясновыя акцыі і знаёмімся з новымі людзьмі. Адрас атрымаюць тыя, чый удзел пацверджаны.',
      en: 'We plan the spring campaigns and meet new people. Confirmed attendees receive the address.',
      pl: 'Planujemy wiosenne akcje i poznajemy nowe osoby. Adres otrzymają osoby z potwierdzonym udziałem.',
    },
    cityId: 'warsaw',
    online: false,
    venueAddress: 'ul. Przykładowa 1, Warszawa',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * HOUR).toISOString(),
    timeZone: 'Europe/Warsaw',
    capacity: 15,
    approvalRequired: false,
    skills: ['event-organisation', 'facilitation'],
    visibility: 'members',
  });
  const callStarts = new Date(starts.getTime() + 5 * 24 * HOUR);
  await createEvent(db, {
    type: 'online_call',
    titles: { be: 'Лічбавая бяспека: практыкум', en: 'Digital security: a workshop', pl: 'Bezpieczeństwo cyfrowe: warsztat' },
    descriptions: { be: 'Гадзіна практыкі з праверанымі інструментамі.', en: 'An hour of practice with trusted tools.', pl: 'Godzina praktyki ze sprawdzonymi narzędziami.' },
    online: true,
    onlineUrl: 'https://meet.example.org/demo',
    startsAt: callStarts.toISOString(),
    endsAt: new Date(callStarts.getTime() + HOUR).toISOString(),
    timeZone: 'Europe/Vilnius',
    capacity: 40,
    approvalRequired: false,
    skills: [],
    visibility: 'members',
  });
  // Twelve generated members take twelve of fifteen seats: the fill level shows.
  const people = await sql`select id, email from auth.users where email like 'demo-member-%' order by email limit 12`;
  for (const person of people) {
    const who = { userId: person.id as string, email: person.email as string, aal: 'aal1' as const };
    await db.asUser(who, (tx) => tx`select app.sign_up_for_event(${meeting}::uuid)`);
  }
  return meeting;
}

function createEvent(db: Db, input: Record<string, unknown>) {
  return db.asUser(organizer, async (tx) => {
    const [row] = await tx`select app.create_event(${tx.json(input as JSONValue)}::jsonb) as id`;
    return row!.id as string;
  });
}

/** The organizer opened three profiles: the admin's audit trail has something to show. */
async function addAuditedViews(db: Db) {
  const open = await db.system`
    select id from app.profiles where identity_audience in ('organizers', 'members') and id::text like '00000000-0000-4000-9000-%'
    order by id limit 3`;
  for (const profile of open) {
    await db.asUser(organizer, (tx) => tx`select app.organizer_view_profile(${profile.id}::uuid)`);
  }
}

/**
 * Signs in over HTTP as a browser without JavaScript does and returns the session cookie. A
 * TOTP code is accepted once per factor, so sign each powers account in once per run.
 */
async function signIn(url: string, email: string, secondFactor: boolean): Promise<string> {
  const origin = new URL(url).origin;
  const post = async (pathname: string, fields: Record<string, string>, cookie?: string) => {
    const response = await fetch(new URL(pathname, origin), {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    });
    if (response.status !== 302) throw new Error(`${pathname} for ${email} answered ${response.status}, not a redirect`);
    const session = response.headers.getSetCookie().find((line) => line.startsWith('talaka_session='));
    return session ? session.split(';')[0]! : cookie;
  };
  let cookie = await post('/sign-in', { email, password: DEMO_PASSWORD });
  if (!cookie) throw new Error(`signing in as ${email} set no session cookie`);
  if (secondFactor) cookie = await post('/auth/second-factor', { code: totpCode(DEMO_TOTP_SECRET, currentStep()) }, cookie);
  return cookie!;
}
