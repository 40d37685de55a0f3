import { useTranslation } from 'react-i18next';
import type { TownKpis } from '../api/report-types';
import { formatChange, formatKpi, type ReportLang } from '../report-format';
import { kpiValue, STOCK_ROWS, FLOW_ROWS } from '../report-kpis';

const HIGHLIGHTS = ['vacancyRate', 'vacantUnits', 'longTermVacantUnits', 'netChange'];

/** Four headline figures under the map, each with its change against the previous year. */
export function KeyFigures({
  kpis,
  previous,
  lang,
}: {
  kpis: TownKpis;
  previous?: TownKpis;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const rows = [...STOCK_ROWS, ...FLOW_ROWS].filter((r) => HIGHLIGHTS.includes(r.key));
  return (
    <dl className="report-key-figures">
      {rows.map((row) => {
        const now = kpiValue(row, kpis);
        const before = previous ? kpiValue(row, previous) : null;
        return (
          <div key={row.key} data-kpi={row.key}>
            <dt>{t(`reports.kpi.${row.key}`)}</dt>
            <dd>
              <span className="report-key-figures__value">{formatKpi(row.kind, now, lang)}</span>
              <span className="report-key-figures__change">
                {formatChange(row.kind, now, before, lang)} {t('reports.keyFigures.vsPrevious')}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
