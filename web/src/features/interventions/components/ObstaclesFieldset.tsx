import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERVENTION_OBSTACLES, type InterventionObstacle } from '../../../lib/domain';
import { toggleObstacle } from '../obstacles';

/**
 * What stood in an intervention's way, ticked from the fixed list (docs/kpis.md, "Obstacles"): a
 * group of checkboxes with one legend and the hint read with the group.
 */
export function ObstaclesFieldset({
  value,
  onChange,
}: {
  value: readonly InterventionObstacle[];
  onChange: (next: InterventionObstacle[]) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="form__group obstacles" aria-describedby={hintId} data-testid="obstacles">
      <legend>{t('intervention.obstacles')}</legend>
      <p id={hintId} className="hint">
        {t('intervention.obstaclesHint')}
      </p>
      {INTERVENTION_OBSTACLES.map((o) => (
        <label key={o} className="checkbox-field">
          <input
            type="checkbox"
            name="obstacles"
            value={o}
            checked={value.includes(o)}
            onChange={(e) => onChange(toggleObstacle(value, o, e.target.checked))}
          />
          {t(`interventionObstacle.${o}`)}
        </label>
      ))}
    </fieldset>
  );
}
