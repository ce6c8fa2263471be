import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideForMember, decideFromFace, decideFromSuffix, type PaymentTerms } from './face-pay-policy.ts';

const thresholds = { match: 0.5, margin: 0.1 };
const policy = { ...thresholds, strangerChanceTarget: 1e-5 };
/** The stranger chance of a score in these cases: certain above 0.7, like a calibrated tail would say. */
const chanceOf = (candidates: Array<{ memberId: string; score: number }>) =>
  (candidates[0]?.score ?? 0) >= 0.7 ? 1e-7 : 1e-2;
const generous: PaymentTerms = {
  passwordFree: true,
  perPaymentLimitFen: 20_000,
  dailyRemainingFen: 50_000,
  pinSet: true,
};
const live = { passed: true };
const noRisk = { forceStepUp: false };

test('a certain, live face within password-free terms pays at once', () => {
  const outcome = decideFromFace(
    {
      liveness: live,
      candidates: [
        { memberId: 'a', score: 0.8 },
        { memberId: 'b', score: 0.4 },
      ],
      margin: 0.4,
      clearFace: true,
      strangerChance: chanceOf([
        { memberId: 'a', score: 0.8 },
        { memberId: 'b', score: 0.4 },
      ]),
    },
    policy,
    1000,
    () => generous,
    noRisk,
  );
  assert.deepEqual(outcome, { kind: 'approve', memberId: 'a' });
});

test('a spoof is refused before anything else; nobody known is refused', () => {
  const candidates = [{ memberId: 'a', score: 0.99 }];
  assert.deepEqual(
    decideFromFace(
      { liveness: { passed: false }, candidates, margin: 1, clearFace: true, strangerChance: 1e-9 },
      policy,
      1,
      () => generous,
      noRisk,
    ),
    { kind: 'refuse', reason: 'spoof_suspected' },
  );
  assert.deepEqual(
    decideFromFace(
      {
        liveness: live,
        candidates: [{ memberId: 'a', score: 0.3 }],
        margin: 1,
        clearFace: true,
        strangerChance: chanceOf([{ memberId: 'a', score: 0.3 }]),
      },
      policy,
      1,
      () => generous,
      noRisk,
    ),
    { kind: 'refuse', reason: 'no_match' },
  );
  assert.deepEqual(
    decideFromFace(
      { liveness: live, candidates: [], margin: 0, clearFace: true, strangerChance: chanceOf([]) },
      policy,
      1,
      () => generous,
      noRisk,
    ),
    { kind: 'refuse', reason: 'no_match' },
  );
});

test("when the flash did not show on the face, a member's face gets the head turn; a stranger's is still refused", () => {
  const flashNotVisible = { passed: false, headTurnAllowed: true };
  assert.deepEqual(
    decideFromFace(
      {
        liveness: flashNotVisible,
        candidates: [{ memberId: 'a', score: 0.9 }],
        margin: 0.9,
        clearFace: true,
        strangerChance: chanceOf([{ memberId: 'a', score: 0.9 }]),
      },
      policy,
      1,
      () => generous,
      noRisk,
    ),
    {
      kind: 'step_up',
      stepUp: 'head_turn',
      reason: 'flash_not_visible',
    },
  );
  assert.deepEqual(
    decideFromFace(
      {
        liveness: flashNotVisible,
        candidates: [{ memberId: 'a', score: 0.3 }],
        margin: 0.3,
        clearFace: true,
        strangerChance: chanceOf([{ memberId: 'a', score: 0.3 }]),
      },
      policy,
      1,
      () => generous,
      noRisk,
    ),
    { kind: 'refuse', reason: 'spoof_suspected' },
  );
  assert.deepEqual(
    decideFromFace(
      { liveness: flashNotVisible, candidates: [], margin: 0, clearFace: true, strangerChance: chanceOf([]) },
      policy,
      1,
      () => generous,
      noRisk,
    ),
    { kind: 'refuse', reason: 'spoof_suspected' },
  );
});

