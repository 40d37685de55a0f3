import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps {
  label: string;
  /** The trigger's name for assistive technology when the visible label alone is ambiguous (a row's „Löschen“). */
  accessibleLabel?: string;
  /** The question shown after the first click. */
  question: string;
  /** The label of the button that really does it. */
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * A two-step button for actions that cannot be undone: the first click asks, the second acts.
 * Focus moves to the question's confirm button and back to the trigger on cancel (also by Escape).
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  danger,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus(); // after cancel, or after an action that keeps it
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button
        ref={triggerRef}
        type="button"
        className={`button${danger ? ' button--danger' : ''}`}
        disabled={disabled}
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        setAsking(false);
      }}
    >
      <p id={questionId} className="confirm__question">
        {question}
      </p>
      <div className="form__actions">
        <button
          ref={confirmRef}
          type="button"
          className={`button ${danger ? 'button--danger-solid' : 'button--primary'}`}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setAsking(false)}>
          {t('form.cancel')}
        </button>
      </div>
    </div>
  );
}
