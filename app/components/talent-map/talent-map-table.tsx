import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { MapCell, TalentMap } from '~/modules/directory/talent-map-shape';

/**
 * The talent map as a real table: a caption, column headers for the skill categories, a row
 * header per city (linking to the directory filtered by that city), one shaded cell per city and
 * category. It sits in its own scrolling region, so a phone scrolls the table, not the page; the
 * region takes keyboard focus so it can be scrolled without a mouse. "<5" is read out as
 * "fewer than 5".
 */
export function TalentMapTable({ map }: { map: TalentMap }) {
  const { t } = useTranslation('talentMap');
  return (
    <div className="talent-map-scroll" role="region" aria-labelledby="talent-map-caption" tabIndex={0}>
      <table className="talent-map-table">
        <caption id="talent-map-caption">{t('caption', { count: map.rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('city')}</th>
            <th scope="col">{t('total')}</th>
            {map.categories.map((category) => (
              <th scope="col" key={category.id}>
                {category.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((row) => (
            <tr key={row.cityId}>
              <th scope="row">
                <Link to={`/directory?${new URLSearchParams({ city: row.cityId })}`} title={t('searchCity', { city: row.city })}>
                  {row.city}
                </Link>
                <span className="talent-map-country">{row.country}</span>
              </th>
              <td className="talent-map-total">
                <Count text={row.totalText} />
              </td>
              {row.cells.map((cell) => (
                <ShadedCell key={cell.categoryId} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ShadedCell({ cell }: { cell: MapCell }) {
  return (
    <td className={`talent-map-cell shade-${cell.shade}`}>
      <Count text={cell.text} />
    </td>
  );
}

/** A number as the server wrote it, or "<5" that screen readers hear as "fewer than 5". */
export function Count({ text }: { text: string | null }) {
  const { t } = useTranslation('talentMap');
  if (text !== null) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">&lt;5</span>
      <span className="visually-hidden">{t('fewerThanFive')}</span>
    </>
  );
}
