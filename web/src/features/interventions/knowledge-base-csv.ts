import type { TFunction } from 'i18next';
import type { CsvCell } from '../../lib/csv';
import type { Intervention } from '../../lib/domain';
import { checkSummary, outcomeText } from './outcome';
import { obstaclesText } from './obstacles';

/**
 * The knowledge base's list as shown (after search and filters) as a file for a network meeting's
 * slides: what was tried where, when, at what cost, what came of it, what stood in its way and what was learnt — with the
 * checks the outcome rests on and whether the entry is synthetic demo data. Start and end in columns of their
 * own and the cost per unit beside the cost, so that the sheet can be sorted and summed.
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
    t('kb.csv.start'),
    t('kb.csv.end'),
    t('kb.csv.units'),
    t('kb.csv.costEur'),
    t('kb.csv.costPerUnitEur'),
    t('kb.outcome'),
    t('kb.check.heading'),
    t('kb.obstacles'),
    t('kb.lessons'),
    t('kpi.csvSynthetic'),
  ];
  const date = (iso: string | null): string | null => (iso === null ? null : day(iso));
  const body = items.map((i) => [
    towns.get(i.cityId) ?? i.cityId,
    i.title,
    t(`interventionType.${i.type}`),
    t(`interventionState.${i.state}`),
    date(i.startDate),
    date(i.endDate),
    i.storefrontIds.length,
    i.budgetEur,
    i.budgetEur === null || i.storefrontIds.length === 0
      ? null
      : Math.round((i.budgetEur / i.storefrontIds.length) * 100) / 100,
    outcomeText(i, t, day),
    i.outcomeChecks.map((c) => `${checkSummary(c, t, day)}${c.note ? `: ${c.note}` : ''}`).join(' | ') ||
      null,
    obstaclesText(i.obstacles, t),
    i.lessonsLearned,
    i.isSynthetic ? t('kpi.csvYes') : t('kpi.csvNo'),
  ]);
  return { header, body };
}
