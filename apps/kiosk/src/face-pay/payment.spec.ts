import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NetworkError, type PaymentResult as Payment } from '@shualian/sdk';
import type { KioskApi } from '../kiosk-api.ts';
import { payOnce } from './payment.ts';

const receipt: Payment = {
  paymentId: 'p',
  transactionId: 't',
  memberId: 'm',
  amountFen: 4800,
  balanceFen: 5200,
  receiptId: 'r',
  createdAt: '2026-11-23T09:00:00Z',
};

/** A server that charges once per key, and a network that loses the first `lost` answers after the charge. */
function fakeServer(lost: number) {
  const charged = new Set<string>();
  const keysSeen: string[] = [];
  let status = 'approved';
  const api = {
    pay: async (_sessionId: string, key: string) => {
      keysSeen.push(key);
      charged.add(key);
      status = 'paid';
      if (lost-- > 0) throw new NetworkError('connection reset');
      return receipt;
    },
    session: async () => ({ status }),
  } as unknown as KioskApi;
  return { api, charged, keysSeen };
}

test('a lost answer is confirmed from the session and retried with the same key: one charge, the receipt comes back', async () => {
  const server = fakeServer(1);
  let confirming = 0;
  const outcome = await payOnce(server.api, 'session-1', () => confirming++);
  assert.deepEqual(outcome, { kind: 'paid', payment: receipt });
  assert.equal(server.charged.size, 1);
  assert.equal(new Set(server.keysSeen).size, 1, 'every attempt carried the same idempotency key');
  assert.ok(confirming > 0, 'the shopper was told the payment is being confirmed');
});

test('the key belongs to the session: paying the same session again reuses it', async () => {
  const server = fakeServer(0);
  await payOnce(server.api, 'session-2', () => undefined);
  await payOnce(server.api, 'session-2', () => undefined);
  assert.equal(server.charged.size, 1);
});

test('a refusal is an answer, not something to retry', async () => {
  const api = {
    pay: async () => {
      throw Object.assign(new Error('too low'), { code: 'insufficient_funds', status: 409 });
    },
    session: async () => ({ status: 'approved' }),
  } as unknown as KioskApi;
  assert.deepEqual(await payOnce(api, 'session-3', () => undefined), { kind: 'declined', code: 'insufficient_funds' });
});
