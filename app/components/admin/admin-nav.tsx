import { NavLink } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Badge } from '~/components/ui/badge';

const LINKS = [
  { to: '/admin', title: 'admin', end: true },
  { to: '/admin/audit', title: 'auditTrail', end: false },
  { to: '/admin/alerts', title: 'alerts', end: false },
  { to: '/admin/canaries', title: 'canaries', end: false },
  { to: '/admin/quotas', title: 'quotas', end: false },
] as const;

/**
 * The admin's pages, one row of links at the top of each of them (link texts are the pages'
 * titles, common.json `titles`). The alerts link carries how many alerts wait, when known.
 */
export function AdminNav({ openAlerts = null }: { openAlerts?: number | null }) {
  const { t } = useTranslation();
  const { t: tAdmin } = useTranslation('admin');
  return (
    <nav aria-label={tAdmin('nav.label')} className="admin-nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} prefetch="none">
              {link.title === 'admin' ? tAdmin('nav.vetting') : t(`titles.${link.title}`)}
              {link.title === 'alerts' && openAlerts ? (
                <>
                  {' '}
                  <Badge tone="accent" label={tAdmin('nav.openAlerts', { count: openAlerts })}>
                    {openAlerts}
                  </Badge>
                </>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
