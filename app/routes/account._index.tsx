import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Notice } from '~/components/ui/notice';
import { requireUser } from '~/modules/auth/session.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { getOwnProfile } from '~/modules/profiles/own-profile.server';

export const handle = { i18n: ['common', 'auth'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const profile = await getOwnProfile(identity);
  return json({ email: identity.email, roles: identity.roles, profile });
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
        <dt>{t('account.displayName')}</dt>
        <dd>{profile?.displayName ?? t('account.notSet')}</dd>
        <dt>{t('account.visibility')}</dt>
        <dd>{t(profile?.hidden === false ? 'visibility.members' : 'visibility.hidden')}</dd>
      </dl>
      <p className="muted">{t('account.emptyProfile')}</p>
      <h2>{t('account.security')}</h2>
      <ul className="links">
        <li>
          <Link to="/account/password">{t('account.changePassword')}</Link>
        </li>
      </ul>
      <div className="actions">
        <Form method="post" action="/sign-out">
          <button type="submit" className="button secondary">
            {t('account.signOut')}
          </button>
        </Form>
        <Form method="post" action="/sign-out">
          <input type="hidden" name="everywhere" value="1" />
          <button type="submit" className="button danger">
            {t('account.signOutEverywhere')}
          </button>
        </Form>
      </div>
    </section>
  );
}
