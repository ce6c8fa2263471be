import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColourChallenge } from '../kiosk-api.ts';
import { captureTimes, playChallenge, stepAt } from './challenge.ts';

const challenge: ColourChallenge = {
  nonce: 'n',
  totalMs: 1000,
  steps: [
    { rgb: [255, 0, 0], startMs: 0, durationMs: 250 },
    { rgb: [0, 255, 0], startMs: 250, durationMs: 250 },
    { rgb: [0, 0, 255], startMs: 500, durationMs: 250 },
    { rgb: [255, 255, 0], startMs: 750, durationMs: 250 },
  ],
};

test('frames are planned from 60 ms every 200 ms inside the challenge', () => {
  assert.deepEqual(captureTimes(challenge), [40, 200, 360, 520, 680, 840]);
  assert.deepEqual(stepAt(challenge, 499)?.rgb, [0, 255, 0]);
  assert.equal(stepAt(challenge, 1000), undefined);
});

test('the overlay follows the schedule, each frame is stamped with the time since the first colour, and the overlay clears', async () => {
  const shown: Array<{ at: number; rgb: string }> = [];
  const start = performance.now();
  const frames = await playChallenge(challenge, {
    show: (rgb) => shown.push({ at: performance.now() - start, rgb: rgb ? rgb.join(',') : 'none' }),
    capture: async () => 'jpeg',
  });
  assert.deepEqual(
    shown.map((s) => s.rgb),
    ['255,0,0', '0,255,0', '0,0,255', '255,255,0', 'none'],
  );
  assert.equal(frames.length, 6);
  frames.forEach((f, i) => assert.ok(f.atMs >= captureTimes(challenge)[i]!, `frame ${i} at ${f.atMs}`));
  // the colours change on time (timer slack allowed, no timing promise beyond "not early")
  shown.slice(1, 4).forEach((s, i) => assert.ok(s.at >= challenge.steps[i + 1]!.startMs - 1, `${s.rgb} at ${s.at}`));
});
