import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IdentityVerdict } from '../biometrics/index.ts';
import type { PaymentTerms } from '../payments/index.ts';
import { decideForMember, decideFromFace } from './face-pay.policy.ts';

const generous: PaymentTerms = {
  passwordFree: true,
  perPaymentLimitFen: 20_000,
  dailyRemainingFen: 50_000,
  pinSet: true,
};
const live = { passed: true };
const noRisk = { forceStepUp: false };
/** What the engine's open-set decision said of the face (`decideIdentity`). */
const identity = (decision: IdentityVerdict['decision'], member: string | null = 'a'): IdentityVerdict => ({
  decision,
  member: decision === 'refuse' ? null : member,
  score: 0.97,
  margin: 0.1,
  strangerChance: decision === 'pay' ? 1e-7 : 1e-2,
});
const decide = (recognition: Parameters<typeof decideFromFace>[0], amountFen = 1000, risk = noRisk) =>
  decideFromFace(recognition, amountFen, () => generous, risk);

test('a face the engine is sure of, live and clear, within password-free terms pays at once', () => {
  assert.deepEqual(decide({ liveness: live, identity: identity('pay'), clearFace: true }), {
    kind: 'approve',
    memberId: 'a',
  });
});

test('a spoof is refused before anything else; nobody known is refused', () => {
  assert.deepEqual(decide({ liveness: { passed: false }, identity: identity('pay'), clearFace: true }), {
    kind: 'refuse',
    reason: 'spoof_suspected',
  });
  assert.deepEqual(decide({ liveness: live, identity: identity('refuse'), clearFace: true }), {
    kind: 'refuse',
    reason: 'no_match',
  });
});

test("when the flash did not show on the face, a member's face gets the head turn; a stranger's is still refused", () => {
  const flashNotVisible = { passed: false, headTurnAllowed: true };
  assert.deepEqual(decide({ liveness: flashNotVisible, identity: identity('step_up'), clearFace: true }), {
    kind: 'step_up',
    stepUp: 'head_turn',
    reason: 'flash_not_visible',
  });
  assert.deepEqual(decide({ liveness: flashNotVisible, identity: identity('refuse'), clearFace: true }), {
    kind: 'refuse',
    reason: 'spoof_suspected',
  });
});

test('an uncertain face, an unclear one or a risk flag asks for the phone suffix', () => {
  assert.deepEqual(decide({ liveness: live, identity: identity('step_up'), clearFace: true }), {
    kind: 'step_up',
    stepUp: 'phone_suffix',
    reason: 'recognition_uncertain',
  });
  assert.deepEqual(decide({ liveness: live, identity: identity('pay'), clearFace: false }), {
    kind: 'step_up',
    stepUp: 'phone_suffix',
    reason: 'face_unclear',
  });
  assert.deepEqual(
    decide({ liveness: live, identity: identity('pay'), clearFace: true }, 1000, { forceStepUp: true }),
    {
      kind: 'step_up',
      stepUp: 'phone_suffix',
      reason: 'risk_review',
    },
  );
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
  assert.deepEqual(decide({ liveness: live, identity: identity('pay'), clearFace: true }, 30_000), {
    kind: 'step_up',
    stepUp: 'pin',
    memberId: 'a',
    reason: 'over_password_free_limit',
  });
});
