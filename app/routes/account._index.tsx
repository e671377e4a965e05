import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AccountProfileSection, AccountSafetySection, AccountSecuritySection } from '~/components/profile/account-sections';
import { Notice } from '~/components/ui/notice';
import { requireUser } from '~/modules/auth/session.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { completedSteps } from '~/modules/profiles/completeness';
import { loadEditableProfile } from '~/modules/profiles/editable-profile.server';
import profileStyles from '~/styles/profile.css';

export const handle = { i18n: ['common', 'auth', 'profile', 'security'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profileStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const profile = await loadEditableProfile(identity);
  return json({
    email: identity.email,
    roles: identity.roles,
    profile: { id: profile.id, displayName: profile.displayName, audiences: profile.audiences, done: completedSteps(profile) },
  });
}

export default function Account() {
  const { t } = useTranslation('auth');
  const { email, roles, profile } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <section className="narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      {searchParams.has('welcome') ? <Notice tone="success">{t('account.welcome')}</Notice> : null}
      {searchParams.has('passwordChanged') ? <Notice tone="success">{t('account.passwordChanged')}</Notice> : null}
      <dl className="facts">
        <dt>{t('fields.email')}</dt>
        <dd>{email}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
      </dl>
      <AccountProfileSection profile={profile} />
      <AccountSafetySection />
      <AccountSecuritySection />
    </section>
  );
}
