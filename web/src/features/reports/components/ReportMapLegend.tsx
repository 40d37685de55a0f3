import { useTranslation } from 'react-i18next';
import { OCCUPANCY_STATUSES } from '../../../lib/domain';
import { MARKER_OUTLINE } from '../../map/colors';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import type { ReportMap } from '../api/report-types';

/**
 * Legend with inline SVG swatches (printed even when the browser drops background colours): each
 * status's marker shape and colour, as on the map, so it reads in black and white too.
 */
export function ReportMapLegend({ map }: { map: ReportMap }) {
  const { t } = useTranslation();
  const outside = (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="none" stroke={MARKER_OUTLINE} strokeWidth="1" />
      <circle cx="8" cy="8" r="4.5" fill="#999999" stroke={MARKER_OUTLINE} strokeWidth="1.2" />
    </svg>
  );
  return (
    <ul className="report-legend" aria-label={t('legend.title')}>
      {OCCUPANCY_STATUSES.filter((s) => s !== 'demolished').map((s) => (
        <li key={s}>
          <StatusSwatch status={s} /> {t(`status.${s}`)}
        </li>
      ))}
      <li>
        {outside} {t('reports.map.outside')}
      </li>
      <li>
        <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
          <path
            d="M1 7 H21"
            stroke="#1f3a5f"
            strokeWidth="2.5"
            strokeDasharray={map.perimeterIsPlaceholder ? '5 3' : undefined}
          />
        </svg>{' '}
        {map.perimeterIsPlaceholder ? t('reports.map.placeholder') : t('reports.map.perimeter')}
      </li>
    </ul>
  );
}
