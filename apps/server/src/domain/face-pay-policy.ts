/**
 * The face-payment decision: given what the engine saw and what the member agreed to, pay at once, ask for more
 * proof, or refuse. Pure: the face-pay service gathers the inputs and carries the outcome out.
 */
export interface FaceThresholds {
  /** Below this the face is nobody we know: not even worth asking for the phone's digits. */
  match: number;
  /** Minimum gap between the best and the second-best member. */
  margin: number;
}

/**
 * When the face alone may identify the payer: the chance that a stranger scores as high as the best candidate against
 * this gallery is at most `strangerChanceTarget` (the merchant's setting), and the best leads the runner-up by the margin.
 */
export interface OpenSetPolicy extends FaceThresholds {
  strangerChanceTarget: number;
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
  /** The chance a stranger scores at least the best candidate's score against this gallery (open-set.ts). */
  strangerChance: number;
  /**
   * The face passed every quality gate. A face seen through blur, at an angle or in poor light may be identified with
   * the phone's digits, never by the face alone: the calibration does not promise its score.
   */
  clearFace: boolean;
}

/** Decides from the face alone (the first look of a session). */
export function decideFromFace(
  recognition: Recognition,
  policy: OpenSetPolicy,
  amountFen: number,
  termsOf: (memberId: string) => PaymentTerms,
  risk: { forceStepUp: boolean },
): Outcome {
  const top = recognition.candidates[0];
  if (!recognition.liveness.passed) {
    // Proving a stranger is alive identifies nobody: only a face that matches a member gets the second challenge.
    if (recognition.liveness.headTurnAllowed && top && top.score >= policy.match)
      return { kind: 'step_up', stepUp: 'head_turn', reason: 'flash_not_visible' };
    return { kind: 'refuse', reason: 'spoof_suspected' };
  }
  if (!top || top.score < policy.match) return { kind: 'refuse', reason: 'no_match' };
  // A gallery of one gets no free pass: the chance is per attempt against the whole gallery, never relative to it.
  const certain = recognition.strangerChance <= policy.strangerChanceTarget && recognition.margin >= policy.margin;
  if (!certain || !recognition.clearFace || risk.forceStepUp) {
    const reason = !certain ? 'recognition_uncertain' : !recognition.clearFace ? 'face_unclear' : 'risk_review';
    return { kind: 'step_up', stepUp: 'phone_suffix', reason };
  }
  return decideForMember(top.memberId, amountFen, termsOf(top.memberId));
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

/** After the shopper typed the last four digits: the candidates with that suffix who still match. */
export function decideFromSuffix(
  matching: Candidate[],
  thresholds: FaceThresholds,
): { kind: 'identified'; memberId: string } | { kind: 'ambiguous' } | { kind: 'none' } {
  const plausible = matching.filter((c) => c.score >= thresholds.match);
  if (plausible.length === 0) return { kind: 'none' };
  if (plausible.length === 1) return { kind: 'identified', memberId: plausible[0]!.memberId };
  return { kind: 'ambiguous' };
}
