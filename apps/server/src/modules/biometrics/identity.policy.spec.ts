import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideFromSuffix } from './identity.policy.ts';

test('the digits narrow to one member, several, or none; one member is confirmed by the face only when a stranger would rarely score as high', () => {
  const floor = { stepUp: 0.5 };
  // A tail where 0.9 is a 1-in-1,000 score for a stranger and 0.6 a 1-in-10 one.
  const chanceOf = (score: number) => (score >= 0.9 ? 1e-3 : 1e-1);
  assert.deepEqual(
    decideFromSuffix(
      [
        { memberId: 'a', score: 0.95 },
        { memberId: 'b', score: 0.2 },
      ],
      floor,
      chanceOf,
    ),
    {
      kind: 'identified',
      memberId: 'a',
    },
  );
  assert.deepEqual(decideFromSuffix([{ memberId: 'a', score: 0.6 }], floor, chanceOf), {
    kind: 'plausible',
    memberId: 'a',
  });
  assert.deepEqual(
    decideFromSuffix(
      [
        { memberId: 'a', score: 0.6 },
        { memberId: 'b', score: 0.55 },
      ],
      floor,
      chanceOf,
    ),
    {
      kind: 'ambiguous',
    },
  );
  assert.deepEqual(decideFromSuffix([{ memberId: 'a', score: 0.2 }], floor, chanceOf), { kind: 'none' });
});
