import type { Row } from 'postgres';
import { summarizeDetail, type DetailLine, type ReferenceNames } from './detail-summary';
import { formatMoment } from './moment.server';

/**
 * One audit row as the trail and the alerts show it: when (written by the server), who (name,
 * e-mail, organization; null when their account was erased), what, whom (null when the action
 * has no member, e.g. a search) and the detail in words. Never an IP: none is stored.
 */
export type PresentedEvent = {
  id: string;
  when: string;
  action: string;
  actor: { name: string | null; email: string; organization: string | null } | null;
  target: { name: string | null; canary: boolean } | null;
  details: DetailLine[];
};

export function presentEvent(row: Row, language: string, names: ReferenceNames): PresentedEvent {
  return {
    id: String(row.id),
    when: formatMoment(row.at as Date, language),
    action: row.action as string,
    actor: row.actor_email
      ? { name: (row.actor_name as string | null) ?? null, email: row.actor_email as string, organization: (row.actor_organization as string | null) ?? null }
      : null,
    target: row.target ? { name: (row.target_name as string | null) ?? null, canary: row.target_is_canary === true } : null,
    details: summarizeDetail(row.action as string, row.detail, names),
  };
}
