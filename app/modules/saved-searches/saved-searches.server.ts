import type { JSONValue } from 'postgres';
import type { Language } from '~/i18n/config';
import type { DirectoryFilters } from '~/modules/directory/directory-model';
import { directoryHref } from '~/modules/directory/filters';
import { formatDate } from '~/modules/files/format.server';
import type { ReferenceOptions } from '~/modules/profiles/profile-model';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { summarizeFilters } from './filter-summary';
import { attempt, type SavedSearchFailure } from './saved-search-errors.server';
import type { SavedSearchSummary } from './saved-search-model';
import type { SavedSearchAction } from './saved-search-schemas';

/**
 * An organizer's own saved searches, through the definer functions of migration
 * 20261129020900 as the organizer (they check the power and the owner; ADR 020). Dates are
 * written here, in the page's language (Chromium has no Belarusian dates).
 */

export async function listMySavedSearches(identity: Identity, language: Language, options: ReferenceOptions): Promise<SavedSearchSummary[]> {
  const rows = await runtime().db.asUser(identity, (tx) => tx`select * from app.list_my_saved_searches()`);
  return rows.map((row) => {
    const filters = row.filters as DirectoryFilters;
    return {
      id: row.id as string,
      name: row.name as string,
      href: directoryHref(filters),
      summary: summarizeFilters(filters, options),
      digest: row.digest === true,
      createdAt: formatDate((row.created_at as Date).toISOString(), language),
    };
  });
}

/** Saves the filters under a name; the digest mail speaks the organizer's language (app.user_language). */
export async function saveSearch(
  identity: Identity,
  input: { name: string; digest: boolean; filters: DirectoryFilters },
) {
  return attempt(() =>
    runtime().db.asUser(identity, async (tx) => {
      const [row] = await tx`
        select app.save_search(${input.name}, ${tx.json(input.filters as unknown as JSONValue)}::jsonb, ${input.digest}) as id`;
      return row!.id as string;
    }),
  );
}

/** Digest on or off, or delete; an unknown or foreign search is one answer: not found. */
export async function changeSavedSearch(identity: Identity, action: SavedSearchAction): Promise<{ ok: true } | SavedSearchFailure> {
  const outcome = await attempt(() =>
    runtime().db.asUser(identity, async (tx) => {
      const [row] =
        action.intent === 'digest'
          ? await tx`select app.set_saved_search_digest(${action.id}::uuid, ${action.digest === 'on'}) as done`
          : await tx`select app.delete_saved_search(${action.id}::uuid) as done`;
      return row?.done === true;
    }),
  );
  if (!outcome.ok) return outcome;
  return outcome.value ? { ok: true } : { ok: false, error: 'errors.notFound', status: 404 };
}
