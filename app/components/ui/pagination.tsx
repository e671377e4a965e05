import { Link } from '@remix-run/react';

/**
 * Previous and next pages of a list, as links (they work without JavaScript), with the current
 * position between them. A missing href means there is no such page: its link is not shown.
 */
export function Pagination({
  label,
  previous,
  next,
  previousLabel,
  nextLabel,
  status,
}: {
  label: string;
  previous?: string;
  next?: string;
  previousLabel: string;
  nextLabel: string;
  status?: React.ReactNode;
}) {
  if (!previous && !next && !status) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {previous ? (
        <Link to={previous} rel="prev" className="button secondary pagination-previous">
          <span aria-hidden="true">← </span>
          {previousLabel}
        </Link>
      ) : null}
      {status ? <p className="pagination-status">{status}</p> : null}
      {next ? (
        <Link to={next} rel="next" className="button secondary pagination-next">
          {nextLabel}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </nav>
  );
}
