import { invalid } from '../../platform/domain-errors.ts';

/** Stores keep China Standard Time (UTC+8, no daylight saving): a business day runs from local midnight. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

export function businessDayStart(at: Date, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  const local = at.getTime() + offsetMinutes * 60_000;
  return new Date(local - (local % 86_400_000) - offsetMinutes * 60_000);
}

/** The calendar day of the business day `at` falls in: year, month (1–12), day of month, and YYYY-MM-DD. */
export function businessDateOf(
  at: Date,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): { year: number; month: number; day: number; date: string } {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    date: local.toISOString().slice(0, 10),
  };
}

/**
 * [start, end) of the business day named YYYY-MM-DD. A day the calendar does not have (2026-02-30) is refused, and so
 * is one before 1970: no shop took payments then, and years around 0 do not survive every database driver.
 */
export function businessDayRange(date: string, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): { from: Date; to: Date } {
  const midnightUtc = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(midnightUtc) || new Date(midnightUtc).toISOString().slice(0, 10) !== date || date < '1970-01-01') {
    throw invalid('date_invalid', `${date} is not a calendar day from 1970-01-01 on (YYYY-MM-DD)`);
  }
  const from = new Date(midnightUtc - offsetMinutes * 60_000);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}
