import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cameraSlot } from './camera-slot.ts';

test("each camera page keeps its own credential and video input, apart from the kiosk's", () => {
  assert.deepEqual(cameraSlot(''), { credentialKey: 'entrance', videoInputKey: 'shualian.entrance.videoInput' });
  const inside = cameraSlot('?camera=in');
  const outside = cameraSlot('?camera=out&lang=en');
  assert.equal(inside.credentialKey, 'entrance:in');
  assert.equal(outside.credentialKey, 'entrance:out');
  assert.notEqual(inside.videoInputKey, outside.videoInputKey);
  assert.notEqual(cameraSlot('').credentialKey, 'current', "never the kiosk's slot");
});

test('a camera name is kept to letters, digits, - and _, at most 40', () => {
  assert.equal(cameraSlot('?camera=南门 1').credentialKey, 'entrance:南门1');
  assert.equal(cameraSlot('?camera=<x>').credentialKey, 'entrance:x');
  assert.equal(cameraSlot(`?camera=${'a'.repeat(99)}`).credentialKey, `entrance:${'a'.repeat(40)}`);
  assert.equal(cameraSlot('?camera=%20').credentialKey, 'entrance');
});
