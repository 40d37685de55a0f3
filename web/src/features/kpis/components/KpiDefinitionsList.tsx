import { useTranslation } from 'react-i18next';
import { BENCHMARK_KPIS, KPI_DEFINITIONS_VERSION, OTHER_DEFINED_KPIS } from '../definitions';

/** Every KPI definition (from docs/kpis.md), each with an anchor for links from the numbers. */
export function KpiDefinitionsList() {
  const { t } = useTranslation();
  const keys = [...BENCHMARK_KPIS.map((k) => k.key), ...OTHER_DEFINED_KPIS];
  return (
    <div className="narrow-page narrow-page--wide">
      <h1>{t('kpi.definitionsTitle', { version: KPI_DEFINITIONS_VERSION })}</h1>
      <p>{t('kpi.definitionsIntro')}</p>
      <dl className="definitions">
        {keys.map((key) => (
          <div key={key} id={key}>
            <dt>{t(`kpi.${key}.label`)}</dt>
            <dd>{t(`kpi.${key}.definition`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
