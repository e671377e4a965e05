// Supabase mode over HTTP, for the integration tests: the real server (build/ + server/index.ts)
// against the fake Supabase Auth and a database cloned from the migrated template, plus a tiny
// cookie-jar client that behaves like a browser submitting forms (no JavaScript).
import { createTestDatabase, type TestDatabase } from './database';
import { startApp, type AppServer } from './app-server';
import type { FakeMail, FakeSupabaseAuthOptions } from './fake-supabase-auth';
import { startFakeSupabase, type FakeSupabase } from './fake-supabase-storage';

export type SupabaseMode = {
  t: TestDatabase;
  fake: FakeSupabase;
  app: AppServer;
  browser(): Browser;
  /** The newest mail the fake sent to `to` (and of `type`, if given). */
  lastMail(to: string, type?: FakeMail['type']): FakeMail | undefined;
  /** The link our mail templates (supabase/templates/) build, as a path: `/auth/confirm?token_hash=…&type=email|recovery|magiclink`. */
  linkOf(mail: FakeMail): string;
  stop(): Promise<void>;
};

export async function startSupabaseMode(
  options: { env?: Record<string, string>; fake?: Omit<FakeSupabaseAuthOptions, 'sql'> } = {},
): Promise<SupabaseMode> {
  const t = await createTestDatabase();
  // Auth and Storage on one base URL, as SUPABASE_URL is on a real project.
  const fake = await startFakeSupabase({ ...options.fake, sql: t.sql });
  let app: AppServer;
  try {
    app = await startApp({ env: { DATABASE_URL: t.url, SUPABASE_URL: fake.url, SUPABASE_ANON_KEY: fake.anonKey, ...options.env } });
  } catch (error) {
    await fake.close();
    await t.drop();
    throw error;
  }
  return {
    t,
    fake,
    app,
    browser: () => new Browser(app.url),
    lastMail: (to, type) => [...fake.mails].reverse().find((m) => m.to === to && (!type || m.type === type)),
    linkOf(mail) {
      const target = new URL(mail.redirectTo ?? `${app.url}/auth/confirm`);
      target.searchParams.set('token_hash', mail.tokenHash);
      target.searchParams.set('type', mail.type === 'signup' ? 'email' : mail.type);
      return `${target.pathname}${target.search}`;
    },
    async stop() {
      await app.stop();
      await fake.close();
      await t.drop();
    },
  };
}

export type Page = {
  status: number;
  /** Path (with query) of the last response, after redirects. */
  path: string;
  html: string;
  /** The visible words of the page: scripts and tags removed, whitespace collapsed. */
  text: string;
  /** Every Set-Cookie header received on the way, redirects included. */
  setCookies: string[];
  /** Each hop: status and Location. */
  hops: Array<{ status: number; location: string | null }>;
};

/** A browser without JavaScript: a cookie jar, manual redirects, English, same-origin form posts. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  get(path: string) {
    return this.send('GET', path);
  }

  post(path: string, form: Record<string, string>) {
    return this.send('POST', path, new URLSearchParams(form));
  }

  /** Another browser holding a copy of this one's cookies (a stolen or stale cookie jar). */
  clone(): Browser {
    const copy = new Browser(this.base);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  private async send(method: 'GET' | 'POST', path: string, body?: URLSearchParams): Promise<Page> {
    const setCookies: string[] = [];
    const hops: Page['hops'] = [];
    let [currentMethod, currentPath, currentBody] = [method as string, path, body];
    for (let hop = 0; hop < 10; hop++) {
      const headers: Record<string, string> = { 'accept-language': 'en', accept: 'text/html' };
      if (this.cookies.size) headers.cookie = [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
      if (currentMethod === 'POST') {
        headers.origin = this.base;
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const response = await fetch(new URL(currentPath, this.base), {
        method: currentMethod, headers, body: currentBody, redirect: 'manual',
      });
      const received = response.headers.getSetCookie();
      setCookies.push(...received);
      for (const line of received) this.store(line);
      const location = response.headers.get('location');
      hops.push({ status: response.status, location });
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        const next = new URL(location, new URL(currentPath, this.base));
        [currentMethod, currentPath, currentBody] = ['GET', `${next.pathname}${next.search}`, undefined];
        continue;
      }
      const html = await response.text();
      return { status: response.status, path: currentPath, html, text: visibleText(html), setCookies, hops };
    }
    throw new Error(`Too many redirects from ${method} ${path}`);
  }

  private store(line: string) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const maxAge = attribute('max-age');
    const expires = attribute('expires');
    const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The attributes of a Set-Cookie line, lower-cased names: `{ httponly: '', samesite: 'Lax', path: '/' }`. */
export function cookieAttributes(line: string): { name: string; attributes: Record<string, string> } {
  const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
  const attributes: Record<string, string> = {};
  for (const part of rest) {
    const at = part.indexOf('=');
    if (at < 0) attributes[part.toLowerCase()] = '';
    else attributes[part.slice(0, at).toLowerCase()] = part.slice(at + 1);
  }
  return { name: pair.slice(0, pair.indexOf('=')), attributes };
}

/** The session supabase-js keeps in the auth cookie (possibly chunked, `base64-`-encoded). */
export function readSessionCookie(browser: Browser): { name: string; session: Record<string, unknown> } {
  const names = [...browser.cookies.keys()].filter((n) => /^sb-.+-auth-token(\.\d+)?$/.test(n)).sort();
  if (!names.length) throw new Error('no Supabase auth cookie in the jar');
  const name = names[0]!.replace(/\.\d+$/, '');
  const raw = names.map((n) => decodeURIComponent(browser.cookies.get(n)!)).join('');
  const json = raw.startsWith('base64-') ? Buffer.from(raw.slice(7), 'base64url').toString('utf8') : raw;
  return { name, session: JSON.parse(json) as Record<string, unknown> };
}

/** Puts a (changed) session back into the jar, in one cookie, the way supabase-js would read it. */
export function writeSessionCookie(browser: Browser, name: string, session: Record<string, unknown>) {
  for (const key of [...browser.cookies.keys()]) if (key === name || key.startsWith(`${name}.`)) browser.cookies.delete(key);
  browser.cookies.set(name, `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`);
}
