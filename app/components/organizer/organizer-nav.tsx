import { NavLink } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

const LINKS = [
  { to: '/directory', title: 'directory', end: true },
  { to: '/directory/map', title: 'talentMap', end: false },
  { to: '/organizer/shortlists', title: 'shortlists', end: false },
  { to: '/organizer/saved-searches', title: 'savedSearches', end: false },
  { to: '/organizer/requests', title: 'sentRequests', end: false },
] as const;

/**
 * The organizer's pages, one row of links at the top of each of them. The link texts are the
 * pages' titles (common.json `titles`).
 */
export function OrganizerNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.organizerLabel')} className="organizer-nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {t(`titles.${link.title}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
