import { Field } from '../../../ui/Field';

/** A required password input in its labelled field (the browser's password manager reads `autoComplete`). */
export function PasswordField({
  label,
  autoComplete,
  value,
  onChange,
  hint,
  error,
}: {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
}) {
  return (
    <Field label={label} required error={error} {...(hint ? { hint } : {})}>
      {(id, props) => (
        <input
          id={id}
          type="password"
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...props}
        />
      )}
    </Field>
  );
}
