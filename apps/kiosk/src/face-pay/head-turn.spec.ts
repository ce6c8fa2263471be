import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HeadTurnChallenge } from '@shualian/sdk';
import { HEAD_TURN_CAPTURE, headTurnCaptureTimes, playHeadTurn, stageAt } from './head-turn.ts';

const challenge: HeadTurnChallenge = { side: 'left', turnAtMs: 300, backAtMs: 600, totalMs: 900 };

test('frames are spread evenly over the challenge, never more than the server takes', () => {
  const times = headTurnCaptureTimes(challenge);
  assert.equal(times.length, HEAD_TURN_CAPTURE.maxFrames);
  assert.ok(times.every((t) => t < challenge.totalMs));
  assert.equal(
    headTurnCaptureTimes({ ...challenge, backAtMs: 2600, turnAtMs: 1200, totalMs: 3500 }).length,
    HEAD_TURN_CAPTURE.maxFrames,
  );
  assert.deepEqual(
    [0, 299, 300, 599, 600, 899].map((t) => stageAt(challenge, t)),
    ['look', 'look', 'turn', 'turn', 'back', 'back'],
  );
});

test('the prompts come in order at the server’s moments and every frame says when it was taken', async () => {
  const prompts: Array<{ stage: string; at: number }> = [];
  const start = performance.now();
  const frames = await playHeadTurn(challenge, {
    prompt: (stage) => prompts.push({ stage, at: performance.now() - start }),
    capture: async () => 'jpeg',
  });
  assert.deepEqual(
    prompts.map((p) => p.stage),
    ['look', 'turn', 'back'],
  );
  assert.ok(
    prompts[1]!.at >= challenge.turnAtMs - 1 && prompts[2]!.at >= challenge.backAtMs - 1,
    JSON.stringify(prompts),
  );
  assert.equal(frames.length, HEAD_TURN_CAPTURE.maxFrames);
  frames.forEach((f, i) => assert.ok(f.atMs >= headTurnCaptureTimes(challenge)[i]!, `frame ${i} at ${f.atMs}`));
});

test('cancelling stops the challenge', async () => {
  const abort = new AbortController();
  const playing = playHeadTurn(challenge, { prompt: () => undefined, capture: () => 'jpeg', signal: abort.signal });
  abort.abort();
  await assert.rejects(playing, { name: 'AbortError' });
});
