import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import { isApiError } from '../../../lib/api-client';
import { todayIso } from '../../../lib/dates';
import { formatDate } from '../../../lib/format';
import { INTERVENTION_STATES, type Intervention, type InterventionState } from '../../../lib/domain';
import { decimalInput, parseDecimal } from '../../../lib/numbers';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { Field, focusFirstInvalid, refusalAt, useFocusOnRefusedField } from '../../../ui/Field';
import { refusedField } from '../../../lib/error-message';
import type { InterventionChanges } from '../api/interventions-api';
import { useSetOutcomeCheck, useUpdateIntervention } from '../hooks/use-interventions';
import { FormActions } from '../../../ui/FormActions';
import { confirmDiscard } from '../../../ui/unsaved-changes';
import { mergeChanged } from '../../../lib/merge-changed';
import { checkDateProblem, checkSlots, preselectedCheck, type CheckMonths } from '../outcome-checks';
import { sameObstacles } from '../obstacles';
import { ObstaclesFieldset } from './ObstaclesFieldset';

type Answer = '' | 'yes' | 'no';
const toAnswer = (v: boolean | null | undefined): Answer => (v === true ? 'yes' : v === false ? 'no' : '');
const fromAnswer = (a: Answer): boolean | null => (a === 'yes' ? true : a === 'no' ? false : null);
const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** An outcome check as the form edits it. */
interface CheckValues {
  checkedOn: string;
  lease: Answer;
  trading: Answer;
  note: string;
}

/**
 * Keeps an intervention's record up to date: its state and dates, its cost, what the town learnt,
 * and — once it has ended — the outcome checks 6, 12 and 24 months later, which the knowledge base
 * and the conversion KPI read. Only what the user changed is sent, with the version they saw.
 */
