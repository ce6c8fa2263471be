import type { Member } from '@shualian/db';
import { invalid } from '../../platform/domain-errors.ts';

/** A member's birthday: month and day; the year only when they gave it (no gift needs it). */
export interface Birthday {
  month: number;
  day: number;
  year: number | null;
}

export const BIRTHDAY_RULES = { minYear: 1900, maxReasonLength: 200 } as const;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/**
 * A birthday the calendar has: month 1–12, a day that month has (29 February without a year, or in a leap year), a
 * year (optional) from 1900 to this year. Refused as `birthday_invalid`, naming the field.
 */
export function validBirthday(input: { month: number; day: number; year?: number | null }, today: Date): Birthday {
  const bad = (field: string, message: string) => invalid('birthday_invalid', message, { field });
  const { month, day } = input;
  const year = input.year ?? null;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw bad('month', 'the month is 1 to 12');
  if (!Number.isInteger(day) || day < 1 || day > DAYS_IN_MONTH[month - 1]!)
    throw bad('day', `month ${month} has days 1 to ${DAYS_IN_MONTH[month - 1]}`);
  if (year !== null) {
    if (!Number.isInteger(year) || year < BIRTHDAY_RULES.minYear || year > today.getUTCFullYear())
      throw bad('year', `the year is ${BIRTHDAY_RULES.minYear} to this year, or left out`);
    if (month === 2 && day === 29 && !isLeapYear(year)) throw bad('day', `${year} has no 29 February`);
  }
  return { month, day, year };
}

/** The member's birthday as stored; null when they have not given it. */
export function birthdayOf(member: Member): Birthday | null {
  if (member.birth_month === null || member.birth_day === null) return null;
  return { month: member.birth_month, day: member.birth_day, year: member.birth_year };
}

/**
 * The birthdays celebrated on a calendar day: that month and day, and on 28 February of a year without a 29th, the
 * members born on 29 February too.
 */
export function birthdaysCelebratedOn(date: { year: number; month: number; day: number }): Array<{
  month: number;
  day: number;
}> {
  const days = [{ month: date.month, day: date.day }];
  if (date.month === 2 && date.day === 28 && !isLeapYear(date.year)) days.push({ month: 2, day: 29 });
  return days;
}
