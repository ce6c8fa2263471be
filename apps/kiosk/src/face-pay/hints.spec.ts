import assert from 'node:assert/strict';
import { test } from 'node:test';
import { faceHint } from './face-check.ts';
import { brightnessHint, qualityHint } from './hints.ts';

test('the on-device look asks for light, one face, closer, facing the screen — in that order', () => {
  assert.equal(brightnessHint(20), 'face.hint.tooDark');
  assert.equal(brightnessHint(250), 'face.hint.tooBright');
  assert.equal(brightnessHint(120), undefined);
  assert.equal(faceHint(undefined), undefined, 'no detector: no hint, the payment goes on');
  assert.equal(faceHint({ faces: 0, widthShare: 0, turn: 0 }), 'face.hint.noFace');
  assert.equal(faceHint({ faces: 2, widthShare: 0.4, turn: 0 }), 'face.hint.oneFace');
  assert.equal(faceHint({ faces: 1, widthShare: 0.1, turn: 0 }), 'face.hint.closer');
  assert.equal(faceHint({ faces: 1, widthShare: 0.4, turn: 0.5 }), 'face.hint.faceScreen');
  assert.equal(faceHint({ faces: 1, widthShare: 0.4, turn: 0.05 }), undefined);
});

test("the server's quality reasons become the hint the shopper can act on", () => {
  assert.equal(qualityHint(['face_too_small', 'blurred']), 'face.hint.closer');
  assert.equal(qualityHint(['bad_pose']), 'face.hint.faceScreen');
  assert.equal(qualityHint(['too_dark']), 'face.hint.tooDark');
  assert.equal(qualityHint(undefined), 'face.hint.faceScreen');
});
