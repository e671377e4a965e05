import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { DirectoryFilters, FacetCount, Facets } from '~/modules/directory/directory-model';
import { directoryHref, FILTER_LIMITS } from '~/modules/directory/filters';
import type { ReferenceNames } from './reference-names';
import { countText } from './shown-count';

type Item = { key: string; name: string; count: FacetCount; chosen: boolean; with: DirectoryFilters | null };

/**
 * Counts per city, skill, language and direction for the current filters ("fewer than 5" below
 * five). Each item is a plain link to the same search with that filter added, so it works
 * without JavaScript and the back button undoes it; a chosen item is marked instead.
 */
export function FacetLists({ facets, filters, names }: { facets: Facets; filters: DirectoryFilters; names: ReferenceNames }) {
  const { t } = useTranslation('directory');
  const cityName = (id: string) => names.cities.get(id) ?? id;
  const groups: { title: string; items: Item[] }[] = [
    {
      title: t('facets.cities'),
      items: facets.cities.map((facet) => {
        const name = cityName(facet.id);
        const chosen = filters.city === facet.id || filters.city?.toLowerCase() === name.toLowerCase();
        return { key: facet.id, name, count: facet.count, chosen, with: { ...filters, city: name } };
      }),
    },
    {
      title: t('facets.skills'),
      items: facets.skills.map((facet) => {
        const chosen = filters.skills.includes(facet.id);
        const room = filters.skills.length < FILTER_LIMITS.skills;
        const added = { ...filters, skills: [...filters.skills, facet.id] };
        return { key: facet.id, name: names.skills.get(facet.id) ?? facet.id, count: facet.count, chosen, with: room ? added : null };
      }),
    },
    {
      title: t('facets.languages'),
      items: facets.languages.map((facet) => ({
        key: facet.code,
        name: names.languages.get(facet.code) ?? facet.code,
        count: facet.count,
        chosen: filters.language === facet.code,
        with: { ...filters, language: facet.code },
      })),
    },
    {
      title: t('facets.directions'),
      items: facets.directions.map((facet) => ({
        key: facet.id,
        name: names.directions.get(facet.id) ?? facet.id,
        count: facet.count,
        chosen: filters.direction === facet.id,
        with: { ...filters, direction: facet.id },
      })),
    },
  ];
  return (
    <aside className="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t('facets.title')}</h2>
      <p className="hint">{t('facets.intro')}</p>
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <section key={group.title} className="facet-group">
            <h3>{group.title}</h3>
            <ul>
              {group.items.map((item) => (
                <li key={item.key}>
                  <FacetItem item={item} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </aside>
  );
}

function FacetItem({ item }: { item: Item }) {
  const { t } = useTranslation('directory');
  const count = <span className="facet-count">{countText(t, item.count, 'facet')}</span>;
  if (item.chosen || !item.with) {
    return (
      <span className="facet-chosen">
        {item.name} {count}
        {item.chosen ? <span className="facet-mark"> ({t('facets.chosen')})</span> : null}
      </span>
    );
  }
  return (
    <Link to={directoryHref(item.with)} preventScrollReset>
      {item.name} {count}
    </Link>
  );
}
