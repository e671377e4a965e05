import { Form, Link, NavLink, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { HideProfileButton, useProfileTexts } from '~/components/profile/hide-profile-button';
import { Notice } from '~/components/ui/notice';
import { LanguageSwitcher } from './language-switcher';

type HeaderUser = {
  email: string;
  roles: string[];
  requests?: { text: string; label: string } | null;
  alerts?: { count: number; label: string } | null;
} | null;

/**
 * Site header: skip link, name, main navigation, sign-in state and the language switcher. A
 * signed-in member always finds "hide my profile now" here, and its confirmation; members find
 * "become an organizer", organizers the directory and admins the admin page (the link texts are those pages' titles).
 * A member with unread contact requests sees a link to them, its count in the text and in words.
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
        <nav aria-label={t('nav.label')} className="nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/events">{t('titles.events')}</NavLink>
          {user ? (
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
              <HideProfileButton className="link-button" />
              <Form method="post" action="/sign-out" className="inline-form">
                <button type="submit" className="link-button">
                  {t('nav.signOut')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
              <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>
            </>
          )}
        </nav>
        <LanguageSwitcher />
      </div>
      {user ? (
        <p className="signed-in-as">{t('nav.signedInAs', { email: user.email })}</p>
      ) : null}
      {user && profileTexts && searchParams.get('hidden') === '1' ? (
        <div className="header-inner header-notice">
          <Notice tone="success">{tProfile('hide.done')}</Notice>
        </div>
      ) : null}
    </header>
  );
}
