import { useTranslation } from 'react-i18next';
import type { Intervention } from '../../../lib/domain';
import { todayIso } from '../../../lib/dates';
import { formatDate } from '../../../lib/format';
import { isPastEnd } from '../intervention-period';

/**
 * „Enddatum überschritten – bitte Stand eintragen“ for the town's editors (who can record it), the
 * date passed for everyone else: an intervention still running after its end is not shown as running
 * without a word. In words and with a sign, not by colour alone.
 */
export function PastEndNotice({
  intervention: i,
  canEdit,
}: {
  intervention: Intervention;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  if (!isPastEnd(i, todayIso())) return null;
  return (
    <span className="past-end" data-testid="intervention-past-end">
      <span aria-hidden="true">⚠ </span>
      {canEdit ? t('intervention.pastEndEditor') : t('intervention.pastEnd', { date: formatDate(i.endDate) })}
    </span>
  );
}
