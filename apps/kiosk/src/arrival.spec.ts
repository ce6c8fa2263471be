import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrivalWatcher } from './arrival.ts';

const nobody = { faces: 0, widthShare: 0, turn: 0 };
const near = { faces: 1, widthShare: 0.3, turn: 0 };
const farAway = { faces: 1, widthShare: 0.05, turn: 0 };

test('someone walking up wakes the kiosk after two near looks', () => {
  const arrived = arrivalWatcher();
  assert.deepEqual([nobody, farAway, near, near].map(arrived), [false, false, false, true]);
});

test('a shopper still standing there after paying does not open a new basket; the next arrival does', () => {
  const arrived = arrivalWatcher();
  assert.deepEqual([near, near, near].map(arrived), [false, false, false]);
  assert.deepEqual([nobody, near, near].map(arrived), [false, false, true]);
});

test('no detector (not loaded, no camera) never wakes it; a glimpse is not an arrival', () => {
  const arrived = arrivalWatcher();
  assert.deepEqual([undefined, nobody, near, nobody, near, undefined].map(arrived), [
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});
