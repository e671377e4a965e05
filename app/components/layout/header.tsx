import { Form, Link, NavLink, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { HideProfileButton, useProfileTexts } from '~/components/profile/hide-profile-button';
import { SubmitButton } from '~/components/ui/button';
import { Toast } from '~/components/ui/toast';
import headerStylesheet from './header.css';
import { LanguageSwitcher } from './language-switcher';
import { SiteMenu } from './site-menu';

/** The header's own styles; root.tsx links them beside app.css. */
export { headerStylesheet };

type HeaderUser = {
  email: string;
  roles: string[];
  requests?: { text: string; label: string; count?: number } | null;
  alerts?: { count: number; label: string } | null;
} | null;

/**
 * Site header: skip link, name, main navigation, sign-in state and the language switcher. On a
 * phone the navigation folds into a "Menu" disclosure (site-menu.tsx); what must stay one tap
 * away stays in the bar: "hide my profile now" for a signed-in member, "sign in" for a visitor.
 * Members find "become an organizer", organizers the directory and admins the admin page (the
 * link texts are those pages' titles). Unread contact requests and open alerts are counted in
 * their links, in text and in words, and marked on the folded menu too.
 */
export function Header({ user }: { user: HeaderUser }) {
  const { t } = useTranslation();
  const { t: tProfile, available: profileTexts } = useProfileTexts();
  const [searchParams] = useSearchParams();
  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="header-inner">
        <Link to="/" className="brand">
          {t('brand')}
        </Link>
        <SiteMenu label={t('nav.menu')} marker={user ? <NewsMarker user={user} /> : null}>
          <nav aria-label={t('nav.label')} className="nav">
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/events">{t('titles.events')}</NavLink>
            {user ? <MemberLinks user={user} /> : <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>}
          </nav>
          {user ? (
            <Form method="post" action="/sign-out" className="inline-form">
              <SubmitButton variant="quiet" className="header-link">
                {t('nav.signOut')}
              </SubmitButton>
            </Form>
          ) : null}
          <LanguageSwitcher />
          {user ? <p className="site-menu-account">{t('nav.signedInAs', { email: user.email })}</p> : null}
        </SiteMenu>
        {user ? (
          <HideProfileButton className="header-hide" />
        ) : (
          <NavLink to="/sign-in" className="header-sign-in">
            {t('nav.signIn')}
          </NavLink>
        )}
      </div>
      {user && profileTexts && searchParams.get('hidden') === '1' ? (
        <div className="header-inner header-notice">
          <Toast tone="success">{tProfile('hide.done')}</Toast>
        </div>
      ) : null}
    </header>
  );
}

function MemberLinks({ user }: { user: NonNullable<HeaderUser> }) {
  const { t } = useTranslation();
  return (
    <>
      <NavLink to="/account">{t('nav.account')}</NavLink>
      {user.requests ? (
        // The visible text stays in the name (WCAG 2.5.3, label in name); the count in words follows.
        <NavLink to="/account/requests">
          {user.requests.text}
          <span className="visually-hidden">{` — ${user.requests.label}`}</span>
        </NavLink>
      ) : null}
      {user.roles.includes('organizer') ? (
        <NavLink to="/directory">{t('titles.directory')}</NavLink>
      ) : (
        <NavLink to="/organizer/apply">{t('titles.organizerApply')}</NavLink>
      )}
      {user.roles.includes('admin') ? (
        <NavLink to="/admin">
          {t('titles.admin')}
          {user.alerts ? (
            <>
              <span className="badge" aria-hidden="true">
                {user.alerts.count}
              </span>
              <span className="visually-hidden">{user.alerts.label}</span>
            </>
          ) : null}
        </NavLink>
      ) : null}
    </>
  );
}

/**
 * On the folded menu: how many new things wait inside (requests and alerts), the number shown
 * and the words read. Hidden with the summary on wide screens, where the links show their own.
 */
function NewsMarker({ user }: { user: NonNullable<HeaderUser> }) {
  const news = [user.requests, user.alerts].filter((item) => item != null);
  if (news.length === 0) return null;
  const counts = news.map((item) => item.count);
  const total = counts.every((count) => typeof count === 'number') ? counts.reduce((sum, count) => sum! + count!, 0) : null;
  return (
    <>
      <span className="badge" aria-hidden="true">
        {total ?? '•'}
      </span>
      <span className="visually-hidden">{` — ${news.map((item) => item.label).join(', ')}`}</span>
    </>
  );
}
