import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import type { DirectoryCard } from '~/modules/directory/directory-model';
import type { ReferenceNames } from './reference-names';

/** At most this many skills on a card, the highest levels first; the profile has them all. */
const SKILLS_SHOWN = 5;

/**
 * One member in the results: a card headed by their display name, linking to the profile. It
 * shows only what the card holds (the search withholds the parts a member did not open to
 * organizers) and never a contact detail. The shortlist link names the person for screen readers.
 */
export function ResultCard({ card, names }: { card: DirectoryCard; names: ReferenceNames }) {
  const { t } = useTranslation('directory');
  const { t: tp } = useTranslation('profile');
  const place = (card.cityId && names.cities.get(card.cityId)) || (card.countryCode && names.countries.get(card.countryCode)) || null;
  const skills = [...card.skills].sort((a, b) => b.level - a.level);
  const shown = skills.slice(0, SKILLS_SHOWN);
  const availability = [
    card.workMode ? tp(`workModes.${card.workMode}`) : null,
    card.hoursPerWeek ? tp('viewer.hours', { count: card.hoursPerWeek }) : null,
  ].filter(Boolean);
  return (
    <Card
      as="article"
      className="member-card"
      headingLevel={3}
      title={<Link to={`/people/${card.id}`}>{card.displayName}</Link>}
      actions={
        <ButtonLink to={`/organizer/shortlists/add?${new URLSearchParams({ member: card.id })}`} variant="quiet">
          {t('card.addToShortlist')}
          <span className="visually-hidden">{t('card.whom', { name: card.displayName })}</span>
        </ButtonLink>
      }
    >
      {card.headline ? <p className="member-headline">{card.headline}</p> : null}
      <dl className="member-facts">
        {place ? <Fact term={t('card.place')}>{place}</Fact> : null}
        {shown.length > 0 ? (
          <Fact term={t('card.skills')}>
            <ul className="inline-list">
              {shown.map((skill) => (
                <li key={skill.id}>
                  {t('card.skillLevel', { skill: names.skills.get(skill.id) ?? skill.id, level: tp(`skillLevels.${skill.level}`) })}
                </li>
              ))}
              {skills.length > shown.length ? <li>{t('card.moreSkills', { count: skills.length - shown.length })}</li> : null}
            </ul>
          </Fact>
        ) : null}
        {card.languages.length > 0 ? (
          <Fact term={t('card.languages')}>
            <ul className="inline-list">
              {card.languages.map((language) => (
                <li key={language.code}>
                  {t('card.language', { language: names.languages.get(language.code) ?? language.code, level: tp(`languageLevels.${language.level}`) })}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        {card.directions.length > 0 ? (
          <Fact term={t('card.directions')}>{card.directions.map((id) => names.directions.get(id) ?? id).join(', ')}</Fact>
        ) : null}
        {availability.length > 0 ? <Fact term={t('card.availability')}>{availability.join(', ')}</Fact> : null}
      </dl>
    </Card>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
