import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { decimalInput, parseDecimal } from '../../../lib/numbers';
import { Field, focusFirstInvalid } from '../../../ui/Field';
import type { ContactFields, StorefrontContact } from '../api/contacts-api';
import { useSaveContact } from '../hooks/use-save-contact';
import { FormActions } from '../../../ui/FormActions';
import { mergeChanged } from '../../../lib/merge-changed';

type Draft = Record<keyof ContactFields, string>;

const toDraft = (c: StorefrontContact | null, language: string): Draft => ({
  ownerName: c?.ownerName ?? '',
  ownerPhone: c?.ownerPhone ?? '',
  ownerEmail: c?.ownerEmail ?? '',
  askingRentEurMonth: decimalInput(c?.askingRentEurMonth, language),
  note: c?.note ?? '',
});

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** The fields to send; undefined while the rent is not a number (the field says so). */
export function toContactFields(d: Draft, language: string): ContactFields | undefined {
  const rent = parseDecimal(d.askingRentEurMonth, language);
  if (rent === 'invalid') return undefined;
  return {
    ownerName: text(d.ownerName),
    ownerPhone: text(d.ownerPhone),
    ownerEmail: text(d.ownerEmail),
    askingRentEurMonth: rent,
    note: text(d.note),
  };
}

export interface ContactFormProps {
  storefrontId: string;
  storefrontVersion: number;
  contact: StorefrontContact | null;
  /** Closes the form; `saved` after a successful save. */
  onDone: (saved?: boolean) => void;
}

/** Edits the landlord contact and asking rent of one unit. */
export function ContactForm({ storefrontId, storefrontVersion, contact, onDone }: ContactFormProps) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnOpen(); // the button that opened the form is gone
  const mutation = useSaveContact(storefrontId);
  // The contact and version the form opened with: a background reload must not lend the typed contact
  // a newer version (it would replace a colleague's contact unseen). After a 409 the user may save on
  // top: the fields they changed, every other as the colleague left it.
  const [opened] = useState(() => ({ draft: toDraft(contact, i18n.language), version: storefrontVersion }));
  const [draft, setDraft] = useState(opened.draft);
  const fields = toContactFields(draft, i18n.language);
  const form = useRef<HTMLFormElement>(null);
  const save = (version: number): void => {
    const merged = toContactFields(
      mergeChanged(draft, opened.draft, toDraft(contact, i18n.language)),
      i18n.language,
    );
    if (!fields || !merged) return focusFirstInvalid(form.current); // the rent field says what is wrong
    mutation.mutate({ version, contact: merged }, { onSuccess: () => onDone(true) });
  };
  const input = (
    key: keyof Draft,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    error?: string,
  ) => (
    <Field label={label} error={error}>
      {(id, errorProps) => (
        <input
          id={id}
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
          {...props}
          {...errorProps}
        />
      )}
    </Field>
  );
  return (
    <form
      ref={form}
      className="form"
      aria-labelledby="contact-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save(opened.version);
      }}
    >
      <h4 id="contact-form-heading" ref={heading} tabIndex={-1}>
        {t('contact.edit')}
      </h4>
      {input('ownerName', t('contact.ownerName'), { autoComplete: 'off' })}
      {input('ownerPhone', t('contact.ownerPhone'), { type: 'tel', autoComplete: 'off' })}
      {input('ownerEmail', t('contact.ownerEmail'), { type: 'email', autoComplete: 'off' })}
      {input(
        'askingRentEurMonth',
        t('contact.askingRent'),
        { inputMode: 'decimal' },
        fields ? undefined : t('form.numberInvalid'),
      )}
      <Field label={t('contact.note')}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            value={draft.note}
            onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
          />
        )}
      </Field>
      {mutation.error && <ApiErrorMessage error={mutation.error} onRetry={save} />}
      <FormActions pending={mutation.isPending} onCancel={() => onDone()} />
    </form>
  );
}
