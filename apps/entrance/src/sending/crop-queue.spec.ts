import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CropQueue, QUEUE_RULES, type CropBatch } from './crop-queue.ts';

const batch = (takenMs: number, crops = 1): CropBatch => ({
  atMs: 1_700_000_000_000 + takenMs,
  takenMs,
  crops: Array.from({ length: crops }, (_, i) => `crop-${takenMs}-${i}`),
});

test('batches go oldest first and stay queued until settled', () => {
  const queue = new CropQueue();
  const [a, b] = [batch(0), batch(100, 2)];
  queue.push(a, 0);
  queue.push(b, 100);
  assert.equal(queue.next(200), a);
  assert.equal(queue.next(200), a, 'still a, until it is settled');
  queue.settle(a);
  assert.equal(queue.next(200), b);
  assert.equal(queue.waiting, 2);
  queue.settle(b);
  assert.equal(queue.next(200), undefined);
  assert.equal(queue.dropped, 0);
});

test('while the network is away only the last few seconds are kept: older crops are dropped and counted', () => {
  const queue = new CropQueue();
  for (let t = 0; t <= 20_000; t += 1000) queue.push(batch(t, 2), t);
  const head = queue.next(20_000)!;
  assert.ok(20_000 - head.takenMs <= QUEUE_RULES.keepMs, `kept ${head.takenMs}`);
  assert.equal(queue.waiting, 2 * (QUEUE_RULES.keepMs / 1000 + 1));
  assert.equal(queue.dropped, 2 * 21 - queue.waiting);
});

test('never more than maxBatches, however fast crops come', () => {
  const queue = new CropQueue();
  for (let t = 0; t < 1000; t += 10) queue.push(batch(t), t);
  assert.equal(queue.waiting, QUEUE_RULES.maxBatches);
  assert.equal(queue.next(1000)!.takenMs, 1000 - 10 * QUEUE_RULES.maxBatches);
  assert.equal(queue.dropped, 100 - QUEUE_RULES.maxBatches);
});

test('a batch waiting for a retry goes stale like any other', () => {
  const queue = new CropQueue();
  const a = batch(0);
  queue.push(a, 0);
  assert.equal(queue.next(1000), a);
  assert.equal(queue.next(QUEUE_RULES.keepMs + 1), undefined);
  assert.equal(queue.dropped, 1);
  queue.settle(a); // settling a batch already dropped changes nothing
  assert.equal(queue.dropped, 1);
});
