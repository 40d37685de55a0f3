import { useTranslation } from 'react-i18next';

export interface ConflictRow {
  label: string;
  theirs: string;
  yours: string;
}

/**
 * Shown on 409 VERSION_CONFLICT: what the other person saved, next to what the user typed
 * (which stays in the form). "Save anyway" retries with the current version.
 */
export function ConflictNotice({
  rows,
  onRetry,
  onDiscard,
}: {
  rows: ConflictRow[];
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <p className="conflict__title">{t('conflict.title')}</p>
      <p>{t('conflict.explain')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.theirs')}</th>
            <th scope="col">{t('conflict.yours')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.theirs !== r.yours ? 'conflict__changed' : undefined}>
              <th scope="row">{r.label}</th>
              <td>{r.theirs}</td>
              <td>{r.yours}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('conflict.retry')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDiscard}>
          {t('conflict.discard')}
        </button>
      </div>
    </div>
  );
}
