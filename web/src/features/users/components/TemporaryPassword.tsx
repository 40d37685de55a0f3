import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one-time password, shown once after creating a user or resetting a password. It is not
 * stored anywhere in the app; closing the notice forgets it.
 */
export function TemporaryPassword({
  email,
  password,
  onClose,
}: {
  email: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [password]);
  return (
    <div
      className="notice temporary-password"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid="temporary-password"
    >
      <p>{t('admin.temporaryPasswordFor', { email })}</p>
      <p>
        <code className="temporary-password__value">{password}</code>
      </p>
      <p className="hint">{t('admin.temporaryPasswordOnce')}</p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={() => void navigator.clipboard?.writeText(password)}
        >
          {t('admin.copy')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('admin.done')}
        </button>
      </div>
    </div>
  );
}
