import type { TFunction } from 'i18next';
import type { Intervention } from '../../lib/domain';

/**
 * An intervention's period as one phrase: „01.03.2026 – 31.05.2026“; without an end „seit 01.03.2026“
 * while it runs, else „ab 01.03.2026“ (planned, or ended with no end recorded); with only an end
 * „bis 31.05.2026“; with neither –. `day` writes a date (the dashboard's or the report's format), `t`
 * translates in the language it is written in.
 */
export function interventionPeriod(
  { startDate, endDate, state }: Pick<Intervention, 'startDate' | 'endDate' | 'state'>,
  day: (iso: string) => string,
  t: TFunction,
): string {
  if (startDate && endDate)
    return t('interventionPeriod.range', { start: day(startDate), end: day(endDate) });
  if (startDate)
    return t(state === 'running' ? 'interventionPeriod.since' : 'interventionPeriod.from', {
      date: day(startDate),
    });
  if (endDate) return t('interventionPeriod.until', { date: day(endDate) });
  return '–';
}

/**
 * Still „Läuft“ after its planned end (`endDate` before today): the town has not recorded how it went,
 * and its 12-month check will never fall due until it does. Shown, not silently as running; the town's
 * editors are asked to bring it up to date.
 */
export const isPastEnd = (
  { endDate, state }: Pick<Intervention, 'endDate' | 'state'>,
  today: string,
): boolean => state === 'running' && endDate !== null && endDate < today;
