import { useTranslation } from 'react-i18next';
import { IN_USE_STATUSES, type OccupancyStatus, type UseCategory } from '../../../lib/domain';
import { Field } from '../../../ui/Field';
import { CategorySelect, StatusSelect } from '../../../ui/VocabularySelect';

export interface OccupancyDraft {
  status: OccupancyStatus;
  useCategory: UseCategory | '';
  businessName: string;
}

/**
 * A period's status and, for a unit in use, its use and business: the fields of a status change and
 * of the correction of a recorded period.
 */
export function OccupancyFields({
  value,
  onChange,
}: {
  value: OccupancyDraft;
  onChange: (change: Partial<OccupancyDraft>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('form.status')} required>
        {(id, props) => (
          <StatusSelect
            id={id}
            value={value.status}
            onChange={(status) => onChange({ status })}
            data-testid="status-select"
            {...props}
          />
        )}
      </Field>
      {IN_USE_STATUSES.includes(value.status) && (
        <>
          <Field label={t('form.category')}>
            {(id) => (
              <CategorySelect
                id={id}
                value={value.useCategory}
                onChange={(useCategory) => onChange({ useCategory })}
                emptyLabel={t('category.none')}
              />
            )}
          </Field>
          <Field label={t('form.business')}>
            {(id) => (
              <input
                id={id}
                value={value.businessName}
                onChange={(e) => onChange({ businessName: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
    </>
  );
}
