import type { SummaryItem } from './filter-summary';

/** A saved search as the list page shows it (plain JSON: it crosses to the browser). */
export type SavedSearchSummary = {
  id: string;
  name: string;
  /** `/directory?…` with the saved filters. */
  href: string;
  summary: SummaryItem[];
  digest: boolean;
  /** Written by the server in the page's language. */
  createdAt: string;
};
