import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FirstLooks } from './first-looks.ts';
import type { FrameAnalysis } from '../biometrics/index.ts';

const analysis = (faceCount: number) => ({ faceCount }) as FrameAnalysis;

test('the first look is analysed once and reused only for the same bytes of the same session', async () => {
  let calls = 0;
  const analyze = async () => analysis(++calls);
  const looks = new FirstLooks(90_000);
  const frame = Buffer.from('frame one');
  await looks.start('s1', frame, analyze);
  await looks.start('s1', frame, analyze);
  assert.equal(calls, 1, 'a repeated request joins the first analysis');
  assert.equal(looks.take('s1', Buffer.from('another frame')), undefined, 'other bytes are analysed afresh');
  await looks.start('s1', frame, analyze);
  assert.equal((await looks.take('s1', frame))?.faceCount, 2);
  assert.equal(looks.take('s1', frame), undefined, 'taken once');
  assert.equal(looks.take('s2', frame), undefined);
});

test('looks expire with the session, the oldest go first when full, and failures are not kept', async () => {
  let now = 0;
  const looks = new FirstLooks(1000, 2, () => now);
  const frame = Buffer.from('f');
  await looks.start('old', frame, async () => analysis(1));
  now = 1000;
  assert.equal(looks.take('old', frame), undefined);
  for (const id of ['a', 'b', 'c']) await looks.start(id, frame, async () => analysis(1));
  assert.equal(looks.size, 2);
  assert.equal(looks.take('a', frame), undefined);
  await assert.rejects(looks.start('bad', frame, async () => Promise.reject(new Error('not an image'))));
  assert.equal(looks.take('bad', frame), undefined);
});

test('a failed look does not take with it a newer look of the same session', async () => {
  const looks = new FirstLooks(90_000);
  let fail!: (error: Error) => void;
  const failing = looks.start(
    's',
    Buffer.from('blurred'),
    () => new Promise<FrameAnalysis>((_, reject) => (fail = reject)),
  );
  const sharp = Buffer.from('sharp');
  await looks.start('s', sharp, async () => analysis(1));
  fail(new Error('no face'));
  await assert.rejects(failing);
  assert.equal((await looks.take('s', sharp))?.faceCount, 1);
});
