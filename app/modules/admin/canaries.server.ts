import type { Language } from '~/i18n/config';
import { localName, type Named } from '~/modules/profiles/reference-options.server';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { asAdminOutcome } from './admin-refusal.server';
import { formatMoment } from './moment.server';
import type { CreateCanary } from './oversight-schemas';

/**
 * Canary profiles (SECURITY T1): decoy members admins plant to catch harvesters. Created by
 * app.create_canary_profile() as an account that cannot sign in, opened to organizers like any
 * member's; any organizer opening one raises an alert. Retiring unmarks it and hides a decoy
 * again (ADR 021).
 */
export type Canary = {
  id: string;
  displayName: string | null;
  headline: string | null;
  city: string | null;
  skills: string[];
  createdAt: string;
  createdBy: string | null;
  note: string | null;
  decoy: boolean;
  views: number;
  lastViewedAt: string | null;
};

export async function listCanaries(identity: Identity, language: Language): Promise<Canary[]> {
  const rows = await runtime().db.asUser(identity, (tx) => tx`select * from app.list_canaries()`);
  return rows.map((row) => ({
    id: row.user_id,
    displayName: row.display_name ?? null,
    headline: row.headline ?? null,
    city: row.city ? localName(row.city as Named, language) : null,
    skills: (row.skills as Named[]).map((skill) => localName(skill, language)),
    createdAt: formatMoment(row.created_at, language),
    createdBy: row.created_by_email ?? null,
    note: row.note ?? null,
    decoy: row.is_decoy_account === true,
    views: row.views,
    lastViewedAt: row.last_viewed_at ? formatMoment(row.last_viewed_at, language) : null,
  }));
}

export async function createCanary(identity: Identity, form: CreateCanary) {
  return asAdminOutcome(() =>
    runtime().db.asUser(identity, async (tx) => {
      const [row] = await tx`
        select app.create_canary_profile(${form.displayName}, ${form.headline}, ${form.city}, ${form.skills}, ${form.note}) as id`;
      return row!.id as string;
    }),
  );
}

export async function retireCanary(identity: Identity, userId: string) {
  return asAdminOutcome(() => runtime().db.asUser(identity, (tx) => tx`select app.retire_canary(${userId}::uuid)`));
}
