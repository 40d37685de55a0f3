import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalInput, parseCoordinate } from '../../../lib/numbers';
import { Field } from '../../../ui/Field';

/** A counter's position as typed: latitude and longitude in decimal degrees, both or neither. */
export interface PositionInput {
  lat: string;
  lon: string;
  setLat: (text: string) => void;
  setLon: (text: string) => void;
  /** The position as read; null when both fields are empty. */
  lonLat: [number, number] | null;
  latError: 'invalid' | 'missing' | null;
  lonError: 'invalid' | 'missing' | null;
  invalid: boolean;
  /** Whether it differs from the position the fields started with. */
  changed: boolean;
}

export function usePositionInput(stored: [number, number] | null): PositionInput {
  const { i18n } = useTranslation();
  const [lat, setLat] = useState(() => decimalInput(stored?.[1], i18n.language));
  const [lon, setLon] = useState(() => decimalInput(stored?.[0], i18n.language));
  const latValue = parseCoordinate(lat, 90);
  const lonValue = parseCoordinate(lon, 180);
  const errorOf = (value: typeof latValue, other: typeof latValue) =>
    value === 'invalid' ? 'invalid' : value === null && other !== null ? 'missing' : null;
  const latError = errorOf(latValue, lonValue);
  const lonError = errorOf(lonValue, latValue);
  const lonLat =
    typeof latValue === 'number' && typeof lonValue === 'number'
      ? ([lonValue, latValue] as [number, number])
      : null;
  const invalid = latError !== null || lonError !== null;
  const changed =
    lonLat === null ? stored !== null : stored === null || lonLat[0] !== stored[0] || lonLat[1] !== stored[1];
  return { lat, lon, setLat, setLon, lonLat, latError, lonError, invalid, changed };
}

/** Latitude and longitude fields of a counter (decimal degrees, as a map or a phone shows them). */
export function PositionFields({ input, hint }: { input: PositionInput; hint: string }) {
  const { t } = useTranslation();
  const error = (e: PositionInput['latError']) =>
    e === 'invalid'
      ? t('footfall.position.invalid')
      : e === 'missing'
        ? t('footfall.position.missing')
        : undefined;
  return (
    <fieldset className="form__group">
      <legend>{t('footfall.position.legend')}</legend>
      <p className="hint">{hint}</p>
      <Field label={t('footfall.position.lat')} error={error(input.latError)}>
        {(id, props) => (
          <input
            id={id}
            inputMode="decimal"
            placeholder={t('footfall.position.latExample')}
            value={input.lat}
            onChange={(e) => {
              // „51.2081, 10.4536“ as a map app copies it (latitude first): both fields at once
              const pair = latLonPair(e.target.value);
              if (pair) {
                input.setLat(pair[0]);
                input.setLon(pair[1]);
              } else input.setLat(e.target.value);
            }}
            {...props}
          />
        )}
      </Field>
      <Field label={t('footfall.position.lon')} error={error(input.lonError)}>
        {(id, props) => (
          <input
            id={id}
            inputMode="decimal"
            placeholder={t('footfall.position.lonExample')}
            value={input.lon}
            onChange={(e) => input.setLon(e.target.value)}
            {...props}
          />
        )}
      </Field>
    </fieldset>
  );
}

/** A pasted „latitude, longitude“ pair („51.2081, 10.4536“, „51,2081; 10,4536“) as its two texts; null otherwise. */
export function latLonPair(text: string): [string, string] | null {
  const m = /^\s*([-+]?\d{1,3}(?:[.,]\d+)?)°?\s*(?:[;]\s*|,\s+|\s+)([-+]?\d{1,3}(?:[.,]\d+)?)°?\s*$/.exec(
    text,
  );
  return m ? [m[1]!, m[2]!] : null;
}
