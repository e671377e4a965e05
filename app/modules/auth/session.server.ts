import { redirect } from '@remix-run/node';
import type { Identity, RoleName } from '~/platform/db/client.server';
import { oncePerRequest, queueCookies } from '~/platform/request-context.server';
import { runtime } from '~/platform/runtime.server';

/**
 * Who is asking, with the roles kept in app.user_roles (read as that user, under RLS). Looked up
 * once per HTTP request however many loaders ask; cookies the provider refreshes on the way are
 * queued for the response (see request-context.server.ts). Guards throw: the happy path of a
 * loader reads straight down.
 */

export function getCurrentUser(request: Request): Promise<Identity | null> {
  return oncePerRequest('current-user', () => loadCurrentUser(request));
}

async function loadCurrentUser(request: Request): Promise<Identity | null> {
  const { identity, headers } = await runtime().auth.getIdentity(request);
  queueCookies(headers);
  if (!identity) return null;
  return withRoles(identity);
}

/** The identity with its roles, read as that person under RLS. */
export async function withRoles(identity: Pick<Identity, 'userId' | 'email' | 'aal'>): Promise<Identity> {
  const roles = await runtime().db.asUser(identity, async (tx) => {
    const rows = await tx`select role from app.user_roles where user_id = auth.uid() order by role`;
    return rows.map((row) => row.role as RoleName);
  });
  return { ...identity, roles };
}

/** Organizer and admin powers need a second factor (T4); the database checks it again. */
export function needsSecondFactor(identity: Pick<Identity, 'roles' | 'aal'>) {
  return identity.aal !== 'aal2' && identity.roles.some((role) => role === 'organizer' || role === 'admin');
}

/**
 * For organizer and admin pages: the person must hold the role (else 403) and have given their
 * second factor in this session (else they are sent to give it, and come back).
 */
export async function requirePower(request: Request, role: Extract<RoleName, 'organizer' | 'admin'>): Promise<Identity> {
  const identity = await requireUser(request);
  if (!identity.roles.includes(role)) throw new Response('Forbidden', { status: 403 });
  if (identity.aal !== 'aal2') {
    const url = new URL(request.url);
    throw redirect(`/auth/second-factor?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`);
  }
  return identity;
}

export async function requireUser(request: Request): Promise<Identity> {
  const identity = await getCurrentUser(request);
  if (!identity) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
    throw redirect(`/sign-in?${params}`);
  }
  return identity;
}

export async function requireAnonymous(request: Request) {
  if (await getCurrentUser(request)) throw redirect('/account');
}

/** Only same-site paths: a redirect parameter must never send someone to another site. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = '/account') {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
    return fallback;
  }
  // A Location header cannot carry control characters, and Node refuses raw non-ASCII (a 500):
  // drop the former, let URL percent-encode the latter.
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  const base = 'http://talaka.invalid';
  const url = new URL(target, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
