import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '~/components/ui/button';
import { CheckboxField } from '~/components/ui/checkbox';
import type { EventPlaces } from '~/modules/events/event-places.server';

export type FilterValues = { cityId?: string; countryCode?: string; online?: boolean; from?: string; to?: string; skill?: string; includePast?: boolean };

/**
 * The listing's filters: a plain GET form, so the state lives in the URL, works without
 * JavaScript and can be bookmarked or shared. Applying them starts again at the first page
 * (the form has no `offset`).
 */
export function EventFilters({ filters, places, showPast }: { filters: FilterValues; places: EventPlaces; showPast: boolean }) {
  const { t } = useTranslation('events');
  const online = filters.online === undefined ? '' : String(filters.online);
  return (
    <Form method="get" className="event-filters" aria-labelledby="event-filters-title">
      <h2 id="event-filters-title">{t('list.filters')}</h2>
      <div className="event-filter-grid">
        <div className="field">
          <label htmlFor="filter-city">{t('list.city')}</label>
          <select id="filter-city" name="cityId" defaultValue={filters.cityId ?? ''}>
            <option value="">{t('list.anyCity')}</option>
            {places.cities.map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-country">{t('list.country')}</label>
          <select id="filter-country" name="countryCode" defaultValue={filters.countryCode ?? ''}>
            <option value="">{t('list.anyCountry')}</option>
            {places.countries.map((country) => (
              <option key={country.value} value={country.value}>
                {country.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-online">{t('list.place')}</label>
          <select id="filter-online" name="online" defaultValue={online}>
            <option value="">{t('list.anyPlace')}</option>
            <option value="false">{t('list.inPerson')}</option>
            <option value="true">{t('list.online')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-from">{t('list.from')}</label>
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t('list.to')}</label>
          <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-skill">{t('list.skill')}</label>
          <select id="filter-skill" name="skill" defaultValue={filters.skill ?? ''}>
            <option value="">{t('list.anySkill')}</option>
            {places.skills.map((skill) => (
              <option key={skill.value} value={skill.value}>
                {skill.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {showPast ? (
        <CheckboxField id="filter-past" name="includePast" value="true" defaultChecked={filters.includePast === true} label={t('list.showPast')} />
      ) : null}
      <div className="event-filter-actions">
        <Button type="submit">{t('list.apply')}</Button>
        <ButtonLink to="/events" variant="secondary">
          {t('list.reset')}
        </ButtonLink>
      </div>
    </Form>
  );
}
