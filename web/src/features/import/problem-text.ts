import type { TFunction } from 'i18next';
import type { ImportProblem } from './api/imports-api';

/**
 * A problem's reason in the dashboard's language. In English the API's own sentence, with its
 * particulars (the line repeated, the date); in another language the sentence for the problem's code,
 * with the particulars the API gives in `params` — no English inside a German page.
 */
export function problemText(problem: ImportProblem, t: TFunction, language: string): string {
  if (language === 'en') return problem.reason;
  const { otherLine, context, ...values } = problem.params ?? {};
  if (otherLine) return t('import.problemOfOtherLine', { line: otherLine });
  // the case of the code the API names (`context`; `since` has its own), with its particulars
  return t(`import.problem.${problem.code}`, {
    ...values,
    context: context ?? (values.since ? 'since' : undefined),
  });
}
