import { useTranslation } from 'react-i18next';
import type { OccupancyStatus } from '../../../lib/domain';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import type { ChangeRecord } from '../api/changes-api';
import { changedFields, displayValue, importText, newPeriods } from '../change-diff';
import { useStorefrontChanges } from '../hooks/use-storefront-changes';

function ChangeDetails({ record }: { record: ChangeRecord }) {
  const { t } = useTranslation();
  if (record.entityType === 'occupancy') {
    return (
      <ul className="plain-list">
        {newPeriods(record).map((p) => (
          <li key={`${p.status}-${p.validFrom}`}>
            {t('changes.periodFrom', {
              status: t(`status.${p.status as OccupancyStatus}`),
              date: formatDate(p.validFrom),
            })}
          </li>
        ))}
      </ul>
    );
  }
  const fields = changedFields(record);
  if (fields.length === 0) return null;
  const label = (field: string): string => t(`changes.field.${field}`, { defaultValue: field });
  return (
    <ul className="plain-list">
      {fields.map((f) =>
        record.entityType === 'storefront_contact' ? (
          <li key={f.field}>{label(f.field)}</li>
        ) : (
          <li key={f.field}>
            {label(f.field)}: {displayValue(f.field, f.before, t)} → {displayValue(f.field, f.after, t)}
          </li>
        ),
      )}
    </ul>
  );
}

/** „Änderungsverlauf“: who changed what and when on this unit (editors of the town only). */
export function ChangeHistory({ storefrontId }: { storefrontId: string }) {
  const { t } = useTranslation();
  const changes = useStorefrontChanges(storefrontId, true);
  return (
    <section aria-labelledby="changes-heading" data-testid="change-history">
      <h3 id="changes-heading">{t('changes.title')}</h3>
      {changes.error && <ApiErrorMessage error={changes.error} />}
      {changes.data?.length === 0 && <p>{t('changes.none')}</p>}
      {changes.data && changes.data.length > 0 && (
        <ol className="change-list">
          {changes.data.map((c) => (
            <li key={c.id}>
              <span className="change-list__when">
                {[formatDateTime(c.at), c.userEmail ?? t('changes.system'), importText(c, t)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span>{t(`changes.what.${c.entityType}.${c.action}`)}</span>
              <ChangeDetails record={c} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
