import i18n from 'i18next';

/** Number and date formats follow the UI language (German: 1.234,5 m² · 31.12.2024). */
const locale = (): string => (i18n.language === 'en' ? 'en-GB' : 'de-DE');

/** `minimumFractionDigits`: decimals always written (11,0 beside 11,2 in a column), at most the maximum. */
export function formatNumber(value: number, maximumFractionDigits = 0, minimumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits,
    minimumFractionDigits: Math.min(minimumFractionDigits, maximumFractionDigits),
  }).format(value);
}

export function formatPercent(share: number, maximumFractionDigits = 1, minimumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(), {
    style: 'percent',
    maximumFractionDigits,
    minimumFractionDigits: Math.min(minimumFractionDigits, maximumFractionDigits),
  }).format(share);
}

export function formatArea(m2: number | null): string {
  return m2 === null ? '–' : `${formatNumber(m2, 1)} m²`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeZone: iso.length === 10 ? 'UTC' : 'Europe/Berlin',
  }).format(date);
}

/** An instant with its time of day in Germany: 7. Dez. 2026, 14:05 · 7 Dec 2026, 14:05. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/**
 * Cents only when an amount has some: 1.250,50 € but 1.250 € (not 1.250,00 €). Rounded to the cent
 * first, so that 1.250,004 € is whole.
 */
export const euroFractionDigits = (value: number): 0 | 2 => (Math.round(value * 100) % 100 === 0 ? 0 : 2);

/** A recorded amount (an asking rent, a budget) as entered: 1.250,50 € · 1.250 €. */
export function formatEuro(value: number | null): string {
  if (value === null) return '–';
  const digits = euroFractionDigits(value);
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** An aggregate of amounts (a median cost per unit) to the whole euro: 1.251 €. */
export function formatWholeEuro(value: number | null): string {
  return value === null
    ? '–'
    : new Intl.NumberFormat(locale(), {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }).format(value);
}

/**
 * A value rounded exactly as a formatter with these options shows it — a share in percent (13,4 % →
 * 13.4) — so that a change is the difference of the values as shown (13,4 % and 10,1 % are +3,3
 * points even when the unrounded difference is 3,24). Intl rounds the decimal value, half away from zero.
 */
export function asShown(value: number, options: Intl.NumberFormatOptions): number {
  return parseFloat(new Intl.NumberFormat('en-US', { ...options, useGrouping: false }).format(value));
}
