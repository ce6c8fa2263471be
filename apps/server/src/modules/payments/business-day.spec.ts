import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../platform/domain-errors.ts';
import { businessDateOf, businessDayRange, businessDayStart } from './business-day.ts';

test('a business day starts at midnight in China', () => {
  assert.equal(businessDayStart(new Date('2026-11-23T15:59:00Z')).toISOString(), '2026-11-22T16:00:00.000Z');
  assert.equal(businessDayStart(new Date('2026-11-23T16:00:00Z')).toISOString(), '2026-11-23T16:00:00.000Z');
  const { from, to } = businessDayRange('2026-11-23');
  assert.equal(from.toISOString(), '2026-11-22T16:00:00.000Z');
  assert.equal(to.toISOString(), '2026-11-23T16:00:00.000Z');
});

test('a day the calendar does not have, or before 1970, is refused, not turned into an invalid time', () => {
  for (const date of [
    '2026-02-30',
    '2026-13-01',
    '1373-75-62',
    '2026-1-01',
    '2026-02-29',
    '',
    '0000-01-01',
    '1969-12-31',
  ]) {
    assert.throws(
      () => businessDayRange(date),
      (error: unknown) => error instanceof DomainError && error.code === 'date_invalid',
      date,
    );
  }
  assert.equal(businessDayRange('2028-02-29').from.toISOString(), '2028-02-28T16:00:00.000Z');
});

test('the calendar day of a moment is China’s', () => {
  assert.deepEqual(businessDateOf(new Date('2026-05-19T15:59:59Z')), {
    year: 2026,
    month: 5,
    day: 19,
    date: '2026-05-19',
  });
  assert.deepEqual(businessDateOf(new Date('2026-05-19T16:00:00Z')), {
    year: 2026,
    month: 5,
    day: 20,
    date: '2026-05-20',
  });
  assert.equal(businessDateOf(new Date('2026-12-31T16:30:00Z')).date, '2027-01-01');
});
