import assert from 'node:assert/strict';
import { test } from 'node:test';
import { businessDayRange, businessDayStart } from './business-day.ts';

test('a business day starts at midnight in China', () => {
  assert.equal(businessDayStart(new Date('2026-11-23T15:59:00Z')).toISOString(), '2026-11-22T16:00:00.000Z');
  assert.equal(businessDayStart(new Date('2026-11-23T16:00:00Z')).toISOString(), '2026-11-23T16:00:00.000Z');
  const { from, to } = businessDayRange('2026-11-23');
  assert.equal(from.toISOString(), '2026-11-22T16:00:00.000Z');
  assert.equal(to.toISOString(), '2026-11-23T16:00:00.000Z');
});
