import { todayIso } from '../../../lib/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import {
  IN_USE_STATUSES,
  type OccupancyPeriod,
  type OccupancyStatus,
  type Storefront,
  type UseCategory,
} from '../../../lib/domain';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Field } from '../../../ui/Field';
import type { PeriodPatch } from '../api/storefronts-api';
import { useCorrectPeriod, useRemovePeriod } from '../hooks/use-storefront-mutations';
import { OccupancyFields } from './OccupancyFields';
import { FormActions } from '../../../ui/FormActions';

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/**
 * Corrects a wrongly recorded period of the history (its status, use, business, start or note) or
 * removes it; the API keeps the history gap-free (a moved start moves the previous period's end).
 * Only what the user changed is sent, with the storefront version they saw.
 */
export function PeriodCorrectionForm({
  storefront,
  period,
  canRemove,
  onDone,
}: {
  storefront: Storefront;
  period: OccupancyPeriod;
  canRemove: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectPeriod(storefront.id);
  const remove = useRemovePeriod(storefront.id);
  // What the user saw when the form opened: a background reload (after another save in the panel)
  // must not turn fields they left alone into changes, nor lend their edit a newer version.
  const [base] = useState<{
    status: OccupancyStatus;
    useCategory: UseCategory | '';
    businessName: string;
    validFrom: string;
    note: string;
  }>(() => ({
    status: period.status,
    useCategory: period.useCategory ?? '',
    businessName: period.businessName ?? '',
    validFrom: period.validFrom,
    note: period.note ?? '',
  }));
  const [openedVersion] = useState(storefront.version);
  const [draft, setDraft] = useState(base);
  const set = <K extends keyof typeof base>(key: K, value: (typeof base)[K]): void =>
    setDraft((d) => ({ ...d, [key]: value }));
  const inUse = IN_USE_STATUSES.includes(draft.status);
  const heading = useFocusOnOpen(); // the button that opened the form is gone

  const patch = (): PeriodPatch => {
    const p: PeriodPatch = {};
    if (draft.status !== base.status) p.status = draft.status;
    // Use and business are edited where they are shown (a unit in use); a status out of use clears the
    // use in the API, and a business name recorded on another period (a coming tenant) is kept.
    if (inUse && draft.useCategory !== base.useCategory) p.useCategory = draft.useCategory || null;
    if (inUse && draft.businessName !== base.businessName) p.businessName = text(draft.businessName);
    if (draft.validFrom !== base.validFrom) p.validFrom = draft.validFrom;
    if (draft.note !== base.note) p.note = text(draft.note);
    return p;
  };
  const error = correct.error ?? remove.error; // one at a time: each attempt clears the other's
  const removeAt = (version: number): void => {
    correct.reset();
    remove.mutate({ periodId: period.id, version }, { onSuccess: onDone });
  };
  const submit = (version: number): void => {
    remove.reset();
    correct.mutate({ periodId: period.id, version, patch: patch() }, { onSuccess: onDone });
  };

  return (
    <form
      className="form"
      aria-labelledby={`period-${period.id}`}
      data-testid="period-correction"
      onSubmit={(e) => {
        e.preventDefault();
        submit(openedVersion);
      }}
    >
      <h4 id={`period-${period.id}`} ref={heading} tabIndex={-1}>
        {t('periodFix.correctTitle')}
      </h4>
      <Field label={t('periodFix.from')} hint={t('periodFix.fromHint')} required>
        {(id, props) => (
          <input
            id={id}
            type="date"
            max={todayIso()}
            value={draft.validFrom}
            onChange={(e) => set('validFrom', e.target.value)}
            {...props}
          />
        )}
      </Field>
      <OccupancyFields value={draft} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} />
      <Field label={t('form.note')}>
        {(id) => (
          <textarea id={id} rows={2} value={draft.note} onChange={(e) => set('note', e.target.value)} />
        )}
      </Field>
      {error && <ApiErrorMessage error={error} onRetry={error === correct.error ? submit : removeAt} />}
      <FormActions pending={correct.isPending} onCancel={onDone}>
        {canRemove && (
          <ConfirmButton
            label={t('periodFix.remove')}
            question={t('periodFix.removeQuestion')}
            confirmLabel={t('periodFix.removeConfirm')}
            danger
            disabled={remove.isPending}
            onConfirm={() => removeAt(openedVersion)}
          />
        )}
      </FormActions>
    </form>
  );
}
