import type { TFunction } from 'i18next';
import type { CsvCell } from '../../lib/csv';
import type { Intervention } from '../../lib/domain';
import { interventionPeriod } from './intervention-period';
import { checkSummary, outcomeText } from './outcome';

/**
 * The knowledge base's list as shown (after search and filters) as a file for a network meeting's
 * slides: what was tried where, when, at what cost, what came of it and what was learnt — with the
 * checks the outcome rests on and whether the entry is synthetic demo data.
 */
export function knowledgeBaseCsv(
  items: readonly Intervention[],
  towns: ReadonlyMap<string, string>,
  t: TFunction,
  day: (iso: string) => string,
): { header: string[]; body: CsvCell[][] } {
  const header = [
    t('kb.town'),
    t('kb.csv.title'),
    t('kb.type'),
    t('kb.state'),
    t('kb.csv.period'),
    t('kb.csv.costEur'),
    t('kb.outcome'),
    t('kb.check.heading'),
    t('kb.lessons'),
    t('kpi.csvSynthetic'),
  ];
  const body = items.map((i) => [
    towns.get(i.cityId) ?? i.cityId,
    i.title,
    t(`interventionType.${i.type}`),
    t(`interventionState.${i.state}`),
    interventionPeriod(i, day, t),
    i.budgetEur,
    outcomeText(i, t, day),
    i.outcomeChecks.map((c) => `${checkSummary(c, t, day)}${c.note ? `: ${c.note}` : ''}`).join(' | ') ||
      null,
    i.lessonsLearned,
    i.isSynthetic ? t('kpi.csvYes') : t('kpi.csvNo'),
  ]);
  return { header, body };
}
