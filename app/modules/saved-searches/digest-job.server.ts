import { isLanguage } from '~/i18n/config';
import type { DirectoryFilters } from '~/modules/directory/directory-model';
import type { Sql } from '~/platform/db/client.server';
import type { Job } from '~/platform/jobs/job';
import { enqueueDigestMail, type ShownCount } from './digest-mail.server';

/**
 * The saved-search digest, as a job. For each organizer whose digest is due (still an organizer,
 * with a verified second factor, last digest ≥ 20 hours ago; app.organizers_due_for_digest), one
 * transaction takes the counts (app.take_saved_search_digest: moves last_digest_at, writes the
 * audit rows) and puts one mail in the outbox — all or nothing, so a second run sends nothing
 * and a crash half-way sends nothing twice. One organizer's failure is logged and does not stop
 * the others; they are tried again on the next run.
 */

export const SAVED_SEARCH_DIGEST_JOB = 'saved-search-digest';

export function savedSearchDigestJob(options: { appUrl: string }): Job {
  return {
    name: SAVED_SEARCH_DIGEST_JOB,
    // Hourly: each organizer is mailed at most once a day (the 20-hour rule lives in SQL).
    everyMs: 60 * 60 * 1000,
    async run({ sql, log }) {
      const sent = await sendSavedSearchDigests(sql, { appUrl: options.appUrl, log });
      if (sent > 0) log(`${SAVED_SEARCH_DIGEST_JOB}: ${sent} mail(s) queued`);
    },
  };
}

/** Queues the due digests; returns how many mails went into the outbox. */
export async function sendSavedSearchDigests(sql: Sql, options: { appUrl: string; log: (line: string) => void }): Promise<number> {
  const due = await sql`select app.organizers_due_for_digest() as organizer`;
  let sent = 0;
  let failed = 0;
  for (const { organizer } of due) {
    try {
      if (await sendOneDigest(sql, organizer as string, options.appUrl)) sent += 1;
    } catch (error) {
      failed += 1;
      // The organizer's id only: never their address (logs are data too).
      options.log(`${SAVED_SEARCH_DIGEST_JOB}: organizer ${organizer as string}: ${(error as Error).message}`);
    }
  }
  if (failed > 0) throw new Error(`${failed} digest(s) could not be sent; they are tried again on the next run`);
  return sent;
}

async function sendOneDigest(sql: Sql, organizer: string, appUrl: string): Promise<boolean> {
  return sql.begin(async (tx) => {
    const rows = await tx`select * from app.take_saved_search_digest(${organizer}::uuid)`;
    if (rows.length === 0) return false;
    const language = isLanguage(rows[0]!.language) ? rows[0]!.language : 'be';
    await enqueueDigestMail(tx, {
      to: rows[0]!.email as string,
      language,
      appUrl,
      entries: rows.map((row) => ({
        name: row.name as string,
        filters: row.filters as DirectoryFilters,
        newMatches: row.new_matches as ShownCount,
      })),
    });
    return true;
  }) as Promise<boolean>;
}
