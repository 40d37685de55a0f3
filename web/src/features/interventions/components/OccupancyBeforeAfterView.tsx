import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { LoadError, Loading } from '../../../ui/Status';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import type { OccupancyAt } from '../api/interventions-api';
import { useOccupancyBeforeAfter } from '../hooks/use-occupancy-before-after';

function At({ at }: { at: OccupancyAt }) {
  const { t } = useTranslation();
  if (!at.known || !at.status) return <>{t('kb.unknown')}</>;
  return (
    <>
      <StatusSwatch status={at.status} /> {t(`status.${at.status}`)} ({formatDate(at.date)})
    </>
  );
}

/** Each linked unit's status before the start, at the end and 12 months after the end. */
export function OccupancyBeforeAfterView({ interventionId }: { interventionId: string }) {
  const { t } = useTranslation();
  const data = useOccupancyBeforeAfter(interventionId, true);
  if (data.isPending) return <Loading />;
  if (data.error) return <LoadError error={data.error} onRetry={() => void data.refetch()} />;
  if (data.data.units.length === 0) return <p>{t('kb.noUnits')}</p>;
  return (
    <table className="storefront-table">
      <caption className="visually-hidden">{t('kb.occupancy')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('kb.unit')}</th>
          <th scope="col">{t('kb.beforeStart')}</th>
          <th scope="col">{t('kb.atEnd')}</th>
          <th scope="col">{t('kb.after12')}</th>
        </tr>
      </thead>
      <tbody>
        {data.data.units.map((u) => (
          <tr key={u.storefrontId}>
            <th scope="row">{u.address}</th>
            <td>
              <At at={u.beforeStart} />
            </td>
            <td>
              <At at={u.atEnd} />
            </td>
            <td>
              <At at={u.after12Months} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
