import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../lib/format';
import type { FootfallImportReport } from '../api/footfall-api';
import { CounterLineTable } from './CounterLineTable';

/** What the counter upload stored, where hours are missing, and which lines were repaired or rejected. */
export function FootfallReport({ report }: { report: FootfallImportReport }) {
  const { t } = useTranslation();
  return (
    <div data-testid="footfall-report" role="status">
      <p>
        {t('footfall.report.stored', {
          location: report.location,
          count: report.stored,
          stored: formatNumber(report.stored),
          from: formatDateTime(report.firstHour),
          to: formatDateTime(report.lastHour),
        })}
      </p>
      <ul>
        <li>{t('footfall.report.outages', { count: report.outageHours })}</li>
        <li>{t('footfall.report.gaps', { count: report.gaps.length })}</li>
        <li>{t('footfall.report.repaired', { count: report.repaired.length })}</li>
        <li>{t('footfall.report.rejected', { count: report.rejected.length })}</li>
      </ul>
      {report.gaps.length > 0 && (
        <div className="table-wrap">
          <table className="storefront-table">
            <caption>{t('footfall.report.gapsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('footfall.report.from')}</th>
                <th scope="col">{t('footfall.report.to')}</th>
                <th scope="col">{t('footfall.report.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {report.gaps.map((g) => (
                <tr key={g.from}>
                  <td>{formatDateTime(g.from)}</td>
                  <td>{formatDateTime(g.to)}</td>
                  <td>{g.hours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CounterLineTable caption={t('footfall.report.repairedCaption')} lines={report.repaired} />
      <CounterLineTable caption={t('footfall.report.rejectedCaption')} lines={report.rejected} />
    </div>
  );
}
