import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AccountProfileSection, AccountSafetySection, AccountSecuritySection } from '~/components/profile/account-sections';
import { FirstSteps } from '~/components/profile/first-steps';
import { Toast } from '~/components/ui/toast';
import { requireUser } from '~/modules/auth/session.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { profileCompleteness } from '~/modules/profiles/completeness';
import { listContactKinds, loadEditableProfile } from '~/modules/profiles/editable-profile.server';
import { hasStartedProfile } from '~/modules/profiles/first-steps';
import profileStyles from '~/styles/profile.css';

export const handle = { i18n: ['common', 'auth', 'profile', 'security'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profileStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const [profile, contactKinds] = await Promise.all([loadEditableProfile(identity), listContactKinds(identity)]);
  return json({
    email: identity.email,
    roles: identity.roles,
    firstSteps: !hasStartedProfile(profile, contactKinds),
    profile: { displayName: profile.displayName, audiences: profile.audiences, completeness: profileCompleteness(profile) },
  });
}

export default function Account() {
  const { t } = useTranslation('auth');
  const { email, roles, firstSteps, profile } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <section className="narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      {searchParams.has('welcome') ? <Toast tone="success">{t('account.welcome')}</Toast> : null}
      {searchParams.has('passwordChanged') ? <Toast tone="success">{t('account.passwordChanged')}</Toast> : null}
      {firstSteps ? <FirstSteps /> : null}
      <dl className="facts">
        <dt>{t('fields.email')}</dt>
        <dd>{email}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
      </dl>
      <AccountProfileSection profile={profile} started={!firstSteps} />
      <AccountSafetySection />
      <AccountSecuritySection />
    </section>
  );
}
