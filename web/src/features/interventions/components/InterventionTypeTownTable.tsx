import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import type { InterventionsByTypeAndTown } from '../api/interventions-api';
import { typeTownCellText } from '../type-town-table';

/**
 * Which town tried which type of intervention and how it turned out (docs/kpis.md, "Interventions by
 * type and town"): a row per type, a column per town, each cell in words. On a narrow screen the table
 * scrolls sideways in its own box, which takes the keyboard focus (it holds nothing else focusable);
 * the type stays in view while scrolling. The caption (for screen readers) says what the heading and
 * the hint above say. Shared UI: it shows what it is given and fetches nothing.
 */
export function InterventionTypeTownTable({
  table,
  onDownload,
}: {
  table: InterventionsByTypeAndTown;
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  const date = formatDate(table.asOf);
  const number = (n: number) => formatNumber(n);
  return (
    <section aria-labelledby="by-type-town-heading">
      <h2 id="by-type-town-heading">{t('kb.matrix.heading')}</h2>
      <p className="hint" data-testid="by-type-town-as-of">
        {t('kb.matrix.asOf', { date })}
      </p>
      {table.towns.length === 0 ? (
        <p>{t('kb.matrix.noTowns')}</p>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('kb.matrix.scroll')}>
            <table className="storefront-table type-town-table" data-testid="by-type-town">
              <caption className="visually-hidden">{t('kb.matrix.caption', { date })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kb.type')}</th>
                  {table.towns.map((town) => (
                    <th scope="col" key={town.id} data-city-id={town.id}>
                      {town.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.types.map((row) => (
                  <tr key={row.type} data-type={row.type}>
                    <th scope="row">{t(`interventionType.${row.type}`)}</th>
                    {row.towns.map((cell) => {
                      const text = typeTownCellText(cell, row.measure, t, number);
                      return (
                        <td key={cell.cityId} data-city-id={cell.cityId}>
                          {text ?? (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="visually-hidden">{t('kb.matrix.none')}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form__actions">
            <button type="button" className="button" data-testid="by-type-town-csv" onClick={onDownload}>
              {t('kb.matrix.csv.download')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
