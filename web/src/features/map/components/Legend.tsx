import { useTranslation } from 'react-i18next';
import { OCCUPANCY_STATUSES } from '../../../lib/domain';
import { formatPercent } from '../../../lib/format';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import { VACANCY_RATE_STEPS } from '../colors';

export function Legend() {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('legend.title')}</h2>
      <ul>
        {OCCUPANCY_STATUSES.map((s) => (
          <li key={s}>
            <StatusSwatch status={s} /> {t(`status.${s}`)}
          </li>
        ))}
        <li>
          <span className="swatch swatch--outlined" aria-hidden="true" /> {t('legend.outside')}
        </li>
        <li>
          <span className="line-swatch line-swatch--perimeter" aria-hidden="true" /> {t('legend.perimeter')}
        </li>
        <li>
          <span className="line-swatch line-swatch--boundary" aria-hidden="true" /> {t('legend.boundary')}
        </li>
      </ul>
      <p className="legend__note">{t('legend.cells')}</p>
      <ul className="legend__scale">
        {VACANCY_RATE_STEPS.map((s) => (
          <li key={s.from}>
            <span className="swatch" aria-hidden="true" style={{ background: s.color }} /> ≥{' '}
            {formatPercent(s.from, 0)}
          </li>
        ))}
      </ul>
    </section>
  );
}
