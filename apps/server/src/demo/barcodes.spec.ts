import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ean13 } from './barcodes.ts';

test('EAN-13 check digit matches known codes', () => {
  assert.equal(ean13('690123456789'), '6901234567892');
  assert.equal(ean13('400638133393'), '4006381333931');
  assert.throws(() => ean13('123'));
});
