import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPayment, type SpendingOrder } from './ledger.service.ts';

test('a payment divides between principal and bonus in the spending order, neither below zero while they cover it', () => {
  const held = { principalFen: 10_000, bonusFen: 2_000 };
  assert.deepEqual(splitPayment(6_000, held, 'proportional'), { principalFen: 5_000, bonusFen: 1_000 });
  assert.deepEqual(splitPayment(11_000, held, 'principal_first'), { principalFen: 10_000, bonusFen: 1_000 });
  assert.deepEqual(splitPayment(3_000, held, 'bonus_first'), { principalFen: 1_000, bonusFen: 2_000 });
  assert.deepEqual(splitPayment(1, held, 'proportional'), { principalFen: 1, bonusFen: 0 });
  for (const order of ['principal_first', 'bonus_first', 'proportional'] as SpendingOrder[]) {
    for (let amount = 1; amount <= 12_000; amount += 37) {
      const split = splitPayment(amount, held, order);
      assert.equal(split.principalFen + split.bonusFen, amount);
      assert.ok(split.principalFen >= 0 && split.principalFen <= held.principalFen, `${order} ${amount}`);
      assert.ok(split.bonusFen >= 0 && split.bonusFen <= held.bonusFen, `${order} ${amount}`);
    }
    // Short of both together: the bonus is all spent and the principal takes the rest, so the payment is refused.
    assert.deepEqual(splitPayment(12_500, held, order), { principalFen: 10_500, bonusFen: 2_000 });
    assert.deepEqual(splitPayment(500, { principalFen: 0, bonusFen: 0 }, order), { principalFen: 500, bonusFen: 0 });
  }
});
