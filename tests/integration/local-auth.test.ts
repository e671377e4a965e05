import { describe, expect, test } from 'vitest';
import { createUser, TEST_PASSWORD } from '../support/factories';
import {
  countMails,
  createClient,
  decodeHtml,
  inputValues,
  latestMail,
  linkPath,
  translation,
  type HttpClient,
} from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The built-in identity provider over HTTP, as a browser without JavaScript uses it: sign-up,
 * the confirmation link, sign-in and the password rules. Sessions, sign-out, reset and magic links
 * are in local-auth-sessions.test.ts.
 */

const running = useSelfHostedApp();

const english = () => createClient(running.app.url, { headers: { 'Accept-Language': 'en' } });
const newAddress = () => `person-${crypto.randomUUID().slice(0, 8)}@example.org`;
const text = (body: string) => decodeHtml(body);
const PASSPHRASE = 'a long and unrelated passphrase';

async function signUp(client: HttpClient, email: string, password = PASSPHRASE) {
  const page = await client.postForm('/sign-up', { email, password });
  expect(page.status).toBe(200);
  const mail = await latestMail(running.database.sql, email);
  expect(mail?.link).toBeTruthy();
  return { page, mail: mail!, link: linkPath(mail!.link!) };
}

/** Opens a mail's link and presses its button, as a person does. */
async function followLink(client: HttpClient, link: string) {
  const landing = await client.get(link);
  expect(landing.status).toBe(200);
  return client.postForm(link, inputValues(landing.body));
}

async function tokenCount(email: string) {
  const [row] = await running.database.sql`
    select count(*)::int as count from auth.one_time_tokens o join auth.users u on u.id = o.user_id
    where u.email = ${email}`;
  return row!.count as number;
}

async function isConfirmed(email: string) {
  const [row] = await running.database.sql`select email_confirmed_at from auth.users where email = ${email}`;
  return row!.email_confirmed_at !== null;
}

describe('sign-up', () => {
  test('sends one confirmation mail per request, written in the language of the request', async () => {
    const polish = createClient(running.app.url, { headers: { 'Accept-Language': 'pl-PL,pl;q=0.9' } });
    const email = newAddress();
    const { page, mail } = await signUp(polish, email);

    expect(text(page.body)).toContain(translation('pl', 'auth:signUp.checkEmail'));
    expect(await countMails(running.database.sql, email)).toBe(1);
    expect(mail).toMatchObject({ template: 'confirm-signup', locale: 'pl', subject: translation('pl', 'mail:confirm-signup.subject') });
    expect(mail.link).toMatch(new RegExp(`^${running.app.url}/auth/confirm\\?token_hash=[\\w-]{40,}&type=signup&lng=pl$`));

    const belarusian = createClient(running.app.url);
    const other = newAddress();
    const second = await signUp(belarusian, other);
    expect(await countMails(running.database.sql, other)).toBe(1);
    expect(second.mail).toMatchObject({ locale: 'be', subject: translation('be', 'mail:confirm-signup.subject') });
  });

  test('an account cannot sign in before its address is confirmed', async () => {
    const client = english();
    const email = newAddress();
    await signUp(client, email);

    const page = await client.postForm('/sign-in', { email, password: PASSPHRASE });
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('en', 'auth:errors.emailNotConfirmed'));
    expect(client.cookie('talaka_session')).toBeUndefined();
  });
});

describe('the confirmation link', () => {
  test('opening it only shows a button: a mail scanner fetching it uses nothing up', async () => {
    const client = english();
    const email = newAddress();
    const { link } = await signUp(client, email);

    for (let i = 0; i < 2; i++) {
      const landing = await client.get(link);
      expect(landing.status).toBe(200);
      expect(text(landing.body)).toContain(translation('en', 'auth:confirm.submit'));
      expect(inputValues(landing.body)).toMatchObject({ type: 'signup', token_hash: new URL(link, running.app.url).searchParams.get('token_hash') });
    }
    expect(client.cookie('talaka_session')).toBeUndefined();
    expect(await tokenCount(email)).toBe(1);
    expect(await isConfirmed(email)).toBe(false);
  });

  test('pressing its button confirms the address, signs in and opens the account page', async () => {
    const client = english();
    const email = newAddress();
    const { link } = await signUp(client, email);

    const confirmed = await followLink(client, link);
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe('/account?welcome=1');
    expect(client.cookie('talaka_session')).toBeDefined();
    expect(await isConfirmed(email)).toBe(true);

    const account = await client.get(confirmed.location!);
    expect(account.status).toBe(200);
    expect(text(account.body)).toContain(translation('en', 'auth:account.welcome'));
    expect(text(account.body)).toContain(email);
  });

  test('works only once', async () => {
    const client = english();
    const { link } = await signUp(client, newAddress());
    const landing = await client.get(link);
    expect((await client.postForm(link, inputValues(landing.body))).status).toBe(302);

    const again = english();
    const replay = await again.postForm(link, inputValues(landing.body));
    expect(replay.status).toBe(400);
    expect(text(replay.body)).toContain(translation('en', 'auth:errors.linkInvalid'));
    expect(again.cookie('talaka_session')).toBeUndefined();
  });

  test('is refused once it is older than an hour', async () => {
    const client = english();
    const email = newAddress();
    const { link } = await signUp(client, email);
    await running.database.sql`
      update auth.one_time_tokens set created_at = now() - interval '61 minutes'
      where user_id = (select id from auth.users where email = ${email})`;

    const page = await followLink(client, link);
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('en', 'auth:errors.linkInvalid'));
    expect(client.cookie('talaka_session')).toBeUndefined();
    expect(await isConfirmed(email)).toBe(false);
  });
});

