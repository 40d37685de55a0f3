import type { TFunction } from 'i18next';
import i18n from 'i18next';

/** Up to this many tied towns are named; more are counted („4 Städte“). */
const NAMED_TIES = 3;

export interface RankedValue {
  town: string;
  value: number;
}

/** The towns sharing the first row's value as shown (ranked high to low, or low to high). */
function tiedWith(rows: readonly RankedValue[], shown: (v: number) => string): string[] {
  const first = rows[0];
  if (!first) return [];
  const value = shown(first.value);
  return rows.filter((r) => shown(r.value) === value).map((r) => r.town);
}

/** „Apolda, Gotha und Sondershausen“ (in the UI language), or „4 Städte“ when there are more. */
export function townsText(t: TFunction, towns: readonly string[]): string {
  if (towns.length > NAMED_TIES) return t('benchmark.townsCount', { count: towns.length });
  return new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { type: 'conjunction' }).format(
    towns,
  );
}

/**
 * The sentence under a ranking: highest and lowest value with every town that has it (equal as shown —
 * naming one of four towns at 0,0 % would single it out), and the median. `ranked`: high to low.
 */
export function rankingSummary(
  t: TFunction,
  ranked: readonly RankedValue[],
  shown: (v: number) => string,
  medianLabel: string,
  median: string,
): string {
  const top = tiedWith(ranked, shown);
  if (top.length === ranked.length && ranked.length > 1) {
    return t('benchmark.rankingAllEqual', {
      count: ranked.length,
      value: shown(ranked[0]!.value),
      medianLabel,
      median,
    });
  }
  const bottom = tiedWith([...ranked].reverse(), shown);
  return t('benchmark.rankingSummary', {
    top: townsText(t, top),
    topValue: shown(ranked[0]!.value),
    bottom: townsText(t, [...bottom].reverse()),
    bottomValue: shown(ranked[ranked.length - 1]!.value),
    medianLabel,
    median,
  });
}
