import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dayInGermany } from '../../../lib/dates';
import { formatDate, formatNumber } from '../../../lib/format';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import type { FootfallLocation, LocationCorrection } from '../api/footfall-api';
import { useCorrectLocation, useDeleteCounts } from '../hooks/use-counting-locations';
import { PositionFields, usePositionInput } from './PositionFields';

/**
 * Corrects one counting location (its name, its position) and removes its counts of some days, e.g. a
 * file uploaded under the wrong location. The counts stay with the location when it is corrected.
 */
export function CountingLocationForm({
  cityId,
  location,
  others,
  onClose,
}: {
  cityId: string;
  location: FootfallLocation;
  /** The town's other locations' names: a name may not be taken twice. */
  others: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen();
  const correct = useCorrectLocation(cityId);
  const [name, setName] = useState(location.name);
  const position = usePositionInput(location.lonLat);
  // names differing only in case are one location to a reader (the API refuses them too)
  const taken = others.some((o) => o.toLocaleLowerCase('de') === name.trim().toLocaleLowerCase('de'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || taken || position.invalid) return;
    const change: LocationCorrection = { name: name.trim() };
    if (position.changed) {
      change.lon = position.lonLat?.[0] ?? null;
      change.lat = position.lonLat?.[1] ?? null;
    }
    correct.mutate({ id: location.id, change }, { onSuccess: onClose });
  };
  return (
    <section className="panel-section" aria-labelledby="counting-location-heading">
      <h3 id="counting-location-heading" ref={heading} tabIndex={-1}>
        {t('footfall.locations.editNamed', { name: location.name })}
      </h3>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('footfall.location')}
          required
          error={taken ? t('footfall.locations.nameTaken', { name: name.trim() }) : undefined}
        >
          {(id, props) => (
            <input
              id={id}
              type="text"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <PositionFields input={position} hint={t('footfall.locations.positionHint')} />
        {correct.error && <ApiErrorMessage error={correct.error} />}
        <FormActions
          pending={correct.isPending}
          disabled={!name.trim() || taken || position.invalid}
          onCancel={onClose}
        />
      </form>
      <RemoveCounts cityId={cityId} location={location} />
    </section>
  );
}

/** Removes the location's counts of the local days from…to (both included). */
function RemoveCounts({ cityId, location }: { cityId: string; location: FootfallLocation }) {
  const { t } = useTranslation();
  const remove = useDeleteCounts(cityId);
  const [from, setFrom] = useState(() => localDay(location.firstHour));
  const [to, setTo] = useState(() => localDay(location.lastHour));
  const ordered = from !== '' && to !== '' && from <= to;
  // the result takes the focus (the confirmation's buttons are gone); it stays when no counts are left
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (remove.data) result.current?.focus();
  }, [remove.data]);
  if (location.hours === 0 && !remove.data) return null;
  return (
    <fieldset className="form form__group">
      <legend>{t('footfall.locations.removeCounts')}</legend>
      <p className="hint">{t('footfall.locations.removeCountsHint')}</p>
      <Field label={t('footfall.locations.removeFrom')} required>
        {(id, props) => (
          <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} {...props} />
        )}
      </Field>
      <Field
        label={t('footfall.locations.removeTo')}
        required
        error={from && to && !ordered ? t('footfall.locations.toBeforeFrom') : undefined}
      >
        {(id, props) => (
          <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} {...props} />
        )}
      </Field>
      <ConfirmButton
        danger
        label={t('footfall.locations.removeCountsButton')}
        question={t('footfall.locations.removeCountsQuestion', {
          name: location.name,
          from: formatDate(from),
          to: formatDate(to),
        })}
        confirmLabel={t('footfall.locations.removeCountsConfirm')}
        disabled={!ordered}
        onConfirm={() => remove.mutate({ id: location.id, from, to })}
      />
      {remove.error && <ApiErrorMessage error={remove.error} />}
      {remove.data && (
        <p className="hint" role="status" ref={result} tabIndex={-1}>
          {t('footfall.locations.countsRemoved', {
            count: remove.data.removedHours,
            hours: formatNumber(remove.data.removedHours),
          })}
        </p>
      )}
    </fieldset>
  );
}

/** The day in Germany an hour (ISO timestamp) falls on; empty without one. */
const localDay = (hour: string | null): string => (hour ? dayInGermany(hour) : '');
