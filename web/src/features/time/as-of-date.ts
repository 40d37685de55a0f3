import { isIsoDate } from '../../lib/dates';

/**
 * The date a date field's value stands for, or null while it is incomplete or out of range. A typed
 * year arrives digit by digit (0002-…, 0020-…, 0202-…, 2024-…): only the last one is a date to load.
 */
export function completeDate(value: string, min: string, max: string): string | null {
  return isIsoDate(value) && value >= min && value <= max ? value : null;
}
