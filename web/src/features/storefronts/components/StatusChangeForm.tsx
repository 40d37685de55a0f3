import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import { todayIso } from '../../../lib/dates';
import { formatDate } from '../../../lib/format';
import {
  IN_USE_STATUSES,
  type OccupancyStatus,
  type Storefront,
  type UseCategory,
} from '../../../lib/domain';
import { Field, refusalAt, useFocusOnRefusedField } from '../../../ui/Field';
import { refusedField } from '../../../lib/error-message';
import { conflictingStorefront } from '../conflict';
import { useChangeStatus } from '../hooks/use-storefront-mutations';
import { ConflictNotice } from './ConflictNotice';
import { OccupancyFields } from './OccupancyFields';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { FormActions } from '../../../ui/FormActions';

interface Draft {
  date: string;
  status: OccupancyStatus;
  useCategory: UseCategory | '';
  businessName: string;
  note: string;
}

/** Records a status change on a date; the typed values survive a version conflict. */
export function StatusChangeForm({
  storefront,
  initial,
  onDone,
}: {
  storefront: Storefront;
  /** Date and status to start from (e.g. temporary use from a test shop's start); else today, the likely next status. */
  initial?: Pick<Draft, 'date' | 'status'>;
  /** Closes the form; `saved` after a successful save (the panel says so). */
  onDone: (saved?: boolean) => void;
}) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen(); // the button that opened the form is gone
  const mutation = useChangeStatus(storefront.id);
  const [draft, setDraft] = useState<Draft>({
    date: initial?.date ?? todayIso(),
    status: initial?.status ?? (storefront.current?.status === 'vacant' ? 'occupied' : 'vacant'),
    useCategory: '',
    businessName: '',
    note: '',
  });
  const conflict = conflictingStorefront(mutation.error);
  // a refusal about the date is shown at the date, which takes the focus (else an alert below)
  const form = useRef<HTMLFormElement>(null);
  const atField = refusedField(mutation.error);
  useFocusOnRefusedField(mutation.error, atField, form);
  const dateError = refusalAt(t, mutation.error, 'date');
  const inUse = IN_USE_STATUSES.includes(draft.status);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (version: number): void => {
    mutation.mutate(
      {
        version,
        change: {
          date: draft.date,
          status: draft.status,
          ...(inUse && draft.useCategory ? { useCategory: draft.useCategory } : {}),
          ...(inUse && draft.businessName.trim() ? { businessName: draft.businessName.trim() } : {}),
          ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        },
      },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form
      ref={form}
      className="form"
      aria-labelledby="status-change-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit(storefront.version);
      }}
    >
      <h3 id="status-change-heading" ref={heading} tabIndex={-1}>
        {t('panel.changeStatus')}
      </h3>
      <Field label={t('form.date')} required error={dateError}>
        {(id, props) => (
          <input
            id={id}
            type="date"
            max={todayIso()}
            value={draft.date}
            onChange={(e) => {
              if (atField) mutation.reset(); // the refusal was about the date it was given
              set('date', e.target.value);
            }}
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
      {conflict ? (
        <ConflictNotice
          rows={[
            {
              label: t('panel.status'),
              theirs: conflict.current ? t(`status.${conflict.current.status}`) : '–',
              yours: t(`status.${draft.status}`),
            },
            {
              label: t('form.date'),
              theirs: formatDate(conflict.current?.statusSince),
              yours: formatDate(draft.date),
            },
            {
              label: t('form.business'),
              theirs: conflict.current?.businessName ?? '–',
              yours: draft.businessName || '–',
            },
          ]}
          onRetry={() => submit(conflict.version)}
          onDiscard={() => onDone()}
        />
      ) : (
        mutation.error && !atField && <ApiErrorMessage error={mutation.error} />
      )}
      <FormActions pending={mutation.isPending} onCancel={() => onDone()} />
    </form>
  );
}