test('an uncertain score, a thin margin or a risk flag asks for the phone suffix', () => {
  const cases = [
    { candidates: [{ memberId: 'a', score: 0.6 }], margin: 0.6, risk: noRisk },
    {
      candidates: [
        { memberId: 'a', score: 0.8 },
        { memberId: 'b', score: 0.75 },
      ],
      margin: 0.05,
      risk: noRisk,
    },
    { candidates: [{ memberId: 'a', score: 0.9 }], margin: 0.9, risk: { forceStepUp: true } },
  ];
  for (const c of cases) {
    const outcome = decideFromFace(
      {
        liveness: live,
        candidates: c.candidates,
        margin: c.margin,
        clearFace: true,
        strangerChance: chanceOf(c.candidates),
      },
      policy,
      1000,
      () => generous,
      c.risk,
    );
    assert.equal(outcome.kind, 'step_up');
    assert.equal(outcome.kind === 'step_up' && outcome.stepUp, 'phone_suffix');
  }
});

test('over the limits or without password-free the PIN is needed; without a PIN it is refused', () => {
  assert.deepEqual(decideForMember('a', 30_000, generous), {
    kind: 'step_up',
    stepUp: 'pin',
    memberId: 'a',
    reason: 'over_password_free_limit',
  });
  assert.deepEqual(decideForMember('a', 1000, { ...generous, dailyRemainingFen: 999 }), {
    kind: 'step_up',
    stepUp: 'pin',
    memberId: 'a',
    reason: 'over_password_free_limit',
  });
  assert.deepEqual(decideForMember('a', 1000, { ...generous, passwordFree: false }), {
    kind: 'step_up',
    stepUp: 'pin',
    memberId: 'a',
    reason: 'password_free_off',
  });
  assert.deepEqual(decideForMember('a', 1000, { ...generous, passwordFree: false, pinSet: false }), {
    kind: 'refuse',
    reason: 'pin_not_set',
  });
});

test('the suffix narrows to one member, several, or none', () => {
  assert.deepEqual(
    decideFromSuffix(
      [
        { memberId: 'a', score: 0.6 },
        { memberId: 'b', score: 0.2 },
      ],
      thresholds,
    ),
    { kind: 'identified', memberId: 'a' },
  );
  assert.deepEqual(
    decideFromSuffix(
      [
        { memberId: 'a', score: 0.6 },
        { memberId: 'b', score: 0.55 },
      ],
      thresholds,
    ),
    { kind: 'ambiguous' },
  );
  assert.deepEqual(decideFromSuffix([{ memberId: 'a', score: 0.2 }], thresholds), { kind: 'none' });
});

test('the face alone pays only when a stranger would score this high at most as often as the target allows', () => {
  const candidates = [{ memberId: 'a', score: 0.95 }];
  const decide = (strangerChance: number, strangerChanceTarget: number) =>
    decideFromFace(
      { liveness: live, candidates, margin: 0.95, strangerChance, clearFace: true },
      { ...thresholds, strangerChanceTarget },
      1000,
      () => generous,
      noRisk,
    );
  assert.deepEqual(decide(1e-6, 1e-5), { kind: 'approve', memberId: 'a' });
  assert.deepEqual(decide(1e-5, 1e-5), { kind: 'approve', memberId: 'a' });
  // The same score in a larger gallery carries a larger chance: a stricter merchant, or a bigger gallery, asks for digits.
  assert.deepEqual(decide(2e-5, 1e-5), { kind: 'step_up', stepUp: 'phone_suffix', reason: 'recognition_uncertain' });
  assert.deepEqual(decide(1e-6, 1e-7), { kind: 'step_up', stepUp: 'phone_suffix', reason: 'recognition_uncertain' });
});

test('a face that failed a quality gate is identified with the phone digits, never by the face alone', () => {
  const candidates = [{ memberId: 'a', score: 0.95 }];
  const outcome = decideFromFace(
    { liveness: live, candidates, margin: 0.95, strangerChance: 1e-9, clearFace: false },
    policy,
    1000,
    () => generous,
    noRisk,
  );
  assert.deepEqual(outcome, { kind: 'step_up', stepUp: 'phone_suffix', reason: 'face_unclear' });
});
