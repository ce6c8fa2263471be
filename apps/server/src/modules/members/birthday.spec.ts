import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../platform/domain-errors.ts';
import { birthdaysCelebratedOn, isLeapYear, validBirthday } from './birthday.ts';

const today = new Date('2026-05-20T00:00:00Z');
const fieldOf = (input: { month: number; day: number; year?: number | null }) => {
  try {
    validBirthday(input, today);
    return null;
  } catch (error) {
    assert.ok(error instanceof DomainError && error.code === 'birthday_invalid');
    return error.details?.['field'];
  }
};

test('a birthday is a day the calendar has; 29 February only without a year or in a leap year', () => {
  assert.deepEqual(validBirthday({ month: 12, day: 31 }, today), { month: 12, day: 31, year: null });
  assert.deepEqual(validBirthday({ month: 2, day: 29, year: 2000 }, today), { month: 2, day: 29, year: 2000 });
  assert.equal(fieldOf({ month: 2, day: 29 }), null);
  assert.equal(fieldOf({ month: 2, day: 29, year: 1900 }), 'day'); // 1900 was not a leap year
  assert.equal(fieldOf({ month: 4, day: 31 }), 'day');
  assert.equal(fieldOf({ month: 0, day: 1 }), 'month');
  assert.equal(fieldOf({ month: 1, day: 1, year: 1899 }), 'year');
  assert.equal(fieldOf({ month: 1, day: 1, year: 2027 }), 'year');
  assert.equal(fieldOf({ month: 1.5, day: 1 }), 'month');
});

test('29 February birthdays are kept on 28 February in other years, on the 29th in leap years', () => {
  assert.deepEqual(birthdaysCelebratedOn({ year: 2027, month: 2, day: 28 }), [
    { month: 2, day: 28 },
    { month: 2, day: 29 },
  ]);
  assert.deepEqual(birthdaysCelebratedOn({ year: 2028, month: 2, day: 28 }), [{ month: 2, day: 28 }]);
  assert.deepEqual(birthdaysCelebratedOn({ year: 2028, month: 2, day: 29 }), [{ month: 2, day: 29 }]);
  assert.deepEqual(birthdaysCelebratedOn({ year: 2100, month: 2, day: 28 }), [
    { month: 2, day: 28 },
    { month: 2, day: 29 },
  ]);
  assert.equal(isLeapYear(2000), true);
  assert.equal(isLeapYear(2100), false);
});
