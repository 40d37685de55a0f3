import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from './BusyButton';
import { TrackUnsavedInput } from './TrackUnsavedInput';

/**
 * A form's submit and cancel buttons; the submit button says when it is saving and cannot be sent twice.
 * It also keeps track of the form's unsaved input (ui/unsaved-changes), so closing or leaving asks first.
 */
export function FormActions({
  pending,
  saved = false,
  disabled = false,
  onCancel,
  saveLabel,
  children,
}: {
  pending: boolean;
  /** The form shows what is stored (its last save succeeded, or it was reset); for forms that stay open. */
  saved?: boolean;
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
      <TrackUnsavedInput saved={saved} />
      <BusyButton type="submit" className="button button--primary" disabled={disabled} busy={pending}>
        {pending ? t('form.saving') : (saveLabel ?? t('form.save'))}
      </BusyButton>
      {onCancel && (
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      )}
      {children}
    </div>
  );
}
