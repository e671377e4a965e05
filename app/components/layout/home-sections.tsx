import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CompletenessMeter } from '~/components/profile/completeness-meter';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import type { Completeness } from '~/modules/profiles/completeness';

export type NextStep = { profileStarted: boolean; completeness: Completeness; organizer: boolean };

/**
 * What a signed-in person sees first on the home page: the one thing to do next. A member who
 * never started the profile goes to the first-steps guide (/account), one who stopped halfway to
 * the profile's overview; an organizer is offered the directory; everyone the events.
 */
export function HomeNextStep({ next }: { next: NextStep }) {
  const { t } = useTranslation();
  const profileAction = !next.profileStarted
    ? { to: '/account', label: t('home.next.startAction') }
    : next.completeness.missing.length > 0
      ? { to: '/account/profile', label: t('home.next.continueAction') }
      : null;
  const actions = [
    profileAction,
    next.organizer ? { to: '/directory', label: t('titles.directory') } : null,
    { to: '/events', label: t('home.next.eventsAction') },
  ].filter((action) => action !== null);
  return (
    <Card
      as="section"
      className="home-next"
      title={t('home.next.title')}
      actions={actions.map((action, index) => (
        // The first is the next step; the others stay quieter beside it.
        <ButtonLink key={action.to} to={action.to} variant={index === 0 ? 'primary' : 'secondary'}>
          {action.label}
        </ButtonLink>
      ))}
    >
      {next.profileStarted ? <CompletenessMeter completeness={next.completeness} /> : <p>{t('home.next.startBody')}</p>}
    </Card>
  );
}

/** What happens with a member's data, in four plain sentences, and the way to the whole page. */
export function HomeDataPromise() {
  const { t } = useTranslation();
  const points = t('home.data.points', { returnObjects: true }) as string[];
  return (
    <section aria-labelledby="data-title" className="home-data">
      <h2 id="data-title">{t('home.data.title')}</h2>
      <ul>
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <p>
        <Link to="/privacy">{t('footer.privacy')}</Link>
      </p>
    </section>
  );
}
