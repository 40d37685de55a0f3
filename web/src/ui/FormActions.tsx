import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form's submit and cancel buttons; the submit button says when it is saving and cannot be sent twice. */
export function FormActions({
  pending,
  disabled = false,
  onCancel,
  saveLabel,
  children,
}: {
  pending: boolean;
  /** Not ready to be sent yet (e.g. no position chosen). */
  disabled?: boolean;
  onCancel?: () => void;
  saveLabel?: string;
  /** Further actions after these two (e.g. a removal that asks first). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={pending || disabled}>
        {pending ? t('form.saving') : (saveLabel ?? t('form.save'))}
      </button>
      {onCancel && (
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      )}
      {children}
    </div>
  );
}
