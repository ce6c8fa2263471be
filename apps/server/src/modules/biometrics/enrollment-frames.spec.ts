import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseEnrollmentFrames } from './enrollment-frames.ts';
import type { FrameAnalysis, Recognizer } from './face.ports.ts';

/** Frames as the engine reports them: what the passive models said and whether the face passed the gates. */
const frame = (passiveLive: boolean, usable = true): FrameAnalysis => ({
  faceCount: 1,
  usable,
  identifiable: true,
  reasons: usable ? [] : ['blurred'],
  age: 30,
  gender: null,
  passiveLive,
  antispoofScore: passiveLive ? 0.8 : 0.3,
  livenessScore: passiveLive ? 0.8 : 0.3,
  embedding: new Float32Array([1, 0]),
  box: { x: 0, y: 0, width: 100, height: 100 },
  faceRgb: [120, 100, 90],
  turn: 0,
  landmarks: null,
});

function replaying(analyses: FrameAnalysis[]): Recognizer {
  let next = 0;
  return {
    analyze: async () => analyses[next++]!,
    fuse: (embeddings: Float32Array[]) => embeddings[0]!,
  } as unknown as Recognizer;
}

const frames = (n: number) => Array.from({ length: n }, () => Buffer.from('frame'));

test('one frame the passive models doubt does not refuse a live member: they veto only when no frame looks live', async () => {
  const refused: number[] = [];
  const onSpoof = async (index: number) => {
    refused.push(index);
    throw new Error('spoof');
  };
  const kept = await analyseEnrollmentFrames(replaying([frame(false), frame(true), frame(false)]), frames(3), onSpoof);
  assert.equal(kept.usable.length, 3);
  assert.deepEqual(refused, []);

  await assert.rejects(analyseEnrollmentFrames(replaying([frame(false), frame(false)]), frames(2), onSpoof), /spoof/);
  assert.deepEqual(refused, [0]);
});

test('frames that each miss a gate still enroll the member when no clear frame came, and say so', async () => {
  const kept = await analyseEnrollmentFrames(
    replaying([frame(true, false), frame(true, false)]),
    frames(2),
    async () => {},
  );
  assert.equal(kept.usable.length, 2);
  assert.equal(kept.clear, false);
  assert.equal(kept.rejected.length, 2);
});
