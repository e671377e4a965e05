import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { HomeDataPromise, HomeNextStep } from '~/components/layout/home-sections';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { getCurrentUser } from '~/modules/auth/session.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { profileCompleteness } from '~/modules/profiles/completeness';
import { listContactKinds, loadEditableProfile } from '~/modules/profiles/editable-profile.server';
import { hasStartedProfile } from '~/modules/profiles/first-steps';

// `profile`: the next step shows how complete the profile is.
export const handle = { i18n: ['common', 'profile'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'brand');

/** A visitor gets the page as it is; a signed-in person also their next step. */
export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await getCurrentUser(request);
  if (!identity) return json({ next: null });
  const [profile, contactKinds] = await Promise.all([loadEditableProfile(identity), listContactKinds(identity)]);
  return json({
    next: {
      profileStarted: hasStartedProfile(profile, contactKinds),
      completeness: profileCompleteness(profile),
      organizer: identity.roles.includes('organizer'),
    },
  });
}

export default function Home() {
  const { t } = useTranslation();
  const { next } = useLoaderData<typeof loader>();
  const points = ['skills', 'privacy', 'events'] as const;
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        {next ? null : (
          <div className="actions">
            <ButtonLink to="/sign-up">{t('home.join')}</ButtonLink>
            <ButtonLink to="/sign-in" variant="secondary">
              {t('nav.signIn')}
            </ButtonLink>
          </div>
        )}
      </section>
      {next ? <HomeNextStep next={next} /> : null}
      <section aria-labelledby="how-title">
        <h2 id="how-title">{t('home.howTitle')}</h2>
        <ul className="cards">
          {points.map((point) => (
            <Card key={point} as="li" headingLevel={3} title={t(`home.points.${point}.title`)}>
              <p>{t(`home.points.${point}.body`)}</p>
            </Card>
          ))}
        </ul>
      </section>
      <HomeDataPromise />
      <section aria-labelledby="talaka-title">
        <h2 id="talaka-title">{t('home.nameTitle')}</h2>
        <p>{t('home.nameBody')}</p>
      </section>
    </>
  );
}
