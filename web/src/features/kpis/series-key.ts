import { shortLabel } from '../../lib/chart-labels';
import { nameCollator } from '../../lib/collate';
import { seriesStyle, type SeriesStyle } from '../../lib/series-style';

/** Names in the key past this length are shortened (lib/chart-labels); the full name is its title. */
const MAX_KEY_CHARS = 18;

/** One town's line in the series chart and in its key: the same style for both, by its position. */
export interface SeriesKeyEntry {
  cityId: string;
  /** The full name (tooltip, title) … */
  name: string;
  /** … and as the key shows it. */
  label: string;
  style: SeriesStyle;
}

/**
 * The towns of the series in the order of their names, as the tables list them („Sömmerda“ before
 * „Sondershausen“ in German), each with its line's style: the chart draws its lines, its key and its
 * table from these entries, so a line and its key entry cannot differ.
 */
export function seriesKey(
  towns: readonly { cityId: string }[],
  names: ReadonlyMap<string, string>,
  language = 'de',
): SeriesKeyEntry[] {
  const { compare } = nameCollator(language);
  return towns
    .map((town) => ({ cityId: town.cityId, name: names.get(town.cityId) ?? town.cityId }))
    .sort((a, b) => compare(a.name, b.name))
    .map(({ cityId, name }, i) => ({
      cityId,
      name,
      label: shortLabel(name, MAX_KEY_CHARS),
      style: seriesStyle(i),
    }));
}
