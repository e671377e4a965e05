import { isAuthApiError } from '@supabase/supabase-js';
import { supportedLanguages } from '~/i18n/config';
import { verifyPassword } from '~/platform/auth/passwords.server';
import type { Identity, Tx } from '~/platform/db/client.server';
import { translator } from '~/platform/i18n.server';
import { runtime } from '~/platform/runtime.server';
import { createSupabaseServerClient, type SupabaseServerOptions } from '~/platform/supabase/server-client.server';

/**
 * "Delete my account": the stored files first, through the storage adapter as the member, then
 * every row about the member in one transaction through the system handle, then sign-out.
 * It fails closed: a file that cannot be removed stops everything before the database is
 * touched, and a failing statement rolls the whole transaction back. See
 * docs/decisions/009-erasure.md.
 */

/** Translation keys (namespace `account`) for why nothing was deleted. */
export type DeleteAccountError = 'errors.wrongPassword' | 'errors.filesNotRemoved' | 'errors.notDeleted';

export type DeleteAccountOutcome = { ok: true; headers: Headers } | { ok: false; error: DeleteAccountError };

export async function deleteAccount(request: Request, identity: Identity, password: string): Promise<DeleteAccountOutcome> {
  const check = await checkPassword(identity, password);
  if (check !== 'right') return { ok: false, error: check === 'wrong' ? 'errors.wrongPassword' : 'errors.notDeleted' };
  if (!(await removeStoredFiles(request, identity))) return { ok: false, error: 'errors.filesNotRemoved' };
  try {
    await runtime().db.system.begin((tx) => deleteEverythingAbout(tx, identity));
  } catch (error) {
    console.error(`Account erasure rolled back: ${describe(error)}`);
    return { ok: false, error: 'errors.notDeleted' };
  }
  return { ok: true, headers: await clearSession(request) };
}

/** The sessions went with the user; this clears the cookies in the browser. */
async function clearSession(request: Request) {
  try {
    return await runtime().auth.signOut(request, { everywhere: true });
  } catch (error) {
    // The account is gone either way; a cookie left behind names a session that no longer exists.
    console.error(`Account erased, but signing out failed: ${describe(error)}`);
    return new Headers();
  }
}

/** Logs are data too: an error's kind, never its message (it may hold a path with the user's id). */
function describe(error: unknown) {
  const { name, code, table_name, constraint_name } = (error ?? {}) as Record<string, string | undefined>;
  return [name ?? 'unknown error', code, table_name, constraint_name].filter(Boolean).join(' ');
}

/** The word that confirms the deletion, in every language (the page may change language). */
export async function confirmationWords(): Promise<string[]> {
  return Promise.all(supportedLanguages.map(async (language) => (await translator(language, 'account'))('delete.confirmWord')));
}

// -------------------------------------------------------------------------------------
// Re-entering the password
// -------------------------------------------------------------------------------------

type PasswordCheck = 'right' | 'wrong' | 'unavailable';

async function checkPassword(identity: Identity, password: string): Promise<PasswordCheck> {
  const { config, db } = runtime();
  if (config.supabase) return checkPasswordWithSupabase({ ...config.supabase, appUrl: config.appUrl }, identity, password);
  const [user] = await db.system`select encrypted_password from auth.users where id = ${identity.userId}`;
  return (await verifyPassword(password, user?.encrypted_password)) ? 'right' : 'wrong';
}

/**
 * Supabase keeps the hash, so the only check is a sign-in. The client is built for a request
 * without cookies: it neither reads the member's session (nor refreshes it behind the
 * browser's back) nor sets one; the session the check opens is ended at once.
 */
async function checkPasswordWithSupabase(options: SupabaseServerOptions, identity: Identity, password: string): Promise<PasswordCheck> {
  const { supabase } = createSupabaseServerClient(options, new Request(options.appUrl));
  const { data, error } = await supabase.auth.signInWithPassword({ email: identity.email, password });
  if (error) return isAuthApiError(error) && error.code === 'invalid_credentials' ? 'wrong' : 'unavailable';
  await supabase.auth.admin.signOut(data.session.access_token, 'local');
  return data.user.id === identity.userId ? 'right' : 'wrong';
}

// -------------------------------------------------------------------------------------
// Files: removed as the member, so the storage policies apply (and, on Supabase, through
// the Storage API, which also deletes the bytes). Any file left over stops the erasure.
// -------------------------------------------------------------------------------------

async function removeStoredFiles(request: Request, identity: Identity): Promise<boolean> {
  const { db, storage } = runtime();
  const files = await db.asUser(
    identity,
    (tx) => tx`select bucket_id, name from storage.objects
               where (storage.foldername(name))[1] = (select auth.uid())::text
               order by bucket_id, name`,
  );
  if (files.length === 0) return true;
  if (!storage) return false;
  for (const file of files) {
    try {
      const removed = await storage.remove({ identity, request }, { bucket: file.bucket_id, path: file.name });
      if (!removed) return false;
    } catch (error) {
      console.error(`Account erasure stopped, a file could not be removed: ${describe(error)}`);
      return false;
    }
  }
  return true;
}

// -------------------------------------------------------------------------------------
// The rows, in one transaction. auth.users cascades to sessions, one-time tokens, second
// factors, the profile and its lists, contact channels, consents and roles; what does not
// reference the user (file rows, mails, Supabase's auth audit log) is deleted by hand.
// -------------------------------------------------------------------------------------

async function deleteEverythingAbout(tx: Tx, identity: Identity) {
  const id = identity.userId;
  const [user] = await tx`select email, email_change from auth.users where id = ${id} for update`;
  const addresses = [identity.email, user?.email, user?.email_change]
    .filter((address): address is string => typeof address === 'string' && address !== '')
    .map((address) => address.toLowerCase());

  const ownsObject = tx`(storage.foldername(name))[1] = ${id} or owner = ${id} or owner_id = ${id}`;
  if (runtime().config.supabase) {
    // Supabase refuses DELETE on storage.objects outside its Storage API; the files went
    // through it above, so nothing may be left.
    const [left] = await tx`select 1 from storage.objects where ${ownsObject} limit 1`;
    if (left) throw new Error('files are left in storage.objects after removal through the Storage API');
  } else {
    await tx`delete from storage.objects where ${ownsObject}`;
  }
  await tx`delete from app.mail_outbox where lower(to_address) in ${tx(addresses)}`;
  await deleteAuthAuditLog(tx, id, addresses);
  await tx`delete from auth.users where id = ${id}`;
}

/**
 * Supabase Auth logs sign-ins with the address in auth.audit_log_entries (not ours: absent in
 * local mode). If the project does not let `postgres` delete there, the log stays to Supabase's
 * own retention rather than keeping the whole account alive.
 */
async function deleteAuthAuditLog(tx: Tx, id: string, addresses: string[]) {
  const [log] = await tx`select to_regclass('auth.audit_log_entries') is not null as present`;
  if (!log?.present) return;
  try {
    await tx.savepoint(
      (sp) => sp`delete from auth.audit_log_entries
                 where payload ->> 'actor_id' = ${id} or lower(payload ->> 'actor_username') in ${sp(addresses)}`,
    );
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    console.warn('Account erasure: not allowed to delete from auth.audit_log_entries; left to Supabase retention.');
  }
}
