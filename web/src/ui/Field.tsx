import { useId, type ReactNode } from 'react';

/** What a control needs to be tied to its field's error message (spread onto the input). */
export interface FieldErrorProps {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled form control; the label is always visible and tied to the control by id. An error is
 * shown under the control, in text, and announced with it (aria-invalid, aria-describedby).
 */
export function Field({
  label,
  children,
  hint,
  error,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (id: string, errorProps: FieldErrorProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
      {hint && <p className="field__hint">{hint}</p>}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
