import { useTranslation } from 'react-i18next';
import type { NetworkReportMap } from '../api/report-types';
import { classColor, classLabel } from '../network-map-style';
import type { ReportLang } from '../report-format';
import { NoDataPattern, useHatchId } from './NetworkMapSvg';

const BOUNDARY = '#3b3b3b';

/**
 * The network map's classes in words ("5 % bis unter 10 %"), with inline SVG swatches (printed even
 * when the browser drops background colours), and "keine Daten" with the map's hatch.
 */
export function NetworkMapLegend({ map, lang }: { map: NetworkReportMap; lang: ReportLang }) {
  const { t } = useTranslation();
  const hatch = useHatchId('network-legend-hatch');
  const swatch = (fill: string, defs?: React.ReactNode) => (
    <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
      {defs && <defs>{defs}</defs>}
      <rect x="1" y="1" width="20" height="12" fill={fill} stroke={BOUNDARY} strokeWidth="1" />
    </svg>
  );
  return (
    <ul
      className="report-legend"
      aria-label={t('reports.networkMap.legend')}
      data-testid="network-map-legend"
    >
      {map.classes.map((range) => {
        const label = classLabel(range, lang);
        return (
          <li key={range.index} data-vacancy-class={range.index}>
            {swatch(classColor(range.index) ?? '#ffffff')}{' '}
            {t(`reports.networkMap.${label.key}`, { from: label.from, to: label.to })}
          </li>
        );
      })}
      <li data-vacancy-class="none">
        {swatch(`url(#${hatch})`, <NoDataPattern id={hatch} size={4} stroke={1.2} />)}{' '}
        {t('reports.networkMap.noData')}
      </li>
    </ul>
  );
}
