import { useTranslation } from 'react-i18next';
import type { TownKpis } from '../api/kpis-api';
import { kpiValue, type BenchmarkKpi } from '../definitions';
import { formatKpi, formatKpiChange } from '../kpi-format';
import { KpiInfoButton } from './KpiInfoButton';

const CARD_KPIS: BenchmarkKpi[] = [
  'vacancyRate',
  'longTermVacancyShare',
  'medianVacancyDays',
  'vacantPer1000Inhabitants',
  'dataFreshness',
  'netChange',
];

export interface TownVsNetworkCardsProps {
  town: string;
  now: TownKpis;
  previousYear: TownKpis | undefined;
  /** Median per KPI across the network (or the selection). */
  medianOf: (kpi: BenchmarkKpi) => number | null;
  /** Whether the towns compared are a network (else the user's own selection of towns). */
  isNetwork: boolean;
  /** What the median is called: „Netzwerk-Median“ or „Median der Auswahl“. */
  medianLabel: string;
}

/** „Meine Stadt gegen das Netzwerk“: value, network median and change against the previous year. */
export function TownVsNetworkCards({
  town,
  now,
  previousYear,
  medianOf,
  isNetwork,
  medianLabel,
}: TownVsNetworkCardsProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cards-heading" data-testid="town-cards">
      <h2 id="cards-heading">{t(isNetwork ? 'benchmark.cards' : 'benchmark.cardsSelection', { town })}</h2>
      <ul className="kpi-cards">
        {CARD_KPIS.map((kpi) => {
          const value = kpiValue(now, kpi);
          return (
            <li key={kpi} className="card kpi-card">
              <span className="kpi-card__label">
                {t(`kpi.${kpi}.label`)} <KpiInfoButton kpi={kpi} />
              </span>
              <span className="kpi-card__value">{formatKpi(t, kpi, value)}</span>
              <span>
                {t('benchmark.cardMedian', { label: medianLabel, value: formatKpi(t, kpi, medianOf(kpi)) })}
              </span>
              <span>
                {t('benchmark.cardChange', {
                  value: formatKpiChange(t, kpi, value, previousYear ? kpiValue(previousYear, kpi) : null),
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
