import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import type { ImportChange } from '../api/imports-api';
import { describeChange } from '../change-text';

/** Up to this many changed units, the list is open at once; longer lists are a click away. */
const OPEN_UP_TO = 20;

/**
 * What a commit would change on each existing unit (from the dry run), field by field with the stored
 * and the new value: „Aktualisiert 4“ alone does not say whether four tenants or four addresses change.
 */
export function ChangePreview({ changes, updated }: { changes: ImportChange[]; updated: number }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <details className="change-preview" data-testid="change-preview" open={updated <= OPEN_UP_TO}>
      <summary>{t('import.changes.summary', { count: updated })}</summary>
      {changes.length < updated && (
        <p>{t('import.changes.firstOnly', { shown: formatNumber(changes.length), count: updated })}</p>
      )}
      <div className="table-wrap">
        <table className="storefront-table">
          <caption className="visually-hidden">{t('import.changes.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.report.line')}</th>
              <th scope="col">{t('import.changes.unit')}</th>
              <th scope="col">{t('import.changes.what')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.line}>
                <td>{c.line}</td>
                <th scope="row">{c.address}</th>
                <td>
                  <ul className="change-preview__fields">
                    {c.fields.map((f) => (
                      <li key={f.field}>{describeChange(f, t)}</li>
                    ))}
                  </ul>
                  {c.statusFrom && <p>{t('import.changes.from', { date: formatDate(c.statusFrom) })}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
