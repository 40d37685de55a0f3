import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityDetail } from '../../../lib/domain';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { useSetOpenData } from '../hooks/use-set-open-data';

/**
 * The town's „Open Data“ switch: publish the map and KPIs (never personal data) to everyone.
 * Publishing asks first (it shows the town's data to the public at once); withdrawing does not.
 */
export function OpenDataSwitch({ town }: { town: CityDetail }) {
  const { t } = useTranslation();
  const mutation = useSetOpenData(town.id);
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const switchRef = useRef<HTMLInputElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) switchRef.current?.focus(); // back on the switch once the question is gone
    wasAsking.current = asking;
  }, [asking]);
  const answer = (publish: boolean): void => {
    setAsking(false);
    if (publish) mutation.mutate({ openData: true, version: town.version });
  };
  return (
    <div className="open-data">
      <label className="chip">
        <input
          ref={switchRef}
          type="checkbox"
          role="switch"
          checked={town.openData}
          aria-checked={town.openData}
          aria-describedby="open-data-hint"
          aria-disabled={mutation.isPending || asking}
          onChange={(e) => {
            if (mutation.isPending || asking) return; // stays focusable while the question is open
            if (e.target.checked) setAsking(true);
            else mutation.mutate({ openData: false, version: town.version });
          }}
          data-testid="open-data-switch"
        />
        {t('town.openData')}
      </label>
      <p id="open-data-hint" className="field__hint">
        {t('town.openDataHint')}
      </p>
      {asking && (
        <div
          className="confirm"
          role="group"
          aria-labelledby="open-data-question"
          // Escape takes the question back, as in the delete confirmations (ui/ConfirmButton)
          onKeyDown={(e) => {
            if (e.key === 'Escape') answer(false);
          }}
        >
          <p id="open-data-question" className="confirm__question">
            {t('town.openDataQuestion', { town: town.name })}
          </p>
          <div className="form__actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--primary"
              onClick={() => answer(true)}
            >
              {t('town.openDataConfirm')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => answer(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      )}
      {mutation.error && <ApiErrorMessage error={mutation.error} />}
    </div>
  );
}
