/**
 * The face-payment decision: given what the engine saw and what the member agreed to, pay at once, ask for more
 * proof, or refuse. Pure: the face-pay service gathers the inputs and carries the outcome out.
 */
export interface FaceThresholds {
  /** Below this the face is nobody we know. */
  match: number;
  /** At or above this (with the margin) the face alone identifies the member. */
  high: number;
  /** Minimum gap between the best and the second-best member. */
  margin: number;
}

export interface Candidate {
  memberId: string;
  score: number;
}

export interface PaymentTerms {
  passwordFree: boolean;
  perPaymentLimitFen: number;
  /** What is left of today's password-free limit. */
  dailyRemainingFen: number;
  pinSet: boolean;
}

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
  candidates: Candidate[];
  margin: number;
}

/** Decides from the face alone (the first look of a session). */
export function decideFromFace(
  recognition: Recognition,
  thresholds: FaceThresholds,
  amountFen: number,
  termsOf: (memberId: string) => PaymentTerms,
  risk: { forceStepUp: boolean },
): Outcome {
  const top = recognition.candidates[0];
  if (!recognition.liveness.passed) {
    // Proving a stranger is alive identifies nobody: only a face that matches a member gets the second challenge.
    if (recognition.liveness.headTurnAllowed && top && top.score >= thresholds.match) return { kind: 'step_up', stepUp: 'head_turn', reason: 'flash_not_visible' };
    return { kind: 'refuse', reason: 'spoof_suspected' };
  }
  if (!top || top.score < thresholds.match) return { kind: 'refuse', reason: 'no_match' };
  const certain = top.score >= thresholds.high && recognition.margin >= thresholds.margin;
  if (!certain || risk.forceStepUp) {
    return { kind: 'step_up', stepUp: 'phone_suffix', reason: certain ? 'risk_review' : 'recognition_uncertain' };
  }
  return decideForMember(top.memberId, amountFen, termsOf(top.memberId));
}

/** Once the member is known: within password-free terms they pay; otherwise their PIN is needed. */
export function decideForMember(memberId: string, amountFen: number, terms: PaymentTerms): Outcome {
  const withinTerms = terms.passwordFree && amountFen <= terms.perPaymentLimitFen && amountFen <= terms.dailyRemainingFen;
  if (withinTerms) return { kind: 'approve', memberId };
  if (!terms.pinSet) return { kind: 'refuse', reason: 'pin_not_set' };
  return {
    kind: 'step_up',
    stepUp: 'pin',
    memberId,
    reason: terms.passwordFree ? 'over_password_free_limit' : 'password_free_off',
  };
}

/** After the shopper typed the last four digits: the candidates with that suffix who still match. */
export function decideFromSuffix(matching: Candidate[], thresholds: FaceThresholds): { kind: 'identified'; memberId: string } | { kind: 'ambiguous' } | { kind: 'none' } {
  const plausible = matching.filter((c) => c.score >= thresholds.match);
  if (plausible.length === 0) return { kind: 'none' };
  if (plausible.length === 1) return { kind: 'identified', memberId: plausible[0]!.memberId };
  return { kind: 'ambiguous' };
}
