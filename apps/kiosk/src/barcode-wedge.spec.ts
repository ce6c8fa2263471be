import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WedgeDetector } from './barcode-wedge.ts';

const burst = (detector: WedgeDetector, text: string, startMs: number, gapMs: number) => {
  let result: string | undefined;
  [...text, 'Enter'].forEach((key, i) => (result = detector.key(key, startMs + i * gapMs)));
  return result;
};

test('a fast burst of digits ending in Enter is a scan', () => {
  assert.equal(burst(new WedgeDetector(), '6971234000011', 1000, 8), '6971234000011');
});

test('digits typed at human speed, or too few digits, are not a scan', () => {
  assert.equal(burst(new WedgeDetector(), '6971234000011', 1000, 150), undefined);
  assert.equal(burst(new WedgeDetector(), '1234', 1000, 5), undefined);
});

test('a slow key before the burst does not spoil it; a letter in the middle does', () => {
  const detector = new WedgeDetector();
  detector.key('5', 0);
  assert.equal(burst(detector, '6971234000028', 2000, 10), '6971234000028');
  assert.equal(burst(detector, '697123x4000028', 5000, 10), undefined);
});
