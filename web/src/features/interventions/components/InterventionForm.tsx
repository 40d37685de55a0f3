import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import { todayIso } from '../../../lib/dates';
import {
  INTERVENTION_STATES,
  INTERVENTION_TYPES,
  type Intervention,
  type InterventionObstacle,
  type InterventionState,
  type InterventionType,
} from '../../../lib/domain';
import { parseDecimal } from '../../../lib/numbers';
import { Field, focusFirstInvalid, refusalAt, useFocusOnRefusedField } from '../../../ui/Field';
import { refusedField } from '../../../lib/error-message';
import { useCreateIntervention } from '../hooks/use-interventions';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { FormActions } from '../../../ui/FormActions';
import { ObstaclesFieldset } from './ObstaclesFieldset';

/** Records an intervention (Testladen, Zwischennutzung, …) on one storefront. */
export function InterventionForm({
  cityId,
  storefrontId,
  onDone,
}: {
  cityId: string;
  storefrontId: string;
  /** With the recorded intervention after saving, without on cancelling. */
  onDone: (saved?: Intervention) => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnOpen(); // the button that opened the form is gone
  const mutation = useCreateIntervention();
  const [type, setType] = useState<InterventionType>('test_shop');
  const [title, setTitle] = useState('');
  const [state, setState] = useState<InterventionState>('running');
  const [startDate, setStartDate] = useState(todayIso());
  const [endDate, setEndDate] = useState('');
  const [budget, setBudget] = useState('');
  const [description, setDescription] = useState('');
  const [obstacles, setObstacles] = useState<InterventionObstacle[]>([]);
  const budgetEur = parseDecimal(budget, i18n.language);
  // a refusal about a date is shown at that date, which takes the focus (else an alert below)
  const form = useRef<HTMLFormElement>(null);
  const atField = refusedField(mutation.error);
  useFocusOnRefusedField(mutation.error, atField, form);
  return (
    <form
      ref={form}
      className="form"
      aria-labelledby="intervention-heading"
      // a refusal stands for the values it was given: once they change, it no longer applies
      onChange={() => mutation.error && mutation.reset()}
      onSubmit={(e) => {
        e.preventDefault();
        if (budgetEur === 'invalid') return focusFirstInvalid(e.currentTarget); // the field says what is wrong
        mutation.mutate(
          {
            cityId,
            type,
            title: title.trim(),
            state,
            storefrontIds: [storefrontId],
            ...(startDate ? { startDate } : {}),
            ...(endDate ? { endDate } : {}),
            ...(budgetEur !== null ? { budgetEur } : {}),
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(obstacles.length ? { obstacles } : {}),
          },
          { onSuccess: (saved) => onDone(saved) },
        );
      }}
    >
      <h3 id="intervention-heading" ref={heading} tabIndex={-1}>
        {t('panel.addIntervention')}
      </h3>
      <Field label={t('form.type')} required>
        {(id, props) => (
          <select
            id={id}
            value={type}
            onChange={(e) => setType(e.target.value as InterventionType)}
            {...props}
          >
            {INTERVENTION_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`interventionType.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.title')} required>
        {(id, props) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} {...props} />}
      </Field>
      <Field label={t('form.state')}>
        {(id) => (
          <select id={id} value={state} onChange={(e) => setState(e.target.value as InterventionState)}>
            {INTERVENTION_STATES.map((v) => (
              <option key={v} value={v}>
                {t(`interventionState.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* required as the API checks it: a running or ended one needs a start, an ended one an end */}
      <Field
        label={t('form.startDate')}
        required={state !== 'planned'}
        error={refusalAt(t, mutation.error, 'startDate')}
      >
        {(id, controlProps) => (
          <input
            id={id}
            type="date"
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            {...controlProps}
          />
        )}
      </Field>
      <Field
        label={t('form.endDate')}
        required={state === 'ended'}
        error={refusalAt(t, mutation.error, 'endDate')}
      >
        {(id, controlProps) => (
          <input
            id={id}
            type="date"
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
            {...controlProps}
          />
        )}
      </Field>
      <Field label={t('form.budget')} error={budgetEur === 'invalid' ? t('form.numberInvalid') : undefined}>
        {(id, errorProps) => (
          <input
            id={id}
            inputMode="decimal"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            {...errorProps}
          />
        )}
      </Field>
      <Field label={t('form.description')}>
        {(id) => (
          <textarea id={id} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      {/* an intervention recorded afterwards may already know what stood in its way */}
      <ObstaclesFieldset value={obstacles} onChange={setObstacles} />
      {mutation.error && !atField && <ApiErrorMessage error={mutation.error} />}
      <FormActions pending={mutation.isPending} onCancel={() => onDone()} />
    </form>
  );
}
