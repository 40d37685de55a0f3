import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateForYear, todayIso, yearOf, yearRange } from '../../../lib/dates';
import { Field } from '../../../ui/Field';
import { completeDate } from '../as-of-date';

const FIRST_YEAR = 2015;
const MIN_DATE = `${FIRST_YEAR}-01-01`;
const STEP_MS = 1500;

/** Stichtag: a date field, a year slider and a play button that steps through the years. */
export function AsOfControl({
  asOf,
  onChange,
}: {
  asOf: string | undefined;
  onChange: (asOf: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const today = todayIso();
  const current = asOf ?? today;
  const years = yearRange(FIRST_YEAR, today);
  const [playing, setPlaying] = useState(false);
  // What the date field shows: a typed date is applied only once it is complete and in range.
  const [draft, setDraft] = useState(current);
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setDraft(current);
  }

  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => {
      const next = yearOf(current) + 1;
      if (next > yearOf(today)) {
        setPlaying(false);
        return;
      }
      onChange(next >= yearOf(today) ? undefined : dateForYear(next, today));
    }, STEP_MS);
    return () => window.clearInterval(timer);
  }, [playing, current, today, onChange]);

  const play = (): void => {
    if (!playing && yearOf(current) >= yearOf(today)) onChange(dateForYear(years[0]!, today));
    setPlaying(!playing);
  };

  return (
    <div className="as-of" role="group" aria-label={t('time.asOf')}>
      <Field label={t('time.asOf')}>
        {(id) => (
          <input
            id={id}
            type="date"
            value={draft}
            min={MIN_DATE}
            max={today}
            data-testid="as-of-date"
            onChange={(e) => {
              setDraft(e.target.value);
              const date = completeDate(e.target.value, MIN_DATE, today);
              if (date && date !== current) onChange(date === today ? undefined : date);
            }}
            onBlur={() => setDraft(current)}
          />
        )}
      </Field>
      <Field label={t('time.year')}>
        {(id) => (
          <input
            id={id}
            type="range"
            min={years[0]}
            max={years.at(-1)}
            step={1}
            value={yearOf(current)}
            aria-valuetext={String(yearOf(current))}
            onChange={(e) => {
              const year = Number(e.target.value);
              onChange(year >= yearOf(today) ? undefined : dateForYear(year, today));
            }}
          />
        )}
      </Field>
      <div className="as-of__buttons">
        <button type="button" className="button" onClick={play} aria-pressed={playing}>
          {playing ? `⏸ ${t('time.pause')}` : `▶ ${t('time.play')}`}
        </button>
        {asOf && (
          <button type="button" className="button button--ghost" onClick={() => onChange(undefined)}>
            {t('time.today')}
          </button>
        )}
      </div>
    </div>
  );
}
