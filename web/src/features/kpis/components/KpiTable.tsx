import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nameCollator } from '../../../lib/collate';
import { formatDate } from '../../../lib/format';
import type { TownKpis } from '../api/kpis-api';
import { downloadCsv, toCsv } from '../../../lib/csv';
import { BENCHMARK_KPIS, kpiValue, type BenchmarkKpi } from '../definitions';
import { formatKpi, kpiCases } from '../kpi-format';
import { kpiTableCsv } from '../kpi-table-csv';
import { KpiInfoButton } from './KpiInfoButton';

type SortKey = 'town' | BenchmarkKpi;

/** Every KPI for every chosen town, sortable by any column, downloadable as CSV. */
export function KpiTable({
  kpis,
  names,
  synthetic,
  asOf,
}: {
  kpis: TownKpis[];
  names: Map<string, string>;
  /** The towns whose data are synthetic demo data (the CSV says so on their rows). */
  synthetic: ReadonlySet<string>;
  /** The reference date, YYYY-MM-DD: shown formatted, used as is in the file name. */
  asOf: string;
}) {
  const { t, i18n } = useTranslation();
  const date = formatDate(asOf);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'town', dir: 'asc' });
  const [german, setGerman] = useState(true);
  const rows = useMemo(() => {
    const name = (k: TownKpis) => names.get(k.cityId) ?? k.cityId;
    const sorted = [...kpis].sort((a, b) => {
      if (sort.key === 'town') return nameCollator(i18n.language).compare(name(a), name(b));
      const va = kpiValue(a, sort.key) ?? -Infinity;
      const vb = kpiValue(b, sort.key) ?? -Infinity;
      return va - vb;
    });
    return sort.dir === 'asc' ? sorted : sorted.reverse();
  }, [kpis, names, sort, i18n.language]);
  const toggle = (key: SortKey) =>
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const download = () => {
    const { header, body } = kpiTableCsv(rows, names, synthetic, asOf, t, formatDate);
    downloadCsv(`schaufenster-kennzahlen-${asOf}.csv`, toCsv(header, body, { german }));
  };
  const column = (key: SortKey, label: string) => (
    <th key={key} scope="col" aria-sort={ariaSort(key)}>
      <button
        type="button"
        className="sort-button"
        onClick={() => toggle(key)}
        aria-label={t('benchmark.sortBy', { column: label })}
      >
        {label}
        {sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
      {key !== 'town' && <KpiInfoButton kpi={key} />}
    </th>
  );
  return (
    <section aria-labelledby="kpi-table-heading" className="kpi-table">
      <h2 id="kpi-table-heading">{t('benchmark.table', { date })}</h2>
      <div className="form__actions">
        <button type="button" className="button" onClick={download} data-testid="csv-download">
          {t('benchmark.download')}
        </button>
        <label className="chip">
          <input type="checkbox" checked={german} onChange={(e) => setGerman(e.target.checked)} />
          {t('benchmark.germanExcel')}
        </label>
      </div>
      <div className="table-wrap">
        <table className="storefront-table" data-testid="kpi-table">
          <caption className="visually-hidden">{t('benchmark.table', { date })}</caption>
          <thead>
            <tr>
              {column('town', t('benchmark.town'))}
              {BENCHMARK_KPIS.map((k) => column(k.key, t(`kpi.${k.key}.label`)))}
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => (
              <tr key={k.cityId} data-city-id={k.cityId}>
                <th scope="row">
                  {names.get(k.cityId)}
                  {k.perimeterIsPlaceholder && (
                    <span className="visually-hidden"> ({t('benchmark.placeholderPerimeter')})</span>
                  )}
                  {k.perimeterIsPlaceholder && (
                    <span aria-hidden="true" title={t('benchmark.placeholderPerimeter')}>
                      {' '}
                      *
                    </span>
                  )}
                </th>
                {BENCHMARK_KPIS.map((m) => {
                  const cases = kpiCases(t, m.key, k);
                  return (
                    <td key={m.key} data-kpi={m.key}>
                      {formatKpi(t, m.key, kpiValue(k, m.key))}
                      {cases && <span className="kpi-cases"> ({cases})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.some((k) => k.perimeterIsPlaceholder) && (
        <p className="hint" data-testid="placeholder-footnote">
          {t('benchmark.placeholderFootnote')}
        </p>
      )}
    </section>
  );
}
