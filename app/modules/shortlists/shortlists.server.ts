import { formatDate } from '~/modules/files/format.server';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { attempt, type ShortlistFailure } from './shortlist-errors.server';
import type { AddToList, EntryAction, ListAction } from './shortlist-schemas';

/**
 * An organizer's own shortlists, read and changed through the definer functions of migration
 * 20261129020800 as the organizer (they check the power and the owner; ADR 019). Dates are
 * written here, in the page's language (Chromium has no Belarusian dates).
 */

export type ShortlistSummary = { id: string; name: string; createdAt: string; memberCount: number; hasMember: boolean };
export type ShortlistEntry = {
  memberId: string;
  visible: boolean;
  displayName: string | null;
  headline: string | null;
  note: string | null;
  addedAt: string;
  contactAccepted: boolean;
};

export async function listMyShortlists(identity: Identity, language: string, containing: string | null = null): Promise<ShortlistSummary[]> {
  const rows = await runtime().db.asUser(identity, (tx) => tx`select * from app.my_shortlists(${containing}::uuid)`);
  return rows.map((row) => ({
    id: row.id as string,
    name: row.name as string,
    createdAt: formatDate(new Date(row.created_at as string).toISOString(), language),
    memberCount: row.member_count as number,
    hasMember: row.has_member === true,
  }));
}

/** One list with its entries; a failure `errors.listNotFound` for an unknown or foreign list. */
export async function readShortlist(identity: Identity, listId: string, language: string) {
  return attempt(() =>
    runtime().db.asUser(identity, async (tx) => {
      const entries = await tx`select * from app.shortlist_entries(${listId}::uuid)`;
      const [list] = await tx`select id, name, member_count from app.my_shortlists() where id = ${listId}::uuid`;
      return {
        list: { id: list!.id as string, name: list!.name as string },
        entries: entries.map(
          (row): ShortlistEntry => ({
            memberId: row.member_id as string,
            visible: row.visible === true,
            displayName: (row.display_name as string | null) ?? null,
            headline: (row.headline as string | null) ?? null,
            note: (row.note as string | null) ?? null,
            addedAt: formatDate(new Date(row.added_at as string).toISOString(), language),
            contactAccepted: row.contact_accepted === true,
          }),
        ),
      };
    }),
  );
}

/** Create, rename or delete one of the organizer's lists. */
export async function changeShortlist(identity: Identity, action: ListAction) {
  return attempt(() =>
    runtime().db.asUser(identity, async (tx) => {
      if (action.intent === 'create') return (await tx`select app.create_shortlist(${action.name}) as id`)[0]!.id as string;
      if (action.intent === 'rename') await tx`select app.rename_shortlist(${action.listId}::uuid, ${action.name})`;
      else await tx`select app.delete_shortlist(${action.listId}::uuid)`;
      return action.listId;
    }),
  );
}

/** Edit a note on, or remove a member from, one of the organizer's lists. */
export async function changeEntry(identity: Identity, listId: string, action: EntryAction) {
  return attempt(() =>
    runtime().db.asUser(identity, async (tx) => {
      if (action.intent === 'note') await tx`select app.set_shortlist_note(${listId}::uuid, ${action.memberId}::uuid, ${action.note})`;
      else await tx`select app.remove_from_shortlist(${listId}::uuid, ${action.memberId}::uuid)`;
    }),
  );
}

/**
 * Puts a member on a list, creating the list first when asked, in one transaction: if the member
 * cannot be added, no empty new list is left behind. Answers with the list's id.
 */
export async function addToShortlist(identity: Identity, input: AddToList): Promise<{ ok: true; value: string } | ShortlistFailure> {
  return attempt(() =>
    runtime().db.asUser(identity, async (tx) => {
      const listId =
        input.listId === 'new' ? ((await tx`select app.create_shortlist(${input.newName ?? ''}) as id`)[0]!.id as string) : input.listId;
      await tx`select app.add_to_shortlist(${listId}::uuid, ${input.memberId}::uuid, ${input.note})`;
      return listId;
    }),
  );
}
