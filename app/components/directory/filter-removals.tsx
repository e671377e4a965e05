import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { DirectoryFilters } from '~/modules/directory/directory-model';
import { writeFilters } from '~/modules/directory/filters';
import type { ReferenceNames } from './reference-names';

/** Per URL parameter that narrows the search: its field's label, and how to name a value. */
type Naming = [label: string, name?: (value: string) => string];

/**
 * "Remove a filter": one link per chosen filter (per skill, for skills) to the same search
 * without it, built from the search's own URL parameters. Plain links, so they work without
 * JavaScript and the back button undoes them.
 */
export function FilterRemovals({ filters, names }: { filters: DirectoryFilters; names: ReferenceNames }) {
  const { t } = useTranslation('directory');
  const { t: tp } = useTranslation('profile');
  const from = (map: Map<string, string>) => (value: string) => map.get(value) ?? value;
  const namings: Record<string, Naming> = {
    q: ['form.q'],
    skill: ['form.skills', from(names.skills)],
    skillLevel: ['form.skillLevel', (level) => tp(`skillLevels.${level}`)],
    city: ['form.city'],
    country: ['form.country', from(names.countries)],
    lang: ['form.language', from(names.languages)],
    langLevel: ['form.languageLevel', (level) => tp(`languageLevels.${level}`)],
    direction: ['form.direction', from(names.directions)],
    mode: ['form.mode', (mode) => tp(`workModes.${mode}`)],
    hours: ['form.hours'],
  };
  const params = [...writeFilters(filters)];
  if (!params.some(([param]) => param in namings)) return null;
  return (
    <>
      <p id="filter-removals-title">{t('empty.remove')}</p>
      <ul className="filter-removals" aria-labelledby="filter-removals-title">
        {params.map(([param, value], index) => {
          if (!(param in namings)) return null;
          const [label, name = String] = namings[param]!;
          const rest = new URLSearchParams(params.filter((_, other) => other !== index)).toString();
          return (
            <li key={`${param}=${value}`}>
              <Link to={rest ? `/directory?${rest}` : '/directory'} preventScrollReset>
                {t('empty.removeOne', { filter: `${t(label)}: ${name(value)}` })}
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
