// Supabase MFA (TOTP) for the fake Supabase Auth (fake-supabase-auth.ts), after supabase/auth's
// internal/api/mfa.go as supabase-js (auth-js GoTrueClient `mfa.*`) calls it:
//   POST   /factors                {factor_type:'totp', friendly_name, issuer} → {id, type, friendly_name, totp:{qr_code, secret, uri}}
//   POST   /factors/{id}/challenge                                           → {id, type, expires_at}
//   POST   /factors/{id}/verify    {challenge_id, code}                      → a session (aal2, amr + totp)
//   DELETE /factors/{id}                                                     → {id}
//   GET    /user                   … plus `factors` (omitted while there are none)
// Defaults of a hosted project: challenges live 300 s, unverified factors expire after 300 s, at
// most 10 factors. The session's aal is kept here; tokens the fake issues for an aal2 session are
// re-signed with `aal: 'aal2'` (refreshes included). Not modelled: rate limits, IP checks, phone
// and WebAuthn factors.
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { generateTotpSecret, matchTotp, otpauthUri } from '../../app/platform/auth/totp.server';
import { fail, signJwt, verifyJwt, type Json, type Session, type User } from './fake-supabase-auth-model';

export type FakeFactor = {
  id: string; userId: string; friendlyName: string; secret: string; status: 'unverified' | 'verified';
  createdAt: Date; updatedAt: Date; lastChallengedAt: Date | null;
};
type Route = (method: string, path: string, q: URLSearchParams, b: Json, h: Record<string, string>) => Promise<[number, unknown]>;
type Deps = {
  jwtSecret: string;
  now: () => number;
  authenticate(h: Record<string, string>): { user: User; session: Session | undefined; claims: Json };
  tokens(u: User, s: Session): Json;
  rotate(s: Session): void;
};

const CHALLENGE_LIFETIME_MS = 300_000; // GOTRUE_MFA_CHALLENGE_EXPIRY_DURATION
const FACTOR_EXPIRY_MS = 300_000; // GOTRUE_MFA_FACTOR_EXPIRY_DURATION (unverified factors)
const MAX_FACTORS = 10; // GOTRUE_MFA_MAX_ENROLLED_FACTORS

