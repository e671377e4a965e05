import { describe, expect, test } from 'vitest';
import { currentStep, totpCode } from '../../app/platform/auth/totp.server';
import { createUser } from '../support/factories';
import { createClient, decodeHtml, inputValues, signInAs, translation, type HttpClient } from '../support/http-client';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * T4 over HTTP in local mode: organizers and admins enrol an authenticator app and give a code
 * after their password; the session carries aal1 until then and aal2 after; a wrong or reused
 * code is refused; too many wrong codes end the session; the database refuses powers at aal1.
 */

const running = useSelfHostedApp();

async function sessionAal(userId: string) {
  const rows = await running.database.sql`select aal from auth.sessions where user_id = ${userId} order by created_at`;
  return rows.map((row) => row.aal as string);
}

async function organizer() {
  return createUser(running.database.sql, { roles: ['organizer'] });
}

const english = { language: 'en' as const };

describe('enrolment', () => {
  test('an organizer without a factor is sent to set one up, sees a QR code and the key, and activates it with a code', async () => {
    const person = await organizer();
    const client = createClient(running.app.url, { headers: { 'Accept-Language': 'en' } });
    const signIn = await client.postForm('/sign-in', { email: person.email, password: 'correct horse battery staple' });
    expect(signIn.location).toBe('/account/security?redirectTo=%2Faccount');
    expect(await sessionAal(person.userId)).toEqual(['aal1']);

    // The browser posts to the page's own address, which carries where to go afterwards.
    const page = '/account/security?redirectTo=%2Faccount';
    const start = await client.postForm(page, { intent: 'enrol' });
    expect(start.status).toBe(200);
    const body = decodeHtml(start.body);
    expect(body).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    const fields = inputValues(start.body);
    const secret = fields.secret!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The manual key in groups of four.
    expect(body).toContain(secret.match(/.{4}/g)!.join(' '));
    // The stored secret is sealed, never the key itself.
    const [stored] = await running.database.sql`select secret, status from auth.mfa_factors where user_id = ${person.userId}`;
    expect(stored?.status).toBe('unverified');
    expect(stored?.secret).not.toContain(secret);

    const wrong = await client.postForm(page, { ...fields, code: '000000' === codeFor(secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(decodeHtml(wrong.body)).toContain(translation('en', 'security:errors.codeInvalid'));

    const done = await client.postForm(page, { ...fields, code: codeFor(secret) });
    expect(done.status).toBe(302);
    expect(done.location).toBe('/account');
    expect(await sessionAal(person.userId)).toEqual(['aal2']);
  });

  test('someone who already has a factor cannot add another with the password alone', async () => {
    const person = await organizer();
    await giveVerifiedFactor(running.database.sql, person.userId);
    const client = await signInAs(running.app.url, person.email, english);
    const refused = await client.postForm('/account/security', { intent: 'enrol' });
    expect(refused.status).toBe(403);
    const [row] = await running.database.sql`select count(*)::int as n from auth.mfa_factors where user_id = ${person.userId}`;
    expect(row?.n).toBe(1);
  });

  test('a member may enrol too, and is not asked for a code before', async () => {
    const member = await createUser(running.database.sql);
    const client = await signInAs(running.app.url, member.email, english);
    expect((await client.get('/account')).status).toBe(200);
    const start = await client.postForm('/account/security', { intent: 'enrol' });
    expect(start.status).toBe(200);
  });
});

describe('the code at sign-in', () => {
  async function signedInAt(aal1: { email: string }): Promise<HttpClient> {
    return signInAs(running.app.url, aal1.email, english);
  }

  test('password → aal1 and the code page; the right code → aal2 and on to the page asked for', async () => {
    const person = await organizer();
    const secret = await giveVerifiedFactor(running.database.sql, person.userId);
    const client = createClient(running.app.url, { headers: { 'Accept-Language': 'en' } });
    const signIn = await client.postForm('/sign-in', { email: person.email, password: 'correct horse battery staple', redirectTo: '/people' });
    expect(signIn.location).toBe('/auth/second-factor?redirectTo=%2Fpeople');
    expect(await sessionAal(person.userId)).toEqual(['aal1']);

    const page = await client.get('/auth/second-factor?redirectTo=%2Faccount');
    expect(page.status).toBe(200);
    expect(decodeHtml(page.body)).toContain(translation('en', 'security:secondFactor.title'));

    const given = await client.postForm('/auth/second-factor', { code: codeFor(secret), redirectTo: '/account' });
    expect(given.status).toBe(302);
    expect(given.location).toBe('/account');
    expect(await sessionAal(person.userId)).toEqual(['aal2']);
    const [session] = await running.database.sql`select factor_id from auth.sessions where user_id = ${person.userId}`;
    expect(session?.factor_id).toBeTruthy();
    // Once at aal2 the page sends them on.
    expect((await client.get('/auth/second-factor')).status).toBe(302);
  });

  test('a wrong code is refused and the session stays aal1', async () => {
    const person = await organizer();
    const secret = await giveVerifiedFactor(running.database.sql, person.userId);
    const client = await signedInAt(person);
    const wrongCode = codeFor(secret) === '123456' ? '654321' : '123456';
    const page = await client.postForm('/auth/second-factor', { code: wrongCode });
    expect(page.status).toBe(400);
    expect(decodeHtml(page.body)).toContain(translation('en', 'security:errors.codeInvalid'));
    expect(await sessionAal(person.userId)).toEqual(['aal1']);
  });

  test('a code that was used once is refused the second time, even on another device', async () => {
    const person = await organizer();
    const secret = await giveVerifiedFactor(running.database.sql, person.userId);
    const step = currentStep();
    const first = await signedInAt(person);
    expect((await first.postForm('/auth/second-factor', { code: totpCode(secret, step) })).status).toBe(302);

    const second = await signedInAt(person);
    const replay = await second.postForm('/auth/second-factor', { code: totpCode(secret, step) });
    expect(replay.status).toBe(400);
    expect(decodeHtml(replay.body)).toContain(translation('en', 'security:errors.codeInvalid'));
    // The next code (the window allows one step ahead) still works.
    expect((await second.postForm('/auth/second-factor', { code: totpCode(secret, step + 1) })).status).toBe(302);
  });

  test('five wrong codes end the session', async () => {
    const person = await organizer();
    const secret = await giveVerifiedFactor(running.database.sql, person.userId);
    const client = await signedInAt(person);
    const valid = new Set([-1, 0, 1].map((offset) => codeFor(secret, offset)));
    const wrong = ['000000', '111111', '222222', '333333', '444444', '555555', '666666', '777777'].filter((code) => !valid.has(code));
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await client.postForm('/auth/second-factor', { code: wrong[attempt]! })).status).toBe(400);
    }
    const last = await client.postForm('/auth/second-factor', { code: wrong[5]! });
    expect(last.location).toBe('/sign-in?ended=second-factor');
    expect(await sessionAal(person.userId)).toEqual([]);
    expect(decodeHtml((await client.get(last.location!)).body)).toContain(translation('en', 'security:errors.tooManyAttempts'));
    // Not even the right code helps now: the session is gone.
    expect((await client.postForm('/auth/second-factor', { code: codeFor(secret) })).location).toMatch(/^\/sign-in/);
  });

  test('a magic link also leads an organizer to the code page', async () => {
    const person = await organizer();
    await giveVerifiedFactor(running.database.sql, person.userId);
    const client = createClient(running.app.url);
    await client.postForm('/magic-link', { email: person.email });
    const [mail] = await running.database.sql`
      select body_text from app.mail_outbox where lower(to_address) = lower(${person.email}) order by id desc limit 1`;
    const link = new URL(/https?:\/\/\S+/.exec(mail!.body_text as string)![0]);
    const confirm = await client.get(`${link.pathname}${link.search}`);
    const follow = await client.postForm(`${link.pathname}${link.search}`, inputValues(confirm.body));
    expect(follow.location).toBe('/auth/second-factor?redirectTo=%2Faccount');
    expect(await sessionAal(person.userId)).toEqual(['aal1']);
  });

  test('removing the factor needs a current code, and leaves the session at aal1', async () => {
    const person = await organizer();
    const secret = await giveVerifiedFactor(running.database.sql, person.userId);
    const step = currentStep();
    const client = await signedInAt(person);
    expect((await client.postForm('/auth/second-factor', { code: totpCode(secret, step) })).status).toBe(302);
    const [factor] = await running.database.sql`select id from auth.mfa_factors where user_id = ${person.userId}`;
    const refused = await client.postForm('/account/security', { intent: 'remove', factorId: factor!.id, code: totpCode(secret, step) });
    expect(refused.status).toBe(400);
    const removed = await client.postForm('/account/security', { intent: 'remove', factorId: factor!.id, code: totpCode(secret, step + 1) });
    expect(removed.location).toBe('/account/security?removed=1');
    expect(await sessionAal(person.userId)).toEqual(['aal1']);
  });
});

