import { useTranslation } from 'react-i18next';
import { EmptyState } from '~/components/ui/empty-state';
import type { FilterValues } from './event-filters';

/**
 * An empty listing says why and what to do: past the last page, back to the first; with filters
 * set, widen or clear them; with none, nothing is planned yet (organizers can plan something,
 * members can look at past events).
 */
export function EventsEmpty({
  filters,
  canCreate,
  signedIn,
  firstPage,
}: {
  filters: FilterValues & { offset?: number };
  canCreate: boolean;
  signedIn: boolean;
  firstPage?: string;
}) {
  const { t } = useTranslation('events');
  if (firstPage !== undefined) {
    return <EmptyState title={t('list.pastEndTitle')} action={{ to: firstPage, label: t('list.firstPage') }} />;
  }
  const { offset: _offset, includePast: _past, ...narrowing } = filters;
  if (Object.values(narrowing).some((value) => value !== undefined)) {
    return (
      <EmptyState title={t('list.empty')} action={{ to: '/events', label: t('list.reset') }}>
        <p>{t('list.emptyHint')}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={t('list.noneTitle')}
      action={canCreate ? { to: '/events/new', label: t('list.new') } : signedIn && !filters.includePast ? { to: '/events?includePast=true', label: t('list.showPast') } : undefined}
    >
      <p>{t(canCreate ? 'list.noneHintOrganizer' : 'list.noneHint')}</p>
    </EmptyState>
  );
}
