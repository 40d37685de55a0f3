import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import { FLOORS, type Floor, type Storefront } from '../../../lib/domain';
import { decimalInput, parseDecimal } from '../../../lib/numbers';
import { Field, focusFirstInvalid } from '../../../ui/Field';
import type { StorefrontAttributes } from '../api/storefronts-api';
import { conflictingStorefront } from '../conflict';
import { useUpdateStorefront } from '../hooks/use-storefront-mutations';
import { ConflictNotice } from './ConflictNotice';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { FormActions } from '../../../ui/FormActions';

type Draft = Record<'street' | 'houseNumber' | 'postcode' | 'floorAreaM2' | 'frontageM' | 'notes', string> & {
  floor: Floor;
};

const NUMERIC = ['floorAreaM2', 'frontageM'] as const;

/** A German postcode: five digits (the API's rule); empty means none. */
const postcodeValid = (text: string): boolean => text.trim() === '' || /^[0-9]{5}$/.test(text.trim());

const toDraft = (s: Storefront, language: string): Draft => ({
  street: s.street,
  houseNumber: s.houseNumber,
  postcode: s.postcode ?? '',
  floorAreaM2: decimalInput(s.floorAreaM2, language),
  frontageM: decimalInput(s.frontageM, language),
  notes: s.notes ?? '',
  floor: s.floor,
});

const toText = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** The fields the user changed compared with what they started from (numbers valid: see `invalid`). */
export function changedAttributes(
  base: Draft,
  draft: Draft,
  language: string,
): Partial<StorefrontAttributes> {
  const toNumber = (v: string): number | null => {
    const n = parseDecimal(v, language);
    return n === 'invalid' ? null : n;
  };
  const changes: Partial<StorefrontAttributes> = {};
  if (draft.street !== base.street) changes.street = draft.street.trim();
  if (draft.houseNumber !== base.houseNumber) changes.houseNumber = draft.houseNumber.trim();
  if (draft.postcode !== base.postcode) changes.postcode = toText(draft.postcode);
  if (draft.floorAreaM2 !== base.floorAreaM2) changes.floorAreaM2 = toNumber(draft.floorAreaM2);
  if (draft.frontageM !== base.frontageM) changes.frontageM = toNumber(draft.frontageM);
  if (draft.notes !== base.notes) changes.notes = toText(draft.notes);
  if (draft.floor !== base.floor) changes.floor = draft.floor;
  return changes;
}

export function EditStorefrontForm({
  storefront,
  onDone,
}: {
  storefront: Storefront;
  /** Closes the form; `saved` after a successful save (the panel says so). */
  onDone: (saved?: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnOpen(); // the button that opened the form is gone
  const mutation = useUpdateStorefront(storefront.id);
  const language = i18n.language;
  const [base] = useState(() => toDraft(storefront, language));
  const [draft, setDraft] = useState(base);
  const conflict = conflictingStorefront(mutation.error);
  const set = (key: keyof Draft, value: string): void => setDraft((d) => ({ ...d, [key]: value }));
  const form = useRef<HTMLFormElement>(null);
  const invalid = new Set<keyof Draft>(
    NUMERIC.filter((key) => parseDecimal(draft[key], language) === 'invalid'),
  );
  if (!postcodeValid(draft.postcode)) invalid.add('postcode');
  const submit = (version: number): void => {
    // the fields say what is wrong, the first one gets the focus; nothing is sent
    if (invalid.size > 0) return focusFirstInvalid(form.current);
    // Only what this user changed: fields they left alone keep what a colleague saved meanwhile.
    const changes = changedAttributes(base, draft, language);
    // Nothing changed: nothing to write (a save would still raise the version and add an empty change
    // to the history, and a colleague saving meanwhile would be told of a conflict for nothing).
    if (Object.keys(changes).length === 0) return onDone();
    mutation.mutate({ version, changes }, { onSuccess: () => onDone(true) });
  };

  const text = (
    key: Exclude<keyof Draft, 'floor'>,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field
      label={label}
      hint={hint}
      error={
        !invalid.has(key)
          ? undefined
          : key === 'postcode'
            ? t('form.postcodeInvalid')
            : t('form.numberInvalid')
      }
      required={props.required === true}
    >
      {(id, controlProps) => (
        <input
          id={id}
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
          {...props}
          {...controlProps}
        />
      )}
    </Field>
  );
  const theirs = conflict ? toDraft(conflict, language) : null;
  const labels: [keyof Draft, string][] = [
    ['street', t('form.street')],
    ['houseNumber', t('form.houseNumber')],
    ['postcode', t('form.postcode')],
    ['floorAreaM2', t('form.floorArea')],
    ['frontageM', t('form.frontage')],
    ['floor', t('form.floor')],
    ['notes', t('form.notes')],
  ];

  return (
    <form
      ref={form}
      className="form"
      aria-labelledby="edit-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit(storefront.version);
      }}
    >
      <h3 id="edit-heading" ref={heading} tabIndex={-1}>
        {t('panel.edit')}
      </h3>
      {text('street', t('form.street'), { required: true })}
      {text('houseNumber', t('form.houseNumber'))}
      {text('postcode', t('form.postcode'), { inputMode: 'numeric' }, t('form.postcodeHint'))}
      {text('floorAreaM2', t('form.floorArea'), { inputMode: 'decimal' })}
      {text('frontageM', t('form.frontage'), { inputMode: 'decimal' })}
      <Field label={t('form.floor')}>
        {(id) => (
          <select id={id} value={draft.floor} onChange={(e) => set('floor', e.target.value)}>
            {FLOORS.map((f) => (
              <option key={f} value={f}>
                {t(`floor.${f}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.notes')}>
        {(id) => (
          <textarea id={id} rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
        )}
      </Field>
      {conflict && theirs ? (
        <ConflictNotice
          rows={labels.map(([key, label]) => {
            // the floor is a code (ground, upper, basement): shown by its name, as in the form
            const shown = (v: string): string => (key === 'floor' && v ? t(`floor.${v}`) : v) || '–';
            return {
              label,
              theirs: shown(theirs[key]),
              yours: draft[key] === base[key] ? null : shown(draft[key]),
            };
          })}
          onRetry={() => submit(conflict.version)}
          onDiscard={() => onDone()}
        />
      ) : (
        mutation.error && <ApiErrorMessage error={mutation.error} />
      )}
      <FormActions pending={mutation.isPending} onCancel={() => onDone()} />
    </form>
  );
}
