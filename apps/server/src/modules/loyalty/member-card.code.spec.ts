import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import {
  cardNumber,
  CARD_QR_TTL_SECONDS,
  formatCardNumber,
  isCardNumber,
  luhnDigit,
  signCardQr,
  verifyCardQr,
} from './member-card.code.ts';

test('card numbers: 88, the sequence, a Luhn digit that catches a mistyped digit and swapped neighbours', () => {
  assert.equal(cardNumber(1), '880000000013');
  assert.equal(luhnDigit('7992739871'), '3'); // the textbook example
  assert.equal(formatCardNumber(cardNumber(17)), `8800 0000 017${cardNumber(17).at(-1)}`);
  const number = cardNumber(123_456);
  assert.ok(isCardNumber(number));
  assert.ok(isCardNumber(formatCardNumber(number)));
  for (let i = 0; i < number.length; i++) {
    const wrong = number.slice(0, i) + ((Number(number[i]) + 1) % 10) + number.slice(i + 1);
    assert.equal(isCardNumber(wrong), false, wrong);
  }
  const swapped = number.slice(0, 6) + number[7] + number[6] + number.slice(8);
  if (swapped !== number) assert.equal(isCardNumber(swapped), false);
  assert.throws(() => cardNumber(0));
  assert.throws(() => cardNumber(1e9));
});

test('the QR payload verifies until it expires, and not at all once altered or signed with another key', () => {
  const key = randomBytes(32);
  const now = new Date('2026-12-03T12:00:00Z');
  const card = { merchantId: '8f0b6a4e-0000-4000-8000-000000000001', cardNumber: cardNumber(42) };
  const payload = signCardQr(key, card, now);
  assert.deepEqual(verifyCardQr(key, payload, now), {
    valid: true,
    ...card,
    expiresAt: new Date(now.getTime() + CARD_QR_TTL_SECONDS * 1000),
  });
  const later = new Date(now.getTime() + CARD_QR_TTL_SECONDS * 1000);
  assert.deepEqual(verifyCardQr(key, payload, later), { valid: false, reason: 'expired' });
  assert.deepEqual(verifyCardQr(randomBytes(32), payload, now), { valid: false, reason: 'signature' });
  const parts = payload.split('.');
  const extended = [...parts.slice(0, 3), String(Number(parts[3]) + 3600), parts[4]].join('.');
  assert.deepEqual(verifyCardQr(key, extended, now), { valid: false, reason: 'signature' });
  assert.deepEqual(verifyCardQr(key, payload.replace(card.cardNumber, cardNumber(43)), now), {
    valid: false,
    reason: 'signature',
  });
  for (const junk of ['', 'SLC1', 'SLC2.a.b.1.c', `${payload}.x`, 'SLC1.a.b.notanumber.c'])
    assert.equal(verifyCardQr(key, junk, now).valid, false, junk);
});
