import { useTranslation } from 'react-i18next';
import { OCCUPANCY_STATUSES } from '../../../lib/domain';
import { MARKER_OUTLINE, STATUS_COLORS } from '../../map/colors';
import type { ReportMap } from '../api/report-types';

/** Legend with inline SVG swatches (printed even when the browser drops background colours). */
export function ReportMapLegend({ map }: { map: ReportMap }) {
  const { t } = useTranslation();
  const dot = (fill: string, ring = false) => (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {ring && <circle cx="8" cy="8" r="7" fill="none" stroke={MARKER_OUTLINE} strokeWidth="1" />}
      <circle cx="8" cy="8" r={ring ? 4.5 : 6} fill={fill} stroke={MARKER_OUTLINE} strokeWidth="1.2" />
    </svg>
  );
  return (
    <ul className="report-legend" aria-label={t('legend.title')}>
      {OCCUPANCY_STATUSES.filter((s) => s !== 'demolished').map((s) => (
        <li key={s}>
          {dot(STATUS_COLORS[s])} {t(`status.${s}`)}
        </li>
      ))}
      <li>
        {dot('#999999', true)} {t('reports.map.outside')}
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
