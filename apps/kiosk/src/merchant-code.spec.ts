import assert from 'node:assert/strict';
import { test } from 'node:test';
import { receiptUrl } from './merchant-code.ts';

test('a receipt link names the merchant when the kiosk knows its code, and only the receipt otherwise', () => {
  assert.equal(receiptUrl('http://shop.local', 'r-1', 'yabo'), 'http://shop.local/member/?m=yabo#/receipts/r-1');
  assert.equal(receiptUrl('http://shop.local', 'r-1', undefined), 'http://shop.local/member/#/receipts/r-1');
});
