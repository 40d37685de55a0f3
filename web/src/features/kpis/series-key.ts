import { shortLabel } from '../../lib/chart-labels';
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
 * The towns of the series in the order the API answers them, each with its line's style: the chart
 * draws its lines and its key from these entries, so a line and its key entry cannot differ.
 */
export function seriesKey(
  towns: readonly { cityId: string }[],
  names: ReadonlyMap<string, string>,
): SeriesKeyEntry[] {
  return towns.map((town, i) => {
    const name = names.get(town.cityId) ?? town.cityId;
    return { cityId: town.cityId, name, label: shortLabel(name, MAX_KEY_CHARS), style: seriesStyle(i) };
  });
}
