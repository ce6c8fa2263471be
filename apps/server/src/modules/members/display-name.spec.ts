import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskName } from './display-name.ts';

test('a name shows its first character only, with at least one star, and characters are not split', () => {
  assert.equal(maskName('张三丰'), '张**');
  assert.equal(maskName('李'), '李*');
  assert.equal(maskName('Ann'), 'A**');
  assert.equal(maskName('😀ab'), '😀**');
  assert.equal(maskName(null), null);
  assert.equal(maskName(''), null);
});
