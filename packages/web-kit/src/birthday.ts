/** A member's birthday as the API carries it: month, day, and the year only when the member gave it. */
export interface BirthdayValue {
  month: number;
  day: number;
  year: number | null;
}

/** A birthday as people say it: 3月14日 / 14 March, with the year when it is known (1990年7月10日 / 10 July 1990). */
export function formatBirthday(birthday: BirthdayValue, lang: string): string {
  // A leap year stands in for an unknown one, so 29 February reads as itself.
  const date = new Date(Date.UTC(birthday.year ?? 2000, birthday.month - 1, birthday.day));
  return date.toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    ...(birthday.year !== null && { year: 'numeric' }),
  });
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days a month can have (29 for February: a birthday may be the 29th). */
export const daysInMonth = (month: number): number => DAYS_IN_MONTH[month - 1] ?? 31;

/**
 * A birthday form's text read as the API takes it (the year optional), or the field that is wrong. The server
 * decides the rest (29 February of a year without one, a year in the future) and names the field.
 */
export function readBirthday(draft: {
  month: string;
  day: string;
  year: string;
}):
  { birthday: { month: number; day: number; year?: number }; field?: undefined } | { field: 'month' | 'day' | 'year' } {
  const whole = (text: string) => (/^\s*\d{1,4}\s*$/.test(text) ? Number(text.trim()) : Number.NaN);
  const month = whole(draft.month);
  if (!(month >= 1 && month <= 12)) return { field: 'month' };
  const day = whole(draft.day);
  if (!(day >= 1 && day <= daysInMonth(month))) return { field: 'day' };
  if (draft.year.trim() === '') return { birthday: { month, day } };
  const year = whole(draft.year);
  if (!(year >= 1900 && year <= 9999)) return { field: 'year' };
  return { birthday: { month, day, year } };
}
