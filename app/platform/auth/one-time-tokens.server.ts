import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../db/client.server';

/**
 * Confirmation, recovery and magic-link tokens. The link carries the token; the database keeps
 * only its SHA-256, so a copy of the database cannot sign anyone in. One live token per user and
 * kind (a new request replaces the old one); each is used once and lives one hour.
 */

export type TokenKind = 'confirmation_token' | 'recovery_token';
export const TOKEN_LIFETIME_MINUTES = 60;

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(tx: Tx, userId: string, kind: TokenKind, email: string) {
  const token = randomBytes(32).toString('base64url');
  await tx`
    insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
    values (gen_random_uuid(), ${userId}, ${kind}, ${hashToken(token)}, ${email})
    on conflict (user_id, token_type) do update
      set token_hash = excluded.token_hash, relates_to = excluded.relates_to,
          created_at = now(), updated_at = now()`;
  return token;
}

/** Deletes the token and returns its user, or null when it is unknown, used or expired. */
export async function consumeToken(tx: Tx, token: string, kind: TokenKind): Promise<string | null> {
  const [row] = await tx`
    delete from auth.one_time_tokens
    where token_hash = ${hashToken(token)} and token_type = ${kind}
    returning user_id, created_at > now() - make_interval(mins => ${TOKEN_LIFETIME_MINUTES}) as fresh`;
  return row?.fresh ? (row.user_id as string) : null;
}