export function fakeSupabaseMfa(deps: Deps) {
  const factors = new Map<string, FakeFactor>();
  const challenges = new Map<string, { id: string; factorId: string; createdAt: number }>();
  /** Sessions lifted to aal2, and by which factor. */
  const aal2 = new Map<string, string>();
  const at = () => new Date(deps.now());

  const factorsOf = (userId: string) => [...factors.values()].filter((f) => f.userId === userId);
  const factorJson = (f: FakeFactor) => ({
    id: f.id, friendly_name: f.friendlyName, factor_type: 'totp', status: f.status,
    created_at: f.createdAt.toISOString(), updated_at: f.updatedAt.toISOString(),
    ...(f.lastChallengedAt ? { last_challenged_at: f.lastChallengedAt.toISOString() } : {}),
  });

  function signedIn(h: Record<string, string>) {
    const { user, session } = deps.authenticate(h);
    if (!session) throw fail(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return { user, session };
  }
  function ownFactor(user: User, id: string) {
    const factor = factors.get(id);
    if (!factor || factor.userId !== user.id) throw fail(404, 'mfa_factor_not_found', 'Factor not found');
    return factor;
  }

  async function enrol(b: Json, h: Record<string, string>): Promise<[number, unknown]> {
    const { user, session } = signedIn(h);
    if (b.factor_type !== 'totp') throw fail(400, 'validation_failed', 'factor_type needs to be totp, phone or webauthn');
    for (const f of factors.values()) {
      if (f.status === 'unverified' && deps.now() - f.createdAt.getTime() > FACTOR_EXPIRY_MS) factors.delete(f.id);
    }
    const mine = factorsOf(user.id);
    if (mine.length >= MAX_FACTORS) throw fail(422, 'too_many_enrolled_mfa_factors', 'Maximum number of verified factors reached, unenroll to continue');
    if (mine.some((f) => f.status === 'verified') && !aal2.has(session.id)) throw fail(403, 'insufficient_aal', 'AAL2 required to enroll a new factor');
    const friendlyName = typeof b.friendly_name === 'string' ? b.friendly_name : '';
    if (friendlyName.trim() && mine.some((f) => f.friendlyName === friendlyName)) {
      throw fail(422, 'mfa_factor_name_conflict', `A factor with the friendly name "${friendlyName}" for this user already exists`);
    }
    const issuer = typeof b.issuer === 'string' && b.issuer ? b.issuer : 'localhost';
    const secret = generateTotpSecret();
    const uri = otpauthUri(secret, { issuer, account: user.email });
    const factor: FakeFactor = {
      id: randomUUID(), userId: user.id, friendlyName, secret, status: 'unverified', createdAt: at(), updatedAt: at(), lastChallengedAt: null,
    };
    factors.set(factor.id, factor);
    const svg = await QRCode.toString(uri, { type: 'svg' });
    return [200, { id: factor.id, type: 'totp', friendly_name: friendlyName, totp: { qr_code: svg, secret, uri } }];
  }

  function challenge(id: string, h: Record<string, string>): [number, unknown] {
    const { user } = signedIn(h);
    const factor = ownFactor(user, id);
    const created = { id: randomUUID(), factorId: factor.id, createdAt: deps.now() };
    challenges.set(created.id, created);
    factor.lastChallengedAt = at();
    return [200, { id: created.id, type: 'totp', expires_at: Math.floor((created.createdAt + CHALLENGE_LIFETIME_MS) / 1000) }];
  }

  function verify(id: string, b: Json, h: Record<string, string>): [number, unknown] {
    const { user, session } = signedIn(h);
    const factor = ownFactor(user, id);
    const found = typeof b.challenge_id === 'string' ? challenges.get(b.challenge_id) : undefined;
    if (!found || found.factorId !== factor.id) throw fail(422, 'mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
    if (deps.now() > found.createdAt + CHALLENGE_LIFETIME_MS) {
      challenges.delete(found.id);
      throw fail(422, 'mfa_challenge_expired', `MFA challenge ${found.id} has expired, verify against another challenge or create a new challenge.`);
    }
    const code = typeof b.code === 'string' ? b.code : '';
    if (matchTotp(factor.secret, code, { now: deps.now() }) === null) throw fail(422, 'mfa_verification_failed', 'Invalid TOTP code entered');
    challenges.delete(found.id);
    factor.status = 'verified';
    factor.updatedAt = at();
    aal2.set(session.id, factor.id);
    session.amr = [{ method: 'totp', timestamp: Math.floor(deps.now() / 1000) }, ...session.amr.filter((m) => m.method !== 'totp')];
    deps.rotate(session);
    return [200, deps.tokens(user, session)];
  }

  function unenrol(id: string, h: Record<string, string>): [number, unknown] {
    const { user, session } = signedIn(h);
    const factor = ownFactor(user, id);
    if (factor.status === 'verified' && !aal2.has(session.id)) throw fail(422, 'insufficient_aal', 'AAL2 required to unenroll verified factor');
    factors.delete(factor.id);
    for (const [sid, fid] of aal2) if (fid === factor.id) aal2.delete(sid); // DowngradeSessionsToAAL1
    return [200, { id: factor.id }];
  }

  /** Access tokens of aal2 sessions say so; users carry their factors. */
  function decorate(payload: unknown): unknown {
    if (typeof payload !== 'object' || payload === null) return payload;
    const p = payload as Json;
    if (typeof p.access_token === 'string') {
      const result = verifyJwt(p.access_token, deps.jwtSecret, 0);
      const sid = 'claims' in result ? result.claims.session_id : undefined;
      const access_token = typeof sid === 'string' && aal2.has(sid) && 'claims' in result
        ? signJwt({ ...result.claims, aal: 'aal2' }, deps.jwtSecret)
        : p.access_token;
      return { ...p, access_token, user: decorate(p.user) };
    }
    if (typeof p.id === 'string' && p.aud === 'authenticated') {
      const mine = factorsOf(p.id);
      return mine.length ? { ...p, factors: mine.map(factorJson) } : p;
    }
    return payload;
  }

  return {
    /** Wraps the fake's router: serves /factors, and decorates every answer (aal2 tokens, users' factors). */
    async route(next: Route, method: string, path: string, q: URLSearchParams, b: Json, h: Record<string, string>): Promise<[number, unknown]> {
      const [, id, action] = /^\/factors(?:\/([^/]+))?(?:\/(challenge|verify))?$/.exec(path) ?? [];
      const [status, payload] =
        method === 'POST' && path === '/factors' ? await enrol(b, h)
        : method === 'POST' && id && action === 'challenge' ? challenge(id, h)
        : method === 'POST' && id && action === 'verify' ? verify(id, b, h)
        : method === 'DELETE' && id && !action ? unenrol(id, h)
        : await next(method, path, q, b, h);
      return [status, decorate(payload)];
    },
  };
}
