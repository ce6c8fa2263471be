import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBirthday, readBirthday } from './birthday.ts';

test('a birthday reads as people say it, 29 February too', () => {
  assert.equal(formatBirthday({ month: 3, day: 14, year: null }, 'zh-CN'), '3月14日');
  assert.equal(formatBirthday({ month: 7, day: 10, year: 1990 }, 'zh-CN'), '1990年7月10日');
  assert.equal(formatBirthday({ month: 2, day: 29, year: null }, 'en'), '29 February');
  assert.equal(formatBirthday({ month: 7, day: 10, year: 1990 }, 'en'), '10 July 1990');
});

test('a birthday form is read into the API’s shape, or names the wrong field', () => {
  assert.deepEqual(readBirthday({ month: '3', day: '14', year: '' }), { birthday: { month: 3, day: 14 } });
  assert.deepEqual(readBirthday({ month: ' 7', day: '10 ', year: '1990' }), {
    birthday: { month: 7, day: 10, year: 1990 },
  });
  assert.deepEqual(readBirthday({ month: '2', day: '29', year: '' }), { birthday: { month: 2, day: 29 } });
  assert.deepEqual(readBirthday({ month: '13', day: '1', year: '' }), { field: 'month' });
  assert.deepEqual(readBirthday({ month: '4', day: '31', year: '' }), { field: 'day' });
  assert.deepEqual(readBirthday({ month: '4', day: 'x', year: '' }), { field: 'day' });
  assert.deepEqual(readBirthday({ month: '4', day: '1', year: '90' }), { field: 'year' });
});
