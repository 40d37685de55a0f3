import { useTranslation } from 'react-i18next';
import type { LineReport } from '../api/footfall-api';

/**
 * Lines of a counter file that were repaired or rejected: where (line, column, value), why (explained
 * in the UI language by the problem code, the API's English reason as fallback) and the line itself.
 */
export function CounterLineTable({ caption, lines }: { caption: string; lines: LineReport[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="storefront-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.report.line')}</th>
            <th scope="col">{t('import.report.column')}</th>
            <th scope="col">{t('import.report.value')}</th>
            <th scope="col">{t('import.report.reason')}</th>
            <th scope="col">{t('footfall.report.text')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.line}>
              <td>{l.line}</td>
              <td>{l.column ?? '–'}</td>
              <td>{l.value === null ? '–' : <code>{l.value}</code>}</td>
              <td>{t(`footfall.problem.${l.problem}`, { ...l.params, defaultValue: l.reason })}</td>
              <td>
                <code>{l.text}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
