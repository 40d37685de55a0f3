import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OCCUPANCY_STATUSES } from '../../../lib/domain';
import { Field } from '../../../ui/Field';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import { CategorySelect } from '../../../ui/VocabularySelect';
import { activeFilterCount, type DashboardState } from '../filter-state';

const VACANCY_MONTHS = [3, 6, 12, 24, 36];

export function FilterBar({
  state,
  onChange,
  interventions,
}: {
  state: DashboardState;
  onChange: (c: Partial<DashboardState>) => void;
  /** Offer the filter by intervention (to the town's members only: open data has no interventions). */
  interventions: boolean;
}) {
  const { t } = useTranslation();
  const active = activeFilterCount(state);
  // Closed unless the page opens with a filter set (a shared link shows what it filters by): the map
  // starts higher up. Only the first render decides; afterwards the summary opens and closes it, and a
  // filter reset while it is open does not snatch it (and the focus in it) away.
  const [openAtStart] = useState(active > 0);
  const toggleStatus = (status: (typeof OCCUPANCY_STATUSES)[number], on: boolean): void =>
    onChange({ statuses: on ? [...state.statuses, status] : state.statuses.filter((s) => s !== status) });
  return (
    <details className="filters-toggle" open={openAtStart} data-testid="filters-toggle">
      <summary className="button">
        {t('filters.title')}
        {active > 0 && ` (${t('filters.active', { count: active })})`}
      </summary>
      <form className="filters" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="filters__statuses">
          <legend>{t('filters.status')}</legend>
          {OCCUPANCY_STATUSES.map((status) => (
            <label key={status} className="chip">
              <input
                type="checkbox"
                name="status"
                value={status}
                checked={state.statuses.includes(status)}
                onChange={(e) => toggleStatus(status, e.target.checked)}
              />
              <StatusSwatch status={status} />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('filters.category')}>
          {(id) => (
            <CategorySelect
              id={id}
              value={state.useCategories.length > 1 ? 'several' : (state.useCategories[0] ?? '')}
              severalLabel={state.useCategories.map((c) => t(`category.${c}`)).join(', ')}
              onChange={(c) => onChange({ useCategories: c ? [c] : [] })}
              emptyLabel={t('filters.allCategories')}
            />
          )}
        </Field>
        <Field label={t('filters.vacantFor')}>
          {(id) => (
            <select
              id={id}
              value={state.vacantForMonths ?? ''}
              onChange={(e) =>
                onChange({ vacantForMonths: e.target.value ? Number(e.target.value) : undefined })
              }
            >
              <option value="">{t('filters.vacantForAny')}</option>
              {[...new Set([...VACANCY_MONTHS, ...(state.vacantForMonths ? [state.vacantForMonths] : [])])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={m}>
                    {t('filters.months', { count: m })}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {interventions && (
          <Field label={t('filters.intervention')}>
            {(id) => (
              <select
                id={id}
                value={state.hasIntervention === undefined ? '' : String(state.hasIntervention)}
                onChange={(e) =>
                  onChange({ hasIntervention: e.target.value === '' ? undefined : e.target.value === 'true' })
                }
              >
                <option value="">{t('filters.interventionAny')}</option>
                <option value="true">{t('filters.interventionYes')}</option>
                <option value="false">{t('filters.interventionNo')}</option>
              </select>
            )}
          </Field>
        )}
        {activeFilterCount(state) > 0 && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() =>
              onChange({
                statuses: [],
                useCategories: [],
                vacantForMonths: undefined,
                hasIntervention: undefined,
              })
            }
          >
            {t('filters.reset')}
          </button>
        )}
      </form>
    </details>
  );
}