describe('powers in the database', () => {
  test('an organizer at aal1 has no power; the same organizer at aal2 has', async () => {
    const person = await organizer();
    const power = async (aal: 'aal1' | 'aal2') => {
      const [row] = await running.database.db.asUser({ ...person, aal }, (tx) => tx`select app.has_power('organizer') as power`);
      return row?.power as boolean;
    };
    expect(await power('aal1')).toBe(false);
    expect(await power('aal2')).toBe(true);
  });

  test('every app function that looks at the organizer or admin role also asks for the second factor', async () => {
    const unguarded = await running.database.sql`
      select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'app' and p.proname not in ('has_power', 'has_role')
        and p.prosrc ~ 'has_role\\(\\s*''(organizer|admin)''' and p.prosrc !~ 'has_power'
      order by 1`;
    // Known, and not powers: can_see_part shows profile parts opened "to organizers" (still on
    // has_role, see the report on issue 4 point 2); apply_to_be_organizer only refuses someone
    // who already is one.
    const known = ['apply_to_be_organizer', 'can_see_part'];
    expect(unguarded.map((row) => row.proname).filter((name) => !known.includes(name))).toEqual([]);
  });

  test('the second-factor tables answer nobody but the system', async () => {
    const person = await organizer();
    for (const table of ['second_factor_steps', 'second_factor_failures']) {
      await expect(
        running.database.db.asUser({ ...person, aal: 'aal2' }, (tx) => tx`select * from ${tx(`app.${table}`)}`),
      ).rejects.toThrow(/permission denied/);
    }
  });
});
