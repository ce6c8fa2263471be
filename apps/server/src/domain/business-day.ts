/** Stores keep China Standard Time (UTC+8, no daylight saving): a business day runs from local midnight. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

export function businessDayStart(at: Date, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  const local = at.getTime() + offsetMinutes * 60_000;
  return new Date(local - (local % 86_400_000) - offsetMinutes * 60_000);
}

/** [start, end) of the business day named YYYY-MM-DD. */
export function businessDayRange(date: string, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): { from: Date; to: Date } {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const from = new Date(midnightUtc - offsetMinutes * 60_000);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}
