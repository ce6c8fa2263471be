import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demographicGrid, trafficHours } from './traffic-view.ts';

const day = (busy: Record<number, [number, number]>) =>
  Array.from({ length: 24 }, (_, hour) => ({
    hour,
    members: busy[hour]?.[0] ?? 0,
    anonymous: busy[hour]?.[1] ?? 0,
  }));

test('the hours drawn run from the first busy hour to the last, quiet hours between kept', () => {
  const hours = trafficHours(day({ 9: [1, 1], 11: [0, 4], 13: [2, 0] }));
  assert.deepEqual(
    hours.map((h) => [h.hour, h.total, h.share]),
    [
      [9, 2, 0.5],
      [10, 0, 0],
      [11, 4, 1],
      [12, 0, 0],
      [13, 2, 0.5],
    ],
  );
});

test('a day with nobody draws no hours', () => {
  assert.deepEqual(trafficHours(day({})), []);
});

test('the demographic table fills the cells the report leaves out and drops empty bands and genders', () => {
  const grid = demographicGrid([
    { ageBand: '25-34', gender: 'female', visitors: 3 },
    { ageBand: '25-34', gender: 'male', visitors: 1 },
    { ageBand: '55+', gender: 'female', visitors: 2 },
    { ageBand: 'unknown', gender: 'unknown', visitors: 1 },
  ]);
  assert.deepEqual(grid.genders, ['female', 'male', 'unknown']);
  assert.deepEqual(
    grid.rows.map((r) => [r.ageBand, r.counts, r.total]),
    [
      ['25-34', [3, 1, 0], 4],
      ['55+', [2, 0, 0], 2],
      ['unknown', [0, 0, 1], 1],
    ],
  );
  assert.deepEqual([grid.totals, grid.total], [[5, 1, 1], 7]);
});

test('no anonymous visitors: an empty table', () => {
  assert.deepEqual(demographicGrid([]), { genders: [], rows: [], totals: [], total: 0 });
});
