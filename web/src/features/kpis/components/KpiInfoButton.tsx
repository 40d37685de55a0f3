import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_DEFINITIONS_VERSION } from '../definitions';

/**
 * The „i“ next to every KPI: opens its definition (docs/kpis.md, same version as the API's
 * answers) in a modal dialog; the dialog links to the page with all definitions.
 */
export function KpiInfoButton({ kpi }: { kpi: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId(); // the same KPI's button may stand several times on a page
  const label = t(`kpi.${kpi}.label`);
  return (
    <>
      <button
        type="button"
        className="info-button"
        aria-label={t('kpi.definitionOf', { label })}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        i
      </button>
      <dialog ref={dialog} className="kpi-dialog" aria-labelledby={headingId}>
        <h2 id={headingId}>{label}</h2>
        <p>{t(`kpi.${kpi}.definition`)}</p>
        <p className="hint">
          <a href={`/kennzahlen#${kpi}`}>{t('kpi.allDefinitions')}</a> ·{' '}
          {t('kpi.definitionsTitle', { version: KPI_DEFINITIONS_VERSION })}
        </p>
        <form method="dialog">
          <button type="submit" className="button">
            {t('kpi.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
