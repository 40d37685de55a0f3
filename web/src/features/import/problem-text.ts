import type { TFunction } from 'i18next';
import type { ImportProblem } from './api/imports-api';

/**
 * A problem's reason in the dashboard's language. In English the API's own sentence, with its
 * particulars (the line repeated, the date); in another language the sentence for the problem's code,
 * with the particulars the API gives in `params` — no English inside a German page.
 */
export function problemText(problem: ImportProblem, t: TFunction, language: string): string {
  if (language === 'en') return problem.reason;
  const { otherLine, since } = problem.params ?? {};
  if (otherLine) return t('import.problemOfOtherLine', { line: otherLine });
  return t(`import.problem.${problem.code}`, since ? { since, context: 'since' } : {});
}