describe('sign-in', () => {
  test('a wrong password is refused with a translated message and no session cookie', async () => {
    const { email } = await createUser(running.database.sql);
    const client = english();
    const page = await client.postForm('/sign-in', { email, password: `${TEST_PASSWORD}!` });

    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('en', 'auth:errors.invalidCredentials'));
    expect(inputValues(page.body).email).toBe(email);
    expect(page.body.includes(TEST_PASSWORD), 'the password is in the page').toBe(false);
    expect(page.setCookies.filter((line) => line.startsWith('talaka_session='))).toEqual([]);
    expect((await client.get('/account')).status).toBe(302);
  });

  test('the account page shows the signed-in address', async () => {
    const { email } = await createUser(running.database.sql);
    const client = english();
    const signedIn = await client.postForm('/sign-in', { email, password: TEST_PASSWORD });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe('/account');

    const account = await client.get('/account');
    expect(account.status).toBe(200);
    expect(text(account.body)).toContain(translation('en', 'auth:account.title'));
    expect(text(account.body)).toContain(email);
  });
});

describe('passwords', () => {
  test('are stored as bcrypt hashes and appear nowhere in the database', async () => {
    const email = newAddress();
    await signUp(english(), email);

    const [user] = await running.database.sql`select id, encrypted_password from auth.users where email = ${email}`;
    expect(user!.encrypted_password).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
    const [found] = await running.database.sql`
      select count(*)::int as count from (
        select row_to_json(u)::text as row from auth.users u where u.id = ${user!.id}
        union all select row_to_json(o)::text from auth.one_time_tokens o where o.user_id = ${user!.id}
        union all select row_to_json(m)::text from app.mail_outbox m where m.to_address = ${email}
      ) rows where strpos(row, ${PASSPHRASE}) > 0`;
    expect(found!.count).toBe(0);
  });

  test('of 11 characters is refused with a translated message; the e-mail is kept, the password is not echoed', async () => {
    const email = newAddress();
    const password = 'elevenchars';
    const page = await english().postForm('/sign-up', { email, password });

    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('en', 'auth:validation.passwordTooShort'));
    expect(inputValues(page.body).email).toBe(email);
    expect(page.body.includes(password), 'the password is in the page').toBe(false);
    expect(await countMails(running.database.sql, email)).toBe(0);
  });

  // 36 Cyrillic letters are 72 bytes in UTF-8: the most bcrypt reads.
  const SEVENTY_TWO_BYTES = 'я'.repeat(36);

  test('of exactly 72 bytes is accepted and signs in', async () => {
    expect(Buffer.byteLength(SEVENTY_TWO_BYTES)).toBe(72);
    const client = english();
    const email = newAddress();
    const { link } = await signUp(client, email, SEVENTY_TWO_BYTES);
    await followLink(client, link);

    const signedIn = await english().postForm('/sign-in', { email, password: SEVENTY_TWO_BYTES });
    expect(signedIn.status).toBe(302);
  });

  test('of 73 bytes is refused with a translated message, and no account is made', async () => {
    const email = newAddress();
    const page = await english().postForm('/sign-up', { email, password: `${SEVENTY_TWO_BYTES}!` });

    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('en', 'auth:validation.passwordTooLong'));
    expect(await running.database.sql`select 1 from auth.users where email = ${email}`).toHaveLength(0);
  });

  test('are never truncated: the 72-byte password plus one more byte does not sign in', async () => {
    const client = english();
    const email = newAddress();
    const { link } = await signUp(client, email, SEVENTY_TWO_BYTES);
    await followLink(client, link);

    // bcrypt alone would ignore the 73rd byte and let this in.
    const page = await english().postForm('/sign-in', { email, password: `${SEVENTY_TWO_BYTES}!` });
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('en', 'auth:errors.invalidCredentials'));
  });
});
