import { useTranslation } from 'react-i18next';
import { Badge } from '~/components/ui/badge';
import type { DetailLine } from '~/modules/admin/detail-summary';
import type { PresentedEvent } from '~/modules/admin/event-rows.server';

/**
 * The cells an audit row and an alert share: who acted (name, e-mail, organization), what they
 * did, to whom, and the detail in words. An erased account is said so, never left blank.
 */
export function ActorCell({ actor }: { actor: PresentedEvent['actor'] }) {
  const { t } = useTranslation('admin');
  if (!actor) return <span className="muted">{t('trail.erasedAccount')}</span>;
  return (
    <>
      <strong>{actor.name ?? t('trail.noName')}</strong>
      <br />
      {actor.email}
      {actor.organization ? (
        <>
          <br />
          <span className="muted">{actor.organization}</span>
        </>
      ) : null}
    </>
  );
}

export function TargetCell({ target }: { target: PresentedEvent['target'] }) {
  const { t } = useTranslation('admin');
  if (!target) return <span className="muted">—</span>;
  return (
    <>
      {target.name ?? t('trail.noName')}
      {target.canary ? (
        <>
          {' '}
          <Badge tone="warn">{t('trail.canary')}</Badge>
        </>
      ) : null}
    </>
  );
}

export function ActionLabel({ action }: { action: string }) {
  const { t } = useTranslation('admin');
  return <>{t(`actions.${action}`, { defaultValue: action })}</>;
}

export function DetailCell({ details }: { details: DetailLine[] }) {
  const { t } = useTranslation('admin');
  if (details.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="detail-list">
      {details.map((line, index) => (
        <li key={`${line.key}-${index}`}>{t(line.key, translatedValues(line, t))}</li>
      ))}
    </ul>
  );
}

/** A quota's or a revealed part's id becomes its name. */
function translatedValues(line: DetailLine, t: (key: string, options?: Record<string, unknown>) => string) {
  const values: Record<string, string | number> = { ...line.values };
  if (typeof values.quota === 'string') values.quota = t(`quotas.names.${values.quota}`, { defaultValue: values.quota });
  if (typeof values.part === 'string') values.part = t(`detail.parts.${values.part}`, { defaultValue: values.part });
  return values;
}
