import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_REFRESH_MS, refreshDelayMs } from './qr-refresh.ts';

const T0 = Date.parse('2026-12-03T12:00:00Z');
const card = (expiresInMs: number) => ({ qr: { expiresAt: new Date(T0 + expiresInMs).toISOString() } });

test('a fresh code is fetched 15 s before the one shown expires', () => {
  assert.equal(refreshDelayMs(card(60_000), T0, T0), 45_000);
  assert.equal(refreshDelayMs(card(60_000), T0, T0 + 30_000), 15_000);
});

test('a phone clock behind the server cannot stretch the 60 s the code scans for', () => {
  // The phone is 5 minutes behind: expiresAt looks 6 minutes away.
  assert.equal(refreshDelayMs(card(360_000), T0, T0), 45_000);
});

test('a phone clock ahead of the server makes the app fetch sooner, but never in a loop', () => {
  assert.equal(refreshDelayMs(card(30_000), T0, T0), 15_000);
  assert.equal(refreshDelayMs(card(-120_000), T0, T0), MIN_REFRESH_MS);
  assert.equal(refreshDelayMs(card(60_000), T0, T0 + 59_000), MIN_REFRESH_MS);
});

test('coming back to the app after the code expired fetches at once (the shortest wait)', () => {
  assert.equal(refreshDelayMs(card(60_000), T0, T0 + 10 * 60_000), MIN_REFRESH_MS);
});
