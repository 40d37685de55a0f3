/**
 * Counters export local time (Europe/Berlin). An hour on the autumn clock change exists twice
 * (02:00 CEST, then 02:00 CET); on the spring change 02:00 does not exist.
 */
const berlin = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function localOf(utcMs: number): string {
  const parts = Object.fromEntries(berlin.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}`;
}

/** The UTC instants of a local date and hour: none (spring gap), one, or two (autumn repeat), earliest first. */
export function berlinHourToUtc(date: string, hour: number): Date[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = `${date} ${String(hour).padStart(2, '0')}`;
  return [2, 1]
    .map((offset) => Date.UTC(y, m - 1, d, hour) - offset * 3_600_000)
    .filter((ms) => localOf(ms) === wanted)
    .map((ms) => new Date(ms));
}
