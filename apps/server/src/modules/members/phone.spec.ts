import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPhone, normalisePhone, phoneSuffix } from './phone.ts';

test('phones are normalised, masked and cut to their suffix', () => {
  assert.equal(normalisePhone('+86 138-0013-8000'), '13800138000');
  assert.equal(maskPhone('13800138000'), '138****8000');
  assert.equal(phoneSuffix('13800138000'), '8000');
  for (const bad of ['12345', '23800138000', '1380013800a', '']) assert.throws(() => normalisePhone(bad), /phone/);
});
