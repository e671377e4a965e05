import { Link } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '~/components/ui/notice';
import type { ViewedProfile } from '~/modules/profiles/profile-model';

/**
 * A member's profile as another member sees it: only the parts that came back from the
 * database, each shown when present. Never contact details, never the CV. `availableFrom` is
 * the date as the server wrote it in the page's language. `children` (the organizer's contact
 * panel) close the page.
 */
export function ViewedProfileView({
  profile,
  isOwn,
  availableFrom,
  children,
}: {
  profile: ViewedProfile;
  isOwn: boolean;
  availableFrom: string | null;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('profile');
  const named = profile.displayName !== undefined;
  const name = profile.displayName || t('viewer.unnamed');
  return (
    <article className="person" aria-labelledby="person-title">
      {isOwn ? (
        <Notice tone="info">
          {t('viewer.ownProfile')} <Link to="/account/profile/visibility">{t('overview.changeVisibility')}</Link>
        </Notice>
      ) : null}
      <div className="person-header">
        {profile.hasPhoto ? (
          <img className="avatar" src={`/files/photo/${profile.id}`} alt={t('viewer.photoAlt', { name })} width={128} height={128} />
        ) : named ? (
          <img className="avatar" src={`/files/avatar/${profile.id}`} alt="" width={128} height={128} />
        ) : null}
        <div>
          <h1 id="person-title">{name}</h1>
          {profile.headline ? <p className="lead">{profile.headline}</p> : null}
          {profile.legalName ? <p>{t('viewer.legalName', { name: profile.legalName })}</p> : null}
        </div>
      </div>
      {profile.bio ? (
        <section aria-labelledby="person-about">
          <h2 id="person-about">{t('viewer.about')}</h2>
          <p className="bio">{profile.bio}</p>
        </section>
      ) : null}
      {profile.skills ? <SkillsPart profile={profile} availableFrom={availableFrom} /> : null}
      {!named && !profile.bio && !profile.skills ? <p className="muted">{t('viewer.littleShared')}</p> : null}
      {children}
    </article>
  );
}

function SkillsPart({ profile, availableFrom }: { profile: ViewedProfile; availableFrom: string | null }) {
  const { t } = useTranslation('profile');
  const skills = profile.skills ?? [];
  const categories = [...new Set(skills.map((skill) => skill.category))];
  const availability = profile.availability;
  const details: [label: string, value: string | null | undefined][] = [
    [t('viewer.place'), [profile.place?.city, profile.place?.country].filter(Boolean).join(', ')],
    [t('viewer.languages'), profile.languages?.map((entry) => `${entry.name} (${t(`languageLevels.${entry.level}`)})`).join(', ')],
    [t('viewer.directions'), profile.directions?.join(', ')],
    [t('viewer.time'), availability?.hoursPerWeek ? t('viewer.hours', { count: availability.hoursPerWeek }) : null],
    [t('viewer.mode'), availability?.workMode ? t(`workModes.${availability.workMode}`) : null],
    [t('viewer.from'), availableFrom],
    [t('viewer.relocation'), availability?.openToRelocation ? t('viewer.relocationYes') : null],
  ];
  const shown = details.filter(([, value]) => value);
  return (
    <>
      {skills.length > 0 || profile.tags?.length ? (
        <section aria-labelledby="person-skills">
          <h2 id="person-skills">{t('viewer.skills')}</h2>
          {categories.map((category) => (
            <div key={category}>
              <h3>{category}</h3>
              <ul>
                {skills
                  .filter((skill) => skill.category === category)
                  .map((skill) => (
                    <li key={skill.name}>
                      {skill.name} — {t(`skillLevels.${skill.level}`)}
                      {skill.years !== null ? `, ${t('viewer.years', { count: skill.years })}` : ''}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          {profile.tags?.length ? <p>{t('viewer.tags', { tags: profile.tags.join(', ') })}</p> : null}
        </section>
      ) : null}
      {shown.length > 0 ? (
        <section aria-labelledby="person-details">
          <h2 id="person-details">{t('viewer.details')}</h2>
          <dl className="facts">
            {shown.map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
