import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';
import type { City } from '../../../lib/domain';
import type { InterventionsByType, NetworkSummary, TownKpis } from '../api/report-types';
import { formatChange, formatKpi, formatShortDate, formatWholeEuro, type ReportLang } from '../report-format';
import { FLOW_ROWS, STOCK_ROWS } from '../report-kpis';
import { ObstacleSummaryCell } from '../../interventions/components/ObstacleSummaryCell';

/** Median, quartiles, range and n per KPI across the visible member towns, with the median's change. */
export function NetworkDistribution({
  summary,
  previous,
  lang,
}: {
  summary: NetworkSummary;
  previous?: NetworkSummary;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const rows = [...STOCK_ROWS, ...FLOW_ROWS].filter((r) => r.inSummary);
  return (
    <section className="report-section report-sheet" aria-labelledby="report-distribution-title">
      <h2 id="report-distribution-title">{t('reports.network.distribution')}</h2>
      <TableScroll title={t('reports.network.distribution')}>
        <table className="report-table">
          <caption>{t('reports.network.visible', { count: summary.towns })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.sheet.kpi')}</th>
              <th scope="col" className="num">
                {t('reports.network.median')}
              </th>
              <th scope="col" className="num">
                {t('reports.sheet.change')}
              </th>
              <th scope="col" className="num">
                {t('reports.network.q1')}
              </th>
              <th scope="col" className="num">
                {t('reports.network.q3')}
              </th>
              <th scope="col" className="num">
                {t('reports.network.min')}
              </th>
              <th scope="col" className="num">
                {t('reports.network.max')}
              </th>
              <th scope="col" className="num">
                {t('reports.network.n')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const d = summary.kpis[row.key];
              const f = (v: number | null | undefined) => formatKpi(row.kind, v, lang);
              return (
                <tr key={row.key} data-kpi={row.key}>
                  <th scope="row">{t(`reports.kpi.${row.key}`)}</th>
                  <td className="num report-kpi-value">{f(d?.median)}</td>
                  <td className="num">
                    {formatChange(row.kind, d?.median, previous?.kpis[row.key]?.median, lang)}
                  </td>
                  <td className="num">{f(d?.q1)}</td>
                  <td className="num">{f(d?.q3)}</td>
                  <td className="num">{f(d?.min)}</td>
                  <td className="num">{f(d?.max)}</td>
                  <td className="num">{d?.n ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

const TOWN_COLUMNS = [
  'units',
  'vacancyRate',
  'longTermVacancyShare',
  'vacantPer1000Inhabitants',
  'dataFreshness',
] as const;

/** The visible member towns side by side on the date. */
export function NetworkTowns({
  towns,
  kpis,
  asOf,
  lang,
}: {
  towns: City[];
  kpis: TownKpis[];
  asOf: string;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const rows = STOCK_ROWS.filter((r) => (TOWN_COLUMNS as readonly string[]).includes(r.key));
  const byId = new Map(kpis.map((k) => [k.cityId, k]));
  return (
    <section className="report-section" aria-labelledby="report-towns-title">
      <h2 id="report-towns-title">{t('reports.network.towns')}</h2>
      <TableScroll title={t('reports.network.towns')}>
        <table className="report-table">
          <caption>{formatShortDate(asOf, lang)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.network.town')}</th>
              {rows.map((r) => (
                <th key={r.key} scope="col" className="num">
                  {t(`reports.kpi.${r.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {towns.map((town) => (
              <tr key={town.id}>
                <th scope="row">{town.name}</th>
                {rows.map((r) => {
                  const k = byId.get(town.id) as unknown as Record<string, number | null> | undefined;
                  return (
                    <td key={r.key} className="num">
                      {formatKpi(r.kind, k?.[r.key], lang)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export function InterventionsByTypeTable({ data, lang }: { data: InterventionsByType; lang: ReportLang }) {
  const { t } = useTranslation();
  const rows = data.types.filter((r) => r.tried > 0);
  return (
    <section className="report-section" aria-labelledby="report-bytype-title">
      <h2 id="report-bytype-title">{t('reports.network.interventionsByType')}</h2>
      {rows.length === 0 ? (
        <p>{t('reports.interventions.none')}</p>
      ) : (
        <TableScroll title={t('reports.network.interventionsByType')}>
          <table className="report-table">
            {/* a councillor reads only their own town's measures: the table must not pass for the network's */}
            {data.towns !== null && (
              <caption>{t('reports.network.interventionsCounted', { count: data.towns })}</caption>
            )}
            <thead>
              <tr>
                <th scope="col">{t('reports.interventions.type')}</th>
                <th scope="col" className="num">
                  {t('reports.network.tried')}
                </th>
                <th scope="col" className="num">
                  {t('reports.network.evaluated')}
                </th>
                <th scope="col" className="num">
                  {t('reports.network.lease')}
                </th>
                <th scope="col" className="num">
                  {t('reports.network.medianCost')}
                </th>
                <th scope="col">{t('kb.topObstacles')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.type}>
                  <th scope="row">{t(`interventionType.${r.type}`)}</th>
                  <td className="num">{r.tried}</td>
                  {r.measure === 'none' ? (
                    // nothing is measured for events, marketing, facade programmes: not „0 evaluated“
                    <td className="num" colSpan={2}>
                      {t('reports.network.notMeasured')}
                    </td>
                  ) : (
                    <>
                      <td className="num">
                        {r.evaluated}
                        {r.overdue > 0 && (
                          <span className="report-sub">
                            {r.overdue} {t('reports.network.overdue')}
                          </span>
                        )}
                      </td>
                      <td className="num">
                        {r.ledToRegularLease12m} ({formatKpi('share', r.regularLeaseShare, lang)})
                      </td>
                    </>
                  )}
                  <td className="num">{formatWholeEuro(r.medianCostPerUnit, lang)}</td>
                  {/* what stood in the way most often, as the knowledge base says it („nicht erfasst“ when none) */}
                  <td data-testid="report-bytype-obstacles">
                    <ObstacleSummaryCell row={r} subClass="report-sub" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
