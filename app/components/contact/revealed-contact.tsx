import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revealed } from '~/modules/contact/contact-model';

/** The channels a member shared with an organizer who was accepted, and the CV link if open. */
export function RevealedContact({ memberId, revealed, headingId }: { memberId: string; revealed: Revealed; headingId: string }) {
  const { t } = useTranslation('contact');
  return (
    <section aria-labelledby={headingId} className="revealed-contact">
      <h3 id={headingId}>{t('request.channels')}</h3>
      {revealed.channels.length === 0 ? (
        <p>{t('request.noChannels')}</p>
      ) : (
        <dl className="facts">
          {revealed.channels.map((channel) => (
            <Fragment key={channel.kind}>
              <dt>{t(`kinds.${channel.kind}`)}</dt>
              <dd>{channel.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {revealed.cv ? (
        <p>
          <a href={`/files/cv/${memberId}`} download="cv.pdf">
            {t('request.cv')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
