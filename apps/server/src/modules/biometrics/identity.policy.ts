/**
 * What the face says about who this is, and who it is once the shopper typed their phone's digits. Pure: the face
 * engine's open-set decision fills the verdict; checkout turns it into a payment decision (face-pay.policy.ts).
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
