import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { isLonLat } from './geojson.js';
import { isSlug } from './id-or-slug.js';

/** `[lon, lat]` in EPSG:4326, range-checked. */
export function IsLonLat(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLonLat',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be [lon, lat] with lon −180…180 and lat −90…90', ...options },
      validator: { validate: (value: unknown) => isLonLat(value) && (value as unknown[]).length === 2 },
    });
}

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-29), in the years 1900–2100. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a date YYYY-MM-DD between 1900 and 2100', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) },
    });
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` naming a day that exists (leap years by the Gregorian rule) in the years 1900–2100: the
 * dates of shop records, and a bound that keeps date arithmetic (a day after 9999-12-31) from failing.
 */
export function isCalendarDate(value: string): boolean {
  // Arithmetic, not a Date: every uncached tile checks its date (a Date and toISOString took ≈ 5 µs).
  const parts = CALENDAR_DATE.exec(value);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** Query strings: `a,b,c` or repeated `?x=a&x=b` into a string array. */
export const CommaList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (value === undefined || value === '') return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    return parts.map((v) => v.trim()).filter((v) => v !== '');
  });

/**
 * Text trimmed at both ends before it is checked — of JavaScript's whitespace, so also no-break and
 * ideographic spaces, which the database's `btrim` checks would let through. With `@IsNotEmpty()` a
 * blank value is then the field's 400 („must not be empty“), not a 422 naming a constraint.
 */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * A field that may be left out but, when sent, must not be null (the column has no null). `@IsOptional`
 * would let null through to the database (a 422 naming no field); this makes it the field's 400.
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_: unknown, value: unknown) => value !== undefined);

/** Query strings: 'true'/'false' into booleans; anything else stays and fails validation. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Query strings: a decimal integer into a number; anything else stays and fails validation. */
export const QueryInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value,
  );

/** Query strings: a decimal number into a number, an empty value into none; anything else fails validation. */
export const QueryNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (value === '') return undefined;
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  });

/** Built once: constructing an Intl formatter costs far more than formatting (it was a hot spot). */
const BERLIN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

let lastDay = { second: NaN, day: '' };

/** Today's date in Germany (the towns' calendar day, not the server's): the default reference date. */
export function todayIso(now: Date = new Date()): string {
  // Formatting is still costly for a per-request call: remembered for the second it was asked in.
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastDay.second) lastDay = { second, day: BERLIN_DATE.format(now) };
  return lastDay.day;
}

/**
 * A date (`YYYY-MM-DD`, checked by IsCalendarDate) not after today in Germany: what happened to a unit
 * (a status change, a period, an on-site check) cannot lie ahead. A typo in the year (2062 for 2026)
 * would otherwise hide a unit until that day. Planned things (interventions) may lie ahead.
 */
export function NotAfterToday(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notAfterToday',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must not be after today` },
      validator: { validate: (value: unknown) => typeof value !== 'string' || value <= todayIso() },
    });
}

/** A slug (`thueringer-becken`) as `isSlug` takes it: lower-case letters and digits joined by hyphens. */
export function IsSlug(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSlug',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be a slug (a–z, 0–9, hyphens; at most 100 characters)`,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isSlug(value) },
    });
}

/** `[minLon, minLat, maxLon, maxLat]` in EPSG:4326 with min < max. */
export function IsBbox(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBbox',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'bbox must be minLon,minLat,maxLon,maxLat in EPSG:4326 with min < max' },
      validator: {
        validate: (v: unknown) =>
          Array.isArray(v) &&
          v.length === 4 &&
          v.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
          v[0] >= -180 &&
          v[2] <= 180 &&
          v[1] >= -90 &&
          v[3] <= 90 &&
          v[0] < v[2] &&
          v[1] < v[3],
      },
    });
}
