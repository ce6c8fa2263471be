import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertBalanced, naturalBalance, payment, refund, topUp } from './ledger-postings.ts';

test('each movement is balanced and moves money the right way', () => {
  const a = { clearing: 'c', wallet: 'w', revenue: 'r' };
  for (const m of [topUp(a, 500), payment(a, 300), refund(a, 100)]) assertBalanced(m.postings);
  const sums = new Map<string, number>();
  for (const m of [topUp(a, 500), payment(a, 300), refund(a, 100)]) {
    for (const p of m.postings) sums.set(p.accountId, (sums.get(p.accountId) ?? 0) + p.amountFen);
  }
  assert.equal(naturalBalance('member_wallet', sums.get('w')!), 300);
  assert.equal(naturalBalance('merchant_revenue', sums.get('r')!), 200);
  assert.equal(naturalBalance('topup_clearing', sums.get('c')!), 500);
});

test('amounts must be positive whole fen', () => {
  const a = { clearing: 'c', wallet: 'w' };
  for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 60]) assert.throws(() => topUp(a, bad), /amount/);
  assert.throws(
    () =>
      assertBalanced([
        { accountId: 'x', amountFen: 1 },
        { accountId: 'y', amountFen: -2 },
      ]),
    /unbalanced/,
  );
});
