import { useTranslation } from 'react-i18next';
import type { CityDetail } from '../../../lib/domain';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { useSetOpenData } from '../hooks/use-set-open-data';

/** The town's „Open Data“ switch: publish the map and KPIs (never personal data) to everyone. */
export function OpenDataSwitch({ town }: { town: CityDetail }) {
  const { t } = useTranslation();
  const mutation = useSetOpenData(town.id);
  return (
    <div className="open-data">
      <label className="chip">
        <input
          type="checkbox"
          role="switch"
          checked={town.openData}
          aria-checked={town.openData}
          aria-describedby="open-data-hint"
          disabled={mutation.isPending}
          onChange={(e) => mutation.mutate({ openData: e.target.checked, version: town.version })}
          data-testid="open-data-switch"
        />
        {t('town.openData')}
      </label>
      <p id="open-data-hint" className="field__hint">
        {t('town.openDataHint')}
      </p>
      {mutation.error && <ApiErrorMessage error={mutation.error} />}
    </div>
  );
}
