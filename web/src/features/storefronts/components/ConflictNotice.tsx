import { useTranslation } from 'react-i18next';

export interface ConflictRow {
  label: string;
  theirs: string;
  /** What the user typed; null when they left the field as it was (saving again keeps the colleague's value). */
  yours: string | null;
}

/**
 * Shown on 409 VERSION_CONFLICT: what the other person saved, next to what the user typed
 * (which stays in the form). "Save anyway" retries with the current version and writes only what the
 * user changed. Rows that differ are marked in text as well as by colour.
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
          {rows.map((r) => {
            const differs = r.yours !== null && r.theirs !== r.yours;
            return (
              <tr key={r.label} className={differs ? 'conflict__changed' : undefined}>
                <th scope="row">
                  {r.label}
                  {differs && <span className="visually-hidden"> ({t('conflict.differs')})</span>}
                </th>
                <td>{r.theirs}</td>
                <td>{r.yours ?? <span className="hint">{t('conflict.unchanged')}</span>}</td>
              </tr>
            );
          })}
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
