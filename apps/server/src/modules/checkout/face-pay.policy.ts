/**
 * The face-payment decision: given what the engine saw and what the member agreed to, pay at once, ask for more
 * proof, or refuse. Pure: the face-pay service gathers the inputs and carries the outcome out.
 */
/** The floor under which a face is nobody we know: not even worth asking for the phone's digits. */
export interface FaceThresholds {
  stepUp: number;
}

/**
 * What the face says about who this is (the engine's open-set decision, `decideIdentity`): `pay` when a stranger
 * would score as high against this gallery at most as often as the merchant's target allows and the best member leads
 * the runner-up by the margin; `step_up` when the face is plausibly a member, to be confirmed by the phone's digits;
 * `refuse` when it is nobody we know.
 */
export interface IdentityVerdict {
  decision: 'pay' | 'step_up' | 'refuse';
  member: string | null;
  score: number;
  margin: number;
  strangerChance: number;
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

/**
 * After the phone's digits, the face is compared with the one member they name, so the stranger chance is per
 * comparison: someone who knows a member's digits may be confirmed as them by the face at most this often. Above the
 * step-up floor but not this sure, the member's PIN decides.
 */
export const SUFFIX_CONFIRM_CHANCE = 1e-2;

export type SuffixVerdict =
  | { kind: 'identified'; memberId: string }
  | { kind: 'plausible'; memberId: string }
  | { kind: 'ambiguous' }
  | { kind: 'none' };

/**
 * After the shopper typed the last four digits (or the whole number): the candidates with those digits who still
 * match. `chanceOf` is the engine's stranger chance of a score against one member.
 */
export function decideFromSuffix(
  matching: Candidate[],
  thresholds: FaceThresholds,
  chanceOf: (score: number) => number,
): SuffixVerdict {
  const plausible = matching.filter((c) => c.score >= thresholds.stepUp);
  if (plausible.length === 0) return { kind: 'none' };
  if (plausible.length > 1) return { kind: 'ambiguous' };
  const only = plausible[0]!;
  return chanceOf(only.score) <= SUFFIX_CONFIRM_CHANCE
    ? { kind: 'identified', memberId: only.memberId }
    : { kind: 'plausible', memberId: only.memberId };
}
