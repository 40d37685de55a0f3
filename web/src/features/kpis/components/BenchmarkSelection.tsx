import { todayIso } from '../../../lib/dates';
import { useTranslation } from 'react-i18next';
import { NO_TOWN } from '../benchmark-state';
import { RECORDED_TEXT_LANG, type City, type Network } from '../../../lib/domain';
import { Field } from '../../../ui/Field';
import { BENCHMARK_KPIS, type BenchmarkKpi } from '../definitions';
import type { BenchmarkState } from '../benchmark-state';

export interface BenchmarkSelectionProps {
  state: BenchmarkState;
  onChange: (patch: Partial<BenchmarkState>) => void;
  networks: Network[];
  cities: City[];
  chosen: City[];
}

/** Network or own set of towns, the date, the KPI charted, and „my town“. */
export function BenchmarkSelection({ state, onChange, networks, cities, chosen }: BenchmarkSelectionProps) {
  const { t } = useTranslation();
  const toggleTown = (id: string, on: boolean) => {
    const current = new Set(state.towns);
    if (on) current.add(id);
    else current.delete(id);
    onChange({ towns: [...current] });
  };
  return (
    <section className="town__controls benchmark-selection" aria-label={t('benchmark.selection')}>
      <Field label={t('benchmark.network')}>
        {(id) => (
          <select
            id={id}
            value={state.network ?? ''}
            onChange={(e) => onChange({ network: e.target.value || undefined, towns: [] })}
            data-testid="benchmark-network"
          >
            {networks.map((n) => (
              <option key={n.id} value={n.slug} lang={RECORDED_TEXT_LANG}>
                {n.name}
              </option>
            ))}
            <option value="">{t('benchmark.customTowns')}</option>
          </select>
        )}
      </Field>
      <Field label={t('benchmark.asOf')}>
        {(id) => (
          <input
            id={id}
            type="date"
            max={todayIso()}
            value={state.asOf}
            required
            onChange={(e) => e.target.value && onChange({ asOf: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('benchmark.kpi')}>
        {(id) => (
          <select
            id={id}
            value={state.kpi}
            onChange={(e) => onChange({ kpi: e.target.value as BenchmarkKpi })}
          >
            {BENCHMARK_KPIS.map((k) => (
              <option key={k.key} value={k.key}>
                {t(`kpi.${k.key}.label`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('benchmark.myTown')}>
        {(id) => (
          <select
            id={id}
            value={state.myTown ?? ''}
            onChange={(e) => onChange({ myTown: e.target.value || NO_TOWN })}
          >
            <option value="">{t('benchmark.noMyTown')}</option>
            {chosen.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {state.network === undefined && (
        <fieldset className="town-picker">
          <legend>{t('benchmark.towns')}</legend>
          {cities.map((c) => (
            <label key={c.id} className="chip">
              <input
                type="checkbox"
                checked={state.towns.includes(c.id)}
                onChange={(e) => toggleTown(c.id, e.target.checked)}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
