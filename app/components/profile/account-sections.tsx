import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { buttonClass, SubmitButton } from '~/components/ui/button';
import type { Completeness } from '~/modules/profiles/completeness';
import type { Audience, ProfilePart } from '~/modules/profiles/profile-model';
import { CompletenessMeter } from './completeness-meter';
import { HideProfileButton } from './hide-profile-button';
import { VisibilitySummary } from './visibility-summary';

/** The parts of the account page: the profile in brief, the safety actions, sign-in security. */

type ProfileBrief = { displayName: string | null; audiences: Record<ProfilePart, Audience>; completeness: Completeness };

/** `started` is false for a profile never started: the first-steps welcome then says it all. */
export function AccountProfileSection({ profile, started }: { profile: ProfileBrief; started: boolean }) {
  const { t } = useTranslation('profile');
  const { t: tAuth } = useTranslation('auth');
  const hidden = Object.values(profile.audiences).every((audience) => audience === 'only_me');
  return (
    <section aria-labelledby="account-profile">
      <h2 id="account-profile">{t('overview.title')}</h2>
      <dl className="facts">
        <dt>{t('identity.displayName')}</dt>
        <dd>{profile.displayName ?? t('account.notSet')}</dd>
        <dt>{tAuth('account.visibility')}</dt>
        <dd>{hidden ? tAuth('visibility.hidden') : <VisibilitySummary audiences={profile.audiences} />}</dd>
      </dl>
      <CompletenessMeter completeness={profile.completeness} listMissing={started} />
      <ul className="links">
        <li>
          <Link to="/account/profile">{t('account.editProfile')}</Link>
        </li>
        <li>
          <Link to="/account/profile/visibility">{t('overview.changeVisibility')}</Link>
        </li>
        <li>
          <Link to="/account/files">{t('account.files')}</Link>
        </li>
      </ul>
    </section>
  );
}

export function AccountSafetySection() {
  const { t } = useTranslation('profile');
  return (
    <section aria-labelledby="account-safety">
      <h2 id="account-safety">{t('account.safety')}</h2>
      <p>{t('hide.explanation')}</p>
      <div className="actions">
        <HideProfileButton className={buttonClass({})} />
      </div>
      <ul className="links">
        <li>
          <Link to="/account/viewers">{t('common:titles.viewers')}</Link>
        </li>
        <li>
          <Link to="/account/requests">{t('common:titles.contactRequests')}</Link>
        </li>
        <li>
          <Link to="/account/export">{t('account.export')}</Link>
        </li>
        <li>
          <Link to="/account/delete">{t('account.delete')}</Link>
        </li>
      </ul>
    </section>
  );
}

export function AccountSecuritySection() {
  const { t } = useTranslation('auth');
  const { t: tSecurity } = useTranslation('security');
  return (
    <section aria-labelledby="account-security">
      <h2 id="account-security">{t('account.security')}</h2>
      <ul className="links">
        <li>
          <Link to="/account/password">{t('account.changePassword')}</Link>
        </li>
        <li>
          <Link to="/account/security">{tSecurity('security.title')}</Link>
        </li>
      </ul>
      <div className="actions">
        <Form method="post" action="/sign-out">
          <SubmitButton variant="secondary">{t('account.signOut')}</SubmitButton>
        </Form>
        <Form method="post" action="/sign-out">
          <SubmitButton variant="danger" name="everywhere" value="1">
            {t('account.signOutEverywhere')}
          </SubmitButton>
        </Form>
      </div>
    </section>
  );
}
