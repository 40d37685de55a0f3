import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { OCCUPANCY_STATUSES, USE_CATEGORIES, type OccupancyStatus, type UseCategory } from '../lib/domain';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

/** A select of the occupancy statuses, labelled in the current language. */
export function StatusSelect({
  value,
  onChange,
  ...rest
}: SelectProps & { value: OccupancyStatus; onChange: (status: OccupancyStatus) => void }) {
  const { t } = useTranslation();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as OccupancyStatus)}>
      {OCCUPANCY_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  );
}

/** A select of the use categories with an empty first choice (`emptyLabel`: "none" or "all"). */
export function CategorySelect({
  value,
  onChange,
  emptyLabel,
  severalLabel,
  ...rest
}: SelectProps & {
  value: UseCategory | '' | 'several';
  onChange: (category: UseCategory | '') => void;
  emptyLabel: string;
  /** Shown (and selected) when `value` is 'several': a choice the select itself cannot make, e.g. from a shared link. */
  severalLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as UseCategory | '')}>
      {value === 'several' && (
        <option value="several" disabled>
          {severalLabel}
        </option>
      )}
      <option value="">{emptyLabel}</option>
      {USE_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`category.${c}`)}
        </option>
      ))}
    </select>
  );
}
