import { useTranslation } from 'react-i18next';
import type { InterventionTypeInsight } from '../api/interventions-api';
import { obstacleSummary } from '../obstacles';

/** A type's most frequent obstacles, and in `subClass` how many tried ones named any (`obstacleSummary`). */
export function ObstacleSummaryCell({
  row,
  subClass,
}: {
  row: Pick<InterventionTypeInsight, 'tried' | 'withObstacles' | 'obstacles'>;
  /** The table's style of a second line: `hint` on the dashboard, `report-sub` in a report. */
  subClass: string;
}) {
  const { t } = useTranslation();
  const { top, of } = obstacleSummary(row, t);
  return (
    <>
      {top}
      {of && <span className={subClass}> {of}</span>}
    </>
  );
}
