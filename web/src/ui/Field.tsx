import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, errorMessageValues, refusedField } from '../lib/error-message';

/**
 * What a control needs to be tied to its field (spread onto the input): the hint and the error it is
 * described by, whether its value is invalid, whether it is required.
 */
export interface FieldControlProps {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
  required?: true;
}
/** The former name of `FieldControlProps` (it carried the error only). */
export type FieldErrorProps = FieldControlProps;

/** The control's props for a field with the given hint and error ids (undefined: not shown). */
export function fieldControlProps({
  hintId,
  errorId,
  required = false,
}: {
  hintId?: string | undefined;
  errorId?: string | undefined;
  required?: boolean;
}): FieldControlProps {
  // The error first: it is what the user has to act on; the hint says what is expected.
  const describedBy = [errorId, hintId].filter((x): x is string => x !== undefined).join(' ');
  return {
    ...(errorId !== undefined ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(required ? { required: true as const, 'aria-required': true as const } : {}),
  };
}

/**
 * Moves the focus to the first control a refused submit left marked invalid, so that its error is
 * read with it (WCAG 3.3.1): a silent Save button had left keyboard and screen-reader users guessing.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * For forms whose errors are drawn only after a refused submit (or a refusal from the API): call
 * `refused()`, and once the errors are on the page the first invalid control of `form` gets the focus.
 */
export function useFocusOnRefusal(): { form: RefObject<HTMLFormElement | null>; refused: () => void } {
  const form = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(form.current);
  }, [refusals]);
  return { form, refused: () => setRefusals((n) => n + 1) };
}

/**
 * When the API refuses a form's input for one field (`refusedField`), the form shows the message at
 * that field; this takes the focus there once it is drawn, so that the message is read with it.
 */
/** The API's refusal as the message of the field `name`, when it is about that field (`refusedField`). */
export function refusalAt(t: TFunction, error: Error | null, name: string): string | undefined {
  return error && refusedField(error) === name
    ? t(errorMessageKey(error), errorMessageValues(error))
    : undefined;
}

export function useFocusOnRefusedField(
  error: unknown,
  fieldName: string | null,
  form: RefObject<HTMLFormElement | null>,
): void {
  useEffect(() => {
    if (error && fieldName) focusFirstInvalid(form.current);
  }, [error, fieldName, form]);
}

/**
 * A labelled form control; the label is always visible and tied to the control by id (WCAG 1.3.1,
 * 3.3.2). A hint and an error are shown under the control, in text, and read with it
 * (aria-describedby); an error also marks the control invalid. A required field says so next to its
 * label in words ("Pflichtfeld"), and the control is `required`, which screen readers announce — so
 * the visible word is hidden from them, not read twice. Mark as required what the API requires.
 */
export function Field({
  label,
  children,
  hint,
  error,
  required = false,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  children: (id: string, controlProps: FieldControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const labelElement = <label htmlFor={id}>{label}</label>;
  return (
    <div className="field">
      {required ? (
        <span className="field__label">
          {labelElement}{' '}
          <span className="field__required" aria-hidden="true">
            {t('a11y.form.required')}
          </span>
        </span>
      ) : (
        labelElement
      )}
      {children(
        id,
        fieldControlProps({
          hintId: hint ? hintId : undefined,
          errorId: error ? errorId : undefined,
          required,
        }),
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
