import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';
import type { NetworkSummary, TownKpis } from '../api/report-types';
import { formatChange, formatKpi, formatShortDate, DASH, type ReportLang } from '../report-format';
import { FLOW_ROWS, kpiCases, kpiValue, STOCK_ROWS, type KpiRow } from '../report-kpis';

interface Props {
  kpis: TownKpis;
  previous: TownKpis | undefined;
  summary: NetworkSummary | undefined;
  lang: ReportLang;
}

/**
 * The KPI sheet: value on the date, previous year, change, network median and the town's place among
 * the network's towns („3 von 9“, counted from the lowest value) — all as the API answered.
 */
export function KpiSheet({ kpis, previous, summary, lang }: Props) {
  const { t } = useTranslation();
  const median = (row: KpiRow): string =>
    row.inSummary && summary ? formatKpi(row.kind, summary.kpis[row.key]?.median, lang) : DASH;
  const place = (row: KpiRow) => {
    const rank = row.inSummary ? summary?.town?.ranks[row.key] : undefined;
    if (!rank || rank.position === null) return DASH;
    return (
      <>
        {t('reports.sheet.place', { position: rank.position, of: rank.of })}
        {rank.tied > 0 && <span className="report-sub">{t('reports.sheet.tied', { count: rank.tied })}</span>}
      </>
    );
  };
  const body = (rows: KpiRow[]) =>
    rows.map((row) => {
      const now = kpiValue(row, kpis);
      const before = previous ? kpiValue(row, previous) : null;
      const cases = kpiCases(row, kpis, t);
      const casesBefore = previous ? kpiCases(row, previous, t) : null;
      return (
        <tr key={row.key} data-kpi={row.key}>
          <th scope="row">{t(`reports.kpi.${row.key}`)}</th>
          <td className="num report-kpi-value">
            {formatKpi(row.kind, now, lang)}
            {cases && <span className="report-sub">{cases}</span>}
          </td>
          <td className="num">
            {formatKpi(row.kind, before, lang)}
            {casesBefore && <span className="report-sub">{casesBefore}</span>}
          </td>
          <td className="num">{formatChange(row.kind, now, before, lang)}</td>
          <td className="num">{median(row)}</td>
          <td className="num" data-testid="report-place">
            {place(row)}
          </td>
        </tr>
      );
    });
  return (
    <section className="report-section report-sheet" aria-labelledby="report-sheet-title">
      <h2 id="report-sheet-title">{t('reports.sheet.title')}</h2>
      <TableScroll title={t('reports.sheet.title')}>
        <table className="report-table report-table--sheet">
          <caption>
            {summary
              ? t('reports.sheet.caption', {
                  date: formatShortDate(kpis.asOf, lang),
                  n: summary.towns,
                  network: summary.network.name,
                })
              : t('reports.sheet.noNetwork', { date: formatShortDate(kpis.asOf, lang) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.sheet.kpi')}</th>
              <th scope="col" className="num">
                {formatShortDate(kpis.asOf, lang)}
              </th>
              <th scope="col" className="num">
                {t('reports.sheet.previous', { date: formatShortDate(previous?.asOf, lang) })}
              </th>
              <th scope="col" className="num">
                {t('reports.sheet.change')}
              </th>
              <th scope="col" className="num">
                {summary
                  ? t('reports.sheet.median', { network: summary.network.name })
                  : t('reports.sheet.medianNone')}
              </th>
              <th scope="col" className="num">
                {t('reports.sheet.placeHeading')}
              </th>
            </tr>
          </thead>
          <tbody>{body(STOCK_ROWS)}</tbody>
          <tbody>
            <tr className="report-table__group">
              <th scope="rowgroup" colSpan={6}>
                {t('reports.sheet.flows')}
              </th>
            </tr>
            {body(FLOW_ROWS)}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
