/**
 * The face-payment decision: given what the engine saw and what the member agreed to, pay at once, ask for more
 * proof, or refuse. Pure: the face-pay service gathers the inputs and carries the outcome out.
 */
import type { IdentityVerdict } from '../biometrics/index.ts';
import type { PaymentTerms } from '../payments/index.ts';

export type StepUp = 'phone_suffix' | 'full_phone' | 'pin' | 'head_turn';

export type Outcome =
  | { kind: 'approve'; memberId: string }
  | { kind: 'step_up'; stepUp: StepUp; memberId?: string; reason: string }
  | { kind: 'refuse'; reason: 'spoof_suspected' | 'no_match' | 'pin_not_set' | 'device_under_review' };

export interface Recognition {
  /**
   * `headTurnAllowed`: liveness was not proven, but only because the flash did not show on the face (strong room
   * light), and the merchant lets the head turn stand in for it.
   */
  liveness: { passed: boolean; headTurnAllowed?: boolean };
  identity: IdentityVerdict;
  /**
   * The face passed every quality gate. A face seen through blur, at an angle or in poor light may be identified with
   * the phone's digits, never by the face alone: the calibration does not promise its score.
   */
  clearFace: boolean;
}

/** Decides from the face alone (the first look of a session). */
export function decideFromFace(
  recognition: Recognition,
  amountFen: number,
  termsOf: (memberId: string) => PaymentTerms,
  risk: { forceStepUp: boolean },
): Outcome {
  const { identity } = recognition;
  if (!recognition.liveness.passed) {
    // Proving a stranger is alive identifies nobody: only a face that matches a member gets the second challenge.
    if (recognition.liveness.headTurnAllowed && identity.decision !== 'refuse')
      return { kind: 'step_up', stepUp: 'head_turn', reason: 'flash_not_visible' };
    return { kind: 'refuse', reason: 'spoof_suspected' };
  }
  if (identity.decision === 'refuse' || !identity.member) return { kind: 'refuse', reason: 'no_match' };
  if (identity.decision !== 'pay' || !recognition.clearFace || risk.forceStepUp) {
    const reason =
      identity.decision !== 'pay' ? 'recognition_uncertain' : !recognition.clearFace ? 'face_unclear' : 'risk_review';
    return { kind: 'step_up', stepUp: 'phone_suffix', reason };
  }
  return decideForMember(identity.member, amountFen, termsOf(identity.member));
}

/** Once the member is known: within password-free terms they pay; otherwise their PIN is needed. */
export function decideForMember(memberId: string, amountFen: number, terms: PaymentTerms): Outcome {
  const withinTerms =
    terms.passwordFree && amountFen <= terms.perPaymentLimitFen && amountFen <= terms.dailyRemainingFen;
  if (withinTerms) return { kind: 'approve', memberId };
  if (!terms.pinSet) return { kind: 'refuse', reason: 'pin_not_set' };
  return {
    kind: 'step_up',
    stepUp: 'pin',
    memberId,
    reason: terms.passwordFree ? 'over_password_free_limit' : 'password_free_off',
  };
}
