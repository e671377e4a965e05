import { Form, useLocation, useMatches } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useHydrated } from '~/components/ui/use-hydrated';

/** One-time notices a page shows from its query; coming back after hiding should not repeat them. */
const NOTICE_PARAMS = ['saved', 'withdrawn', 'hidden', 'welcome', 'passwordChanged', 'done'];

function currentPathWithoutNotices({ pathname, search }: { pathname: string; search: string }) {
  const params = new URLSearchParams(search);
  for (const name of NOTICE_PARAMS) params.delete(name);
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

/**
 * The `profile` texts for parts of the page frame (the header). The browser starts with only the
 * namespaces the page's routes list, so on a page that does not list `profile` the texts arrive
 * after hydration; until then `available` is false on the server and in the browser alike, which
 * keeps hydration clean. (Listing `profile` in root.tsx's handle makes them available everywhere.)
 */
export function useProfileTexts() {
  const { t, ready } = useTranslation('profile');
  const listed = useMatches().some((match) => {
    const i18n = (match.handle as { i18n?: unknown } | undefined)?.i18n;
    return Array.isArray(i18n) ? i18n.includes('profile') : i18n === 'profile';
  });
  const hydrated = useHydrated();
  return { t, available: listed || (hydrated && ready) };
}

/**
 * "Hide my profile now": one button, no question asked (one click to safety). It brings the
 * member back to the page they were on, which then confirms it (see the header).
 */
export function HideProfileButton({ className }: { className: string }) {
  const { t, available } = useProfileTexts();
  const location = useLocation();
  if (!available) return null;
  return (
    <Form method="post" action="/account/hide" className="inline-form">
      <input type="hidden" name="redirectTo" value={currentPathWithoutNotices(location)} />
      <button type="submit" className={className}>
        {t('hide.button')}
      </button>
    </Form>
  );
}
