/**
 * The words of the admin oversight pages, shared by the browser (filter and quota forms) and the
 * server: the audit actions the trail knows (the check on app.audit_events) and the quota
 * intervals an admin may choose (app.set_quota_limit).
 */
export const AUDIT_ACTIONS = [
  'profile_view',
  'search',
  'contact_request',
  'contact_reveal',
  'shortlist_export',
  'talent_map',
  'saved_search_digest',
  'quota_exceeded',
  'canary_viewed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const QUOTA_INTERVALS = ['hour', 'day', 'week'] as const;
export type QuotaInterval = (typeof QUOTA_INTERVALS)[number];

export const QUOTA_LIMIT_MIN = 1;
export const QUOTA_LIMIT_MAX = 100_000;

/** At most this many skills on a canary profile. */
export const CANARY_MAX_SKILLS = 5;
