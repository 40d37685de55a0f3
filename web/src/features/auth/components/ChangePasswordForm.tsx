import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { errorMessageKey, errorMessageValues } from '../../../lib/error-message';
import { BusyButton } from '../../../ui/BusyButton';
import { useFocusOnRefusal } from '../../../ui/Field';
import { useChangePassword } from '../hooks/use-change-password';
import { PasswordField } from './PasswordField';

/** The API's rule (api/src/auth/password.ts MIN_PASSWORD_LENGTH), checked here first to say it at once. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Current password, new password twice. Mistakes are said at the field concerned: a wrong current
 * password, a new one too short, the same as before or not repeated alike.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  // a refusal, here or by the API, takes the focus to the field it concerns (its error is read with it)
  const { form, refused } = useFocusOnRefusal();
  const error = change.error;
  const reason = isApiError(error, 'VALIDATION_FAILED')
    ? (error.details as { reason?: unknown } | undefined)?.reason
    : undefined;
  const tooShort = next.length < MIN_PASSWORD_LENGTH;
  const mismatch = next !== repeat;
  const currentError = reason === 'wrong_password' ? t('account.wrongPassword') : undefined;
  const nextError =
    checked && tooShort
      ? t('account.tooShort', { count: MIN_PASSWORD_LENGTH })
      : reason === 'same_password'
        ? t('account.samePassword')
        : undefined;
  const repeatError = checked && !tooShort && mismatch ? t('account.mismatch') : undefined;
  const otherError =
    error && !currentError && reason !== 'same_password'
      ? t(errorMessageKey(error), errorMessageValues(error))
      : null;
  return (
    <form
      ref={form}
      className="form"
      aria-labelledby="change-password-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (tooShort || mismatch || !current) return refused();
        change.mutate(
          { currentPassword: current, newPassword: next },
          { onSuccess: onChanged, onError: refused },
        );
      }}
    >
      <PasswordField
        label={t('account.currentPassword')}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={currentError ?? (checked && !current ? t('account.missing') : undefined)}
      />
      <PasswordField
        label={t('account.newPassword')}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        hint={t('account.rules', { count: MIN_PASSWORD_LENGTH })}
        error={nextError}
      />
      <PasswordField
        label={t('account.repeatPassword')}
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        error={repeatError}
      />
      {otherError && (
        <p className="form__error" role="alert">
          {otherError}
        </p>
      )}
      <div className="form__actions">
        <BusyButton type="submit" className="button button--primary" busy={change.isPending}>
          {change.isPending ? t('account.saving') : t('account.save')}
        </BusyButton>
      </div>
    </form>
  );
}
