import { useTranslation } from 'react-i18next';
import type { OccupancyPeriod } from '../../../lib/domain';
import { formatDate } from '../../../lib/format';
import { StatusSwatch } from '../../../ui/StatusSwatch';

/** The occupancy history, newest first, as an ordered list (readable without colour). */
export function OccupancyTimeline({ periods }: { periods: OccupancyPeriod[] }) {
  const { t } = useTranslation();
  const newestFirst = [...periods].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <ol className="timeline" data-testid="occupancy-timeline">
      {newestFirst.map((p) => (
        <li key={p.id} className="timeline__item">
          <span className="timeline__dates">
            {formatDate(p.validFrom)} – {p.validTo ? formatDate(p.validTo) : t('panel.historyOpen')}
          </span>
          <span className="timeline__status">
            <StatusSwatch status={p.status} /> {t(`status.${p.status}`)}
            {p.useCategory && ` · ${t(`category.${p.useCategory}`)}`}
            {p.businessName && ` · ${p.businessName}`}
          </span>
          {p.note && <span className="timeline__note">{p.note}</span>}
        </li>
      ))}
    </ol>
  );
}
