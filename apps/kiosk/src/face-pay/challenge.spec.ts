import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColourChallenge } from '@shualian/sdk';
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

test('frames are planned from 40 ms every 160 ms inside the challenge', () => {
  assert.deepEqual(captureTimes(challenge), [40, 200, 360, 520, 680, 840]);
  assert.deepEqual(stepAt(challenge, 499)?.rgb, [0, 255, 0]);
  assert.equal(stepAt(challenge, 1000), undefined);
});

test('the overlay follows the schedule, each frame is stamped with the time since the first colour, and the overlay clears', async () => {
  const shown: Array<{ at: number; rgb: string }> = [];
  const start = performance.now();
  const { frames, shownAtMs } = await playChallenge(challenge, {
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
  // and the kiosk reports when they really went up, and when the flash ended
  assert.equal(shownAtMs.length, 5);
  assert.equal(shownAtMs[0], 0);
  shownAtMs
    .slice(1, 4)
    .forEach((at, i) => assert.ok(at >= challenge.steps[i + 1]!.startMs, `step ${i + 1} reported at ${at}`));
  assert.ok(shownAtMs[4]! >= 1000);
});

test('a terminal that stalls past a whole colour reports it as never shown, and frames carry the camera’s own time', async () => {
  let stall = 0;
  const now = () => performance.now() + stall;
  const shown: string[] = [];
  const cameraLagMs = 70;
  const { frames, shownAtMs } = await playChallenge(challenge, {
    now,
    show: (rgb) => {
      shown.push(rgb ? rgb.join(',') : 'none');
      // 550 ms lost just after green went up: blue's whole turn passes before the kiosk looks again.
      if (rgb?.[1] === 255 && rgb[0] === 0 && stall === 0) stall = 550;
    },
    capture: async () => 'jpeg',
    frameTakenAt: () => now() - cameraLagMs,
  });
  assert.deepEqual(shown, ['255,0,0', '0,255,0', '255,255,0', 'none']);
  assert.equal(shownAtMs.length, 5);
  assert.equal(shownAtMs[2], shownAtMs[3], 'blue was never on the screen');
  assert.ok(shownAtMs[3]! >= 750);
  // every frame is stamped with when the camera took it, 70 ms before the copy, so the first falls before the flash
  assert.ok(frames[0]!.atMs < 0 && frames[0]!.atMs >= 40 - cameraLagMs - 5, `first frame at ${frames[0]!.atMs}`);
});

test('a camera preview that stopped updating gives no time older than half a second: the copy time stands', async () => {
  const { frames } = await playChallenge(challenge, {
    show: () => undefined,
    capture: async () => 'jpeg',
    frameTakenAt: () => 0,
  });
  frames.forEach((f, i) => assert.ok(f.atMs >= captureTimes(challenge)[i]!, `frame ${i} at ${f.atMs}`));
});
