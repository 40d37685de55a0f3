import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../api/imports-api';
import { problemText } from '../problem-text';

/** Every problem of a dry run or refused commit: line, column, value and the reason in the UI language. */
export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t, i18n } = useTranslation();
  if (problems.length === 0) return <p data-testid="no-problems">{t('import.report.noProblems')}</p>;
  return (
    <div className="table-wrap">
      <table className="storefront-table" data-testid="problem-table">
        <caption>{t('import.report.problemsCaption', { count: problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.report.line')}</th>
            <th scope="col">{t('import.report.column')}</th>
            <th scope="col">{t('import.report.value')}</th>
            <th scope="col">{t('import.report.severity')}</th>
            <th scope="col">{t('import.report.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.line}-${p.column ?? ''}-${i}`}>
              <td>{p.line}</td>
              <td>{p.column ?? '–'}</td>
              <td>{p.value ?? '–'}</td>
              <td>{t(`import.severity.${p.severity}`)}</td>
              <td>{problemText(p, t, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
