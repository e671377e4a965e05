import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * The header's navigation on a phone: a "Menu" disclosure built on <details>/<summary>, so it
 * opens and closes without JavaScript and by keyboard (Enter or Space on the summary). On wide
 * screens header.css shows its content in the bar and hides the summary.
 *
 * With JavaScript, two courtesies: the menu closes after a navigation (the header stays mounted),
 * and Escape closes it and puts the focus back on the summary.
 */
export function SiteMenu({ label, marker, children }: { label: string; marker?: React.ReactNode; children: React.ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const { pathname, search } = useLocation();

  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname, search]);

  function closeOnEscape(event: React.KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector('summary')?.focus();
  }

  return (
    <details ref={menu} className="site-menu" onKeyDown={closeOnEscape}>
      <summary>
        <span className="site-menu-icon" aria-hidden="true" />
        {label}
        {marker}
      </summary>
      <div className="site-menu-panel">{children}</div>
    </details>
  );
}