export function InterventionEditForm({
  intervention,
  onDone,
}: {
  intervention: Intervention;
  /** Closes the form; `saved` after a successful save. */
  onDone: (saved?: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const update = useUpdateIntervention(intervention.id);
  // What the user saw when the form opened: a background reload (after another save in the panel)
  // must not turn fields they left alone into changes, nor lend their edit a newer version.
  const [base, setBase] = useState(() => ({
    state: intervention.state,
    startDate: intervention.startDate ?? '',
    endDate: intervention.endDate ?? '',
    budget: decimalInput(intervention.budgetEur, i18n.language),
    lessonsLearned: intervention.lessonsLearned ?? '',
    obstacles: intervention.obstacles,
  }));
  const [openedVersion, setOpenedVersion] = useState(intervention.version);
  const [draft, setDraft] = useState(base);
  const outcomeDraft = useRef(false);
  const set = <K extends keyof typeof base>(key: K, value: (typeof base)[K]): void =>
    setDraft((d) => ({ ...d, [key]: value }));
  const heading = useFocusOnOpen(); // the button that opened the form is gone
  const budget = parseDecimal(draft.budget, i18n.language);

  const editForm = useRef<HTMLFormElement>(null);
  // a refusal about a date is shown at that date, which takes the focus (else an alert below)
  const atField = refusedField(update.error);
  useFocusOnRefusedField(update.error, atField, editForm);
  const submit = (version: number): void => {
    if (budget === 'invalid') return focusFirstInvalid(editForm.current); // the field says what is wrong
    // An outcome check typed below stays open with its draft; otherwise the editor closes.
    update.mutate(
      { version, changes: changes() },
      {
        onSuccess: (saved) => {
          if (!outcomeDraft.current) return onDone(true);
          // Saved on the version this form opened with: nobody else changed anything, so what is saved
          // now is the new starting point. Saved on top of a colleague's version (after a 409): the
          // form still shows their values as old ones, so it keeps its version and a further save
          // meets the conflict again instead of passing their change off as this user's.
          if (version !== openedVersion) return;
          setBase(draft);
          setOpenedVersion(saved.version);
        },
      },
    );
  };
  const changes = (): InterventionChanges => {
    const c: InterventionChanges = {};
    if (draft.state !== base.state) c.state = draft.state;
    if (draft.startDate !== base.startDate) c.startDate = draft.startDate || null;
    if (draft.endDate !== base.endDate) c.endDate = draft.endDate || null;
    if (draft.budget !== base.budget && budget !== 'invalid') c.budgetEur = budget;
    if (draft.lessonsLearned !== base.lessonsLearned) c.lessonsLearned = text(draft.lessonsLearned);
    if (!sameObstacles(draft.obstacles, base.obstacles)) c.obstacles = draft.obstacles;
    return c;
  };

  return (
    <div className="intervention-edit" data-testid="intervention-edit">
      <form
        ref={editForm}
        className="form"
        aria-labelledby={`intervention-edit-${intervention.id}`}
        // a refusal stands for the values it was given (a conflict stays: it offers saving on top)
        onChange={() => {
          if (update.error && !isApiError(update.error, 'VERSION_CONFLICT')) update.reset();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          submit(openedVersion);
        }}
      >
        <h4 id={`intervention-edit-${intervention.id}`} ref={heading} tabIndex={-1}>
          {t('intervention.edit', { title: intervention.title })}
        </h4>
        <Field label={t('form.state')}>
          {(id) => (
            <select
              id={id}
              value={draft.state}
              onChange={(e) => set('state', e.target.value as InterventionState)}
            >
              {INTERVENTION_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`interventionState.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* required as the API checks it: a running or ended one needs a start, an ended one an end */}
        <Field
          label={t('form.startDate')}
          required={draft.state !== 'planned'}
          error={refusalAt(t, update.error, 'startDate')}
        >
          {(id, controlProps) => (
            <input
              id={id}
              type="date"
              value={draft.startDate}
              onChange={(e) => set('startDate', e.target.value)}
              {...controlProps}
            />
          )}
        </Field>
        <Field
          label={t('form.endDate')}
          required={draft.state === 'ended'}
          error={refusalAt(t, update.error, 'endDate')}
        >
          {(id, controlProps) => (
            <input
              id={id}
              type="date"
              value={draft.endDate}
              onChange={(e) => set('endDate', e.target.value)}
              {...controlProps}
            />
          )}
        </Field>
        <Field label={t('form.budget')} error={budget === 'invalid' ? t('form.numberInvalid') : undefined}>
          {(id, errorProps) => (
            <input
              id={id}
              inputMode="decimal"
              value={draft.budget}
              onChange={(e) => set('budget', e.target.value)}
              {...errorProps}
            />
          )}
        </Field>
        <Field label={t('intervention.lessonsLearned')} hint={t('intervention.lessonsHint')}>
          {(id, props) => (
            <textarea
              id={id}
              rows={4}
              value={draft.lessonsLearned}
              onChange={(e) => set('lessonsLearned', e.target.value)}
              {...props}
            />
          )}
        </Field>
        <ObstaclesFieldset value={draft.obstacles} onChange={(next) => set('obstacles', next)} />
        {update.error && !atField && <ApiErrorMessage error={update.error} onRetry={submit} />}
        {update.isSuccess && (
          <p role="status" className="hint">
            {t('intervention.saved')}
          </p>
        )}
        <FormActions pending={update.isPending} onCancel={() => onDone()} />
      </form>
      {intervention.state === 'ended' && (
        <OutcomeCheckForm
          intervention={intervention}
          ownVersion={openedVersion}
          onDraft={(typing) => (outcomeDraft.current = typing)}
          // a check saved on top of the version this editor holds moves the editor on with it
          onSaved={(used, saved) => used === openedVersion && setOpenedVersion(saved)}
        />
      )}
    </div>
  );
}

/** One outcome check (6, 12 or 24 months after the end), prefilled with what is recorded. */
function OutcomeCheckForm({
  intervention,
  ownVersion,
  onDraft,
  onSaved,
}: {
  intervention: Intervention;
  /**
   * The version the editor above last saw or saved: its own save (version-checked) moves the
   * intervention on without anyone else's change, so a check typed before it may be saved on top.
   */
  ownVersion: number;
  /** Whether a typed check is waiting to be saved (the editor above then stays open after its save). */
  onDraft: (typing: boolean) => void;
  onSaved: (usedVersion: number, savedVersion: number) => void;
}) {
  const { t } = useTranslation();
  const save = useSetOutcomeCheck(intervention.id);
  const form = useRef<HTMLFormElement>(null);
  const today = todayIso();
  // A check is dated from a month before it is due on (the API refuses earlier dates): one not due
  // yet is shown with its date but cannot be chosen (its date field would need min > max).
  const slots = intervention.endDate ? checkSlots(intervention.endDate, today) : [];
  const recordedMonths = intervention.outcomeChecks.map((c) => c.monthsAfterEnd);
  const offered = (m: CheckMonths): boolean =>
    slots.some((s) => s.months === m && (s.open || recordedMonths.includes(m)));
  const [picked, setPicked] = useState<CheckMonths | null>(null);
  const months = picked !== null && offered(picked) ? picked : preselectedCheck(slots, recordedMonths);
  const slot = slots.find((s) => s.months === months);
  const recorded = intervention.outcomeChecks.find((c) => c.monthsAfterEnd === months);
  const dueFrom = slot?.dueFrom;
  const recordedValues: CheckValues = {
    checkedOn: recorded?.checkedOn ?? today,
    lease: toAnswer(recorded?.regularLeaseSigned),
    trading: toAnswer(recorded?.businessStillTrading),
    note: recorded?.note ?? '',
  };
  // The typed check, what was shown when typing began, and the version of the intervention it was
  // typed against (a background reload must not lend it a newer one).
  const [draft, setDraftState] = useState<{ values: CheckValues; from: CheckValues; version: number } | null>(
    null,
  );
  const setDraft = (next: typeof draft): void => {
    setDraftState(next);
    onDraft(next !== null);
  };
  const shown = draft?.values ?? recordedValues;
  const dateProblem = dueFrom ? checkDateProblem(shown.checkedOn, dueFrom, today) : null;
  const set = (change: Partial<CheckValues>): void =>
    setDraft({
      values: { ...shown, ...change },
      from: draft?.from ?? recordedValues,
      version: draft?.version ?? intervention.version,
    });
  const saveCheck = (version: number): void => {
    if (months === null) return;
    // What the user changed, on top of what is recorded now: a colleague's answer to a question this
    // user left alone stays when the check is saved on top of their version (after a 409).
    const values = draft ? mergeChanged(draft.values, draft.from, recordedValues) : shown;
    save.mutate(
      {
        version,
        check: {
          monthsAfterEnd: months,
          checkedOn: values.checkedOn || null,
          regularLeaseSigned: fromAnswer(values.lease),
          businessStillTrading: fromAnswer(values.trading),
          note: text(values.note),
        },
      },
      {
        onSuccess: (saved) => {
          setDraft(null);
          onSaved(version, saved.version);
        },
      },
    );
  };
  const answer = (label: string, value: Answer, onChange: (a: Answer) => void) => (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as Answer)}>
          <option value="">{t('outcome.unknown')}</option>
          <option value="yes">{t('outcome.yes')}</option>
          <option value="no">{t('outcome.no')}</option>
        </select>
      )}
    </Field>
  );
  if (months === null) {
    const first = slots[0];
    return (
      <section className="form" aria-labelledby={`outcome-${intervention.id}`}>
        <h4 id={`outcome-${intervention.id}`}>{t('outcome.title')}</h4>
        <p className="hint" data-testid="outcome-not-due">
          {first ? t('outcome.firstDueFrom', { date: formatDate(first.dueFrom) }) : '–'}
        </p>
      </section>
    );
  }
  return (
    <form
      ref={form}
      className="form"
      aria-labelledby={`outcome-${intervention.id}`}
      // the dates are checked here, in the dashboard's words (the browser's own message named min and max)
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (dateProblem) return focusFirstInvalid(form.current);
        saveCheck(Math.max(draft?.version ?? intervention.version, ownVersion));
      }}
    >
      <h4 id={`outcome-${intervention.id}`}>{t('outcome.title')}</h4>
      <Field label={t('outcome.months')}>
        {(id) => (
          <select
            id={id}
            value={months}
            data-unsaved-ignore // chooses which check is shown
            onChange={(e) => {
              if (draft !== null && !confirmDiscard()) return; // the typed check would be dropped
              setPicked(Number(e.target.value) as CheckMonths);
              setDraft(null); // show what is recorded for that check
              save.reset(); // and no 'saved' for a check not saved
            }}
          >
            {slots.map((s) => (
              <option key={s.months} value={s.months} disabled={!offered(s.months)}>
                {offered(s.months)
                  ? t('outcome.after', { count: s.months })
                  : t('outcome.afterNotYet', { count: s.months, date: formatDate(s.dueFrom) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('outcome.checkedOn')}
        hint={dueFrom ? t('outcome.dueFrom', { date: formatDate(dueFrom) }) : undefined}
        error={
          dateProblem === 'beforeDue'
            ? t('outcome.checkedOnBeforeDue', { date: formatDate(dueFrom) })
            : dateProblem === 'afterToday'
              ? t('outcome.checkedOnAfterToday')
              : undefined
        }
      >
        {(id, props) => (
          <input
            id={id}
            type="date"
            // the date picker's range, never an empty one (min after max)
            min={dueFrom !== undefined && dueFrom <= today ? dueFrom : undefined}
            max={today}
            value={shown.checkedOn}
            onChange={(e) => set({ checkedOn: e.target.value })}
            {...props}
          />
        )}
      </Field>
      {answer(t('outcome.regularLease'), shown.lease, (lease) => set({ lease }))}
      {answer(t('outcome.stillTrading'), shown.trading, (trading) => set({ trading }))}
      <Field label={t('form.note')}>
        {(id) => (
          <textarea id={id} rows={2} value={shown.note} onChange={(e) => set({ note: e.target.value })} />
        )}
      </Field>
      {save.error && <ApiErrorMessage error={save.error} onRetry={saveCheck} />}
      {save.isSuccess && !draft && (
        <p role="status" className="hint">
          {t('outcome.saved')}
        </p>
      )}
      <FormActions pending={save.isPending} saved={draft === null} saveLabel={t('outcome.save')} />
    </form>
  );
}
