import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { NewUnit } from '../api/imports-api';

/** Up to this many new units, the list is open at once; longer lists are a click away. */
const OPEN_UP_TO = 20;

/**
 * Which rows a commit would create units from (from the dry run), by line with the file's address and
 * status: „Neu angelegt 3“ alone does not show a duplicate of a stored unit before it is written.
 */
export function NewUnitsPreview({ newUnits, created }: { newUnits: NewUnit[]; created: number }) {
  const { t } = useTranslation();
  if (newUnits.length === 0) return null;
  return (
    <details className="change-preview" data-testid="new-units-preview" open={created <= OPEN_UP_TO}>
      <summary>{t('import.newUnits.summary', { count: created })}</summary>
      {newUnits.length < created && (
        <p>{t('import.newUnits.firstOnly', { shown: formatNumber(newUnits.length), count: created })}</p>
      )}
      <div className="table-wrap">
        <table className="storefront-table">
          <caption className="visually-hidden">{t('import.newUnits.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.report.line')}</th>
              <th scope="col">{t('import.newUnits.address')}</th>
              <th scope="col">{t('import.newUnits.status')}</th>
            </tr>
          </thead>
          <tbody>
            {newUnits.map((unit) => (
              <tr key={unit.line}>
                <td>{unit.line}</td>
                <th scope="row">{unit.address}</th>
                <td>{t(`status.${unit.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
