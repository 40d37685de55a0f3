import type { SeriesKeyEntry } from '../series-key';

/**
 * The series chart's key as an HTML list below the plot, not Recharts' legend inside it: the legend
 * takes its lines from the chart's fixed height, and on a phone nine towns left the lines a strip of
 * 50 px. The list flows into as many columns as the chart's width holds and the plot keeps its height.
 * It stays visible (no „show legend“ button): without it the lines cannot be read. Each entry shows
 * the line as drawn (colour and dash, WCAG 1.4.1). It is part of the picture, hidden from assistive
 * technology with it; the table beside the chart names the same towns with their numbers.
 */
export function SeriesKey({ entries }: { entries: readonly SeriesKeyEntry[] }) {
  return (
    <ul className="series-key" data-testid="series-key">
      {entries.map(({ cityId, name, label, style }) => (
        <li key={cityId} title={label === name ? undefined : name}>
          <svg className="series-key__line" width="28" height="10" viewBox="0 0 28 10">
            <line
              x1="1"
              y1="5"
              x2="27"
              y2="5"
              stroke={style.color}
              strokeWidth="2"
              strokeDasharray={style.dash}
            />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
