import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import { todayIso } from '../../../lib/dates';
import { IN_USE_STATUSES, type LonLat, type OccupancyStatus, type UseCategory } from '../../../lib/domain';
import { formatNumber } from '../../../lib/format';
import { parseDecimal } from '../../../lib/numbers';
import { Field } from '../../../ui/Field';
import { useCreateStorefront } from '../hooks/use-storefront-mutations';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { CategorySelect, StatusSelect } from '../../../ui/VocabularySelect';
import { FormActions } from '../../../ui/FormActions';
import { reportChange } from '../../../ui/unsaved-changes';

export interface AddStorefrontPanelProps {
  cityId: string;
  position: LonLat | null;
  onCreated: (id: string) => void;
  onCancel: () => void;
}

/** Adds a storefront: the position comes from a click on the map (the marker can be dragged). */
export function AddStorefrontPanel({ cityId, position, onCreated, onCancel }: AddStorefrontPanelProps) {
  const { t, i18n } = useTranslation();
  const mutation = useCreateStorefront();
  const [street, setStreet] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [floorArea, setFloorArea] = useState('');
  const [status, setStatus] = useState<OccupancyStatus>('vacant');
  const [useCategory, setUseCategory] = useState<UseCategory | ''>('');
  const [businessName, setBusinessName] = useState('');
  const [validFrom, setValidFrom] = useState(todayIso());
  const inUse = IN_USE_STATUSES.includes(status);
  const heading = useFocusOnOpen(); // keyboard and screen-reader users land in the panel
  const area = parseDecimal(floorArea, i18n.language);
  // A position set on the map is input like typed text (ui/unsaved-changes), though nothing was typed.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (position && form.current) reportChange(form.current);
  }, [position]);
  return (
    <aside className="side-panel" aria-labelledby="add-heading">
      <h2 id="add-heading" ref={heading} tabIndex={-1}>
        {t('town.addStorefront')}
      </h2>
      <p className="hint" role="status">
        {position
          ? t('form.positionSet', { lat: formatNumber(position[1], 5), lon: formatNumber(position[0], 5) })
          : t('form.pickHint')}
      </p>
      <form
        ref={form}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!position || area === 'invalid') return;
          mutation.mutate(
            {
              cityId,
              street: street.trim(),
              houseNumber: houseNumber.trim(),
              postcode: null,
              floorAreaM2: area,
              frontageM: null,
              floor: 'ground',
              referenceId: null,
              notes: null,
              location: { type: 'Point', coordinates: position },
              initialStatus: {
                status,
                date: validFrom,
                ...(inUse && useCategory ? { useCategory } : {}),
                ...(inUse && businessName.trim() ? { businessName: businessName.trim() } : {}),
              },
            },
            { onSuccess: (created) => onCreated(created.id) },
          );
        }}
      >
        <Field label={t('form.street')} required>
          {(id, props) => (
            <input id={id} value={street} onChange={(e) => setStreet(e.target.value)} {...props} />
          )}
        </Field>
        <Field label={t('form.houseNumber')}>
          {(id) => <input id={id} value={houseNumber} onChange={(e) => setHouseNumber(e.target.value)} />}
        </Field>
        <Field label={t('form.floorArea')} error={area === 'invalid' ? t('form.numberInvalid') : undefined}>
          {(id, errorProps) => (
            <input
              id={id}
              inputMode="decimal"
              value={floorArea}
              onChange={(e) => setFloorArea(e.target.value)}
              {...errorProps}
            />
          )}
        </Field>
        <Field label={t('form.initialStatus')} required>
          {(id, props) => <StatusSelect id={id} value={status} onChange={setStatus} {...props} />}
        </Field>
        {inUse && (
          <>
            <Field label={t('form.category')}>
              {(id) => (
                <CategorySelect
                  id={id}
                  value={useCategory}
                  onChange={setUseCategory}
                  emptyLabel={t('category.none')}
                />
              )}
            </Field>
            <Field label={t('form.business')}>
              {(id) => (
                <input id={id} value={businessName} onChange={(e) => setBusinessName(e.target.value)} />
              )}
            </Field>
          </>
        )}
        <Field label={t('form.date')} required>
          {(id, props) => (
            <input
              id={id}
              type="date"
              max={todayIso()}
              value={validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
              {...props}
            />
          )}
        </Field>
        {!position && <p className="hint">{t('form.noPosition')}</p>}
        {mutation.error && <ApiErrorMessage error={mutation.error} />}
        {mutation.data?.warnings?.map((w) => (
          <p key={w} className="hint">
            {t('form.warnings', { text: w })}
          </p>
        ))}
        <FormActions pending={mutation.isPending} disabled={!position} onCancel={onCancel} />
      </form>
    </aside>
  );
}
