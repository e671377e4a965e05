import { readFileSync } from 'node:fs';
import type { Sql } from '../../app/platform/db/client.server';
import { TEST_PASSWORD } from './factories';

/**
 * Talks to the app the way a browser without JavaScript does: plain GETs and form POSTs from our
 * own origin, redirects not followed (the test reads Location), cookies kept in a small jar.
 * Each `createClient` is one browser (one device); two clients never share cookies.
 */

/** Named fields, or a raw body sent as it is (for malformed input). */
export type FormFields = Record<string, string> | Array<[string, string]> | string;

export type HttpClient = {
  readonly origin: string;
  get(path: string, init?: { headers?: Record<string, string> }): Promise<Page>;
  postForm(path: string, fields: FormFields, init?: { headers?: Record<string, string> }): Promise<Page>;
  /** The cookie's value in the jar, or undefined. */
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string): void;
  deleteCookie(name: string): void;
};

export type Page = {
  status: number;
  headers: Headers;
  /** Where a redirect points, as a path on our site when it is one (`/account`), else the full URL. */
  location: string | null;
  body: string;
  /** The raw Set-Cookie lines of this response. */
  setCookies: string[];
};

export function createClient(appUrl: string, options: { headers?: Record<string, string> } = {}): HttpClient {
  const origin = new URL(appUrl).origin;
  const jar = new Map<string, string>();

  async function send(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Page> {
    const cookieHeader = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(path, origin), {
      ...init,
      redirect: 'manual',
      headers: { ...options.headers, ...(cookieHeader ? { Cookie: cookieHeader } : {}), ...init.headers },
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) storeCookie(jar, line);
    return {
      status: response.status,
      headers: response.headers,
      location: relativeLocation(response.headers.get('location'), origin),
      body: await response.text(),
      setCookies,
    };
  }

  return {
    origin,
    get: (path, init = {}) => send(path, { method: 'GET', headers: init.headers }),
    postForm: (path, fields, init = {}) =>
      send(path, {
        method: 'POST',
        body: typeof fields === 'string' ? fields : new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...init.headers },
      }),
    cookie: (name) => jar.get(name),
    setCookie: (name, value) => void jar.set(name, value),
    deleteCookie: (name) => void jar.delete(name),
  };
}

function storeCookie(jar: Map<string, string>, line: string) {
  const [pair = '', ...attributes] = line.split(';');
  const separator = pair.indexOf('=');
  if (separator < 1) return;
  const name = pair.slice(0, separator).trim();
  const value = pair.slice(separator + 1).trim();
  const expired = attributes.some((attribute) => {
    const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim());
    if (/^max-age$/i.test(key)) return Number(setting) <= 0;
    if (/^expires$/i.test(key)) return Date.parse(setting) <= Date.now();
    return false;
  });
  if (expired || value === '') jar.delete(name);
  else jar.set(name, value);
}

function relativeLocation(location: string | null, origin: string) {
  if (location === null) return null;
  const target = new URL(location, origin);
  return target.origin === origin ? `${target.pathname}${target.search}` : target.href;
}

/** The attributes of one Set-Cookie line, lower-cased names: `{ httponly: '', samesite: 'Lax', … }`. */
export function cookieAttributes(line: string): Record<string, string> {
  const [, ...attributes] = line.split(';');
  return Object.fromEntries(
    attributes.map((attribute) => {
      const [key = '', ...value] = attribute.split('=');
      return [key.trim().toLowerCase(), value.join('=').trim()];
    }),
  );
}

// -------------------------------------------------------------------------------------
// Reading pages
// -------------------------------------------------------------------------------------

/** The page's text with HTML entities decoded, so translated strings can be compared as written. */
export function decodeHtml(html: string) {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** `<input name value>` pairs of the page, as a browser would submit them (hidden ones included). */
export function inputValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined) continue;
    values[decodeHtml(name)] = decodeHtml(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  return values;
}

/** The `lang` of the page's `<html>` element. */
export function htmlLang(html: string) {
  return /<html\b[^>]*\slang="([^"]*)"/.exec(html)?.[1];
}

// -------------------------------------------------------------------------------------
// The mail outbox
// -------------------------------------------------------------------------------------

export type OutboxMail = { id: number; template: string; locale: string; subject: string; text: string; link: string | null };

/** The newest mail to an address, or undefined when there is none. */
export async function latestMail(sql: Sql, address: string): Promise<OutboxMail | undefined> {
  const [row] = await sql`
    select id, template, locale, subject, body_text from app.mail_outbox
    where lower(to_address) = lower(${address}) order by id desc limit 1`;
  if (!row) return undefined;
  const text = row.body_text as string;
  return { id: Number(row.id), template: row.template, locale: row.locale, subject: row.subject, text, link: extractLink(text) };
}

export async function countMails(sql: Sql, address: string): Promise<number> {
  const [row] = await sql`select count(*)::int as count from app.mail_outbox where lower(to_address) = lower(${address})`;
  return row!.count as number;
}

/** The first http(s) link of a mail's text. */
export function extractLink(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}

/** A link from a mail as a path on our site (`/auth/confirm?token_hash=…`), for `client.get`. */
export function linkPath(link: string) {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

// -------------------------------------------------------------------------------------
// Expected texts
// -------------------------------------------------------------------------------------

const catalogues = new Map<string, Record<string, unknown>>();

/** A string from public/locales, e.g. `translation('pl', 'auth:errors.invalidCredentials')`. */
export function translation(language: 'be' | 'en' | 'pl', key: string): string {
  const [namespace, path] = key.includes(':') ? (key.split(':') as [string, string]) : ['common', key];
  const file = `public/locales/${language}/${namespace}.json`;
  if (!catalogues.has(file)) catalogues.set(file, JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  const value = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues.get(file));
  if (typeof value !== 'string') throw new Error(`No string ${key} in ${file}`);
  return value;
}

/** A client signed in as `email` (password: the factories' TEST_PASSWORD unless given). */
export async function signInAs(
  appUrl: string,
  email: string,
  options: { language?: 'be' | 'en' | 'pl'; password?: string } = {},
): Promise<HttpClient> {
  const client = createClient(appUrl, options.language ? { headers: { 'Accept-Language': options.language } } : {});
  const page = await client.postForm('/sign-in', { email, password: options.password ?? TEST_PASSWORD });
  if (page.status !== 302) throw new Error(`signing in as ${email} answered ${page.status}, not a redirect`);
  return client;
}
