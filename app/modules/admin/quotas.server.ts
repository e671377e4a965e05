import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { asAdminOutcome } from './admin-refusal.server';
import { formatMoment } from './moment.server';
import type { QuotaForm } from './oversight-schemas';

/**
 * Quota limits as admins see and change them (app.list_quota_limits, app.set_quota_limit): a
 * limit per hour, day or week for each organizer action; probation halves it in SQL. Every
 * change is logged with its admin in app.quota_changes, shown under the table.
 */
export type QuotaRow = { action: string; limit: number; interval: string; changedAt: string | null; changedBy: string | null };
export type QuotaChange = { id: string; by: string | null; action: string; oldLimit: number; oldInterval: string; newLimit: number; newInterval: string; at: string };

export async function loadQuotas(identity: Identity, language: string) {
  return runtime().db.asUser(identity, async (tx) => {
    const limits = await tx`select * from app.list_quota_limits()`;
    const changes = await tx`select * from app.list_quota_changes(50)`;
    return {
      limits: limits.map(
        (row): QuotaRow => ({
          action: row.action,
          limit: row.limit,
          interval: row.per_interval,
          changedAt: row.changed_at ? formatMoment(row.changed_at, language) : null,
          changedBy: row.changed_by_email ?? null,
        }),
      ),
      changes: changes.map((row): QuotaChange => ({
        id: String(row.id),
        by: (row.actor_email as string | null) ?? null,
        action: row.action as string,
        oldLimit: row.old_limit as number,
        oldInterval: row.old_interval as string,
        newLimit: row.new_limit as number,
        newInterval: row.new_interval as string,
        at: formatMoment(row.changed_at as Date, language),
      })),
    };
  });
}

const INTERVALS = { hour: '1 hour', day: '1 day', week: '1 week' } as const;

/** Sets one quota; `changed` is false when the value was already that. */
export async function setQuota(identity: Identity, form: QuotaForm) {
  return asAdminOutcome(() =>
    runtime().db.asUser(identity, async (tx) => {
      const [row] = await tx`select app.set_quota_limit(${form.action}, ${form.limit}, ${INTERVALS[form.interval]}::interval) as changed`;
      return { changed: row?.changed === true };
    }),
  );
}
