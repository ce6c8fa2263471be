import { IDENTIFY_POLICY, SCORE_CALIBRATION } from './config.ts';
import { strangerChance, type ScoreCalibration } from './open-set.ts';

/**
 * What face payment does with a 1:N search result, for an amount within the 免密 limits and with the live checks
 * passed: pay on the face alone, ask for the phone's last four digits (step up), or refuse. Shared by the server's
 * decision, `shualian face identify` and the lfw-dev replay (bench/identify-replay.ts), so all three decide alike.
 */
export interface IdentifyPolicy {
  calibration: ScoreCalibration;
  /** pay on the face alone only when a stranger would score this high against the gallery at most this often */
  payChance: number;
  /** least lead of the best member's score over the runner-up member's */
  margin: number;
  /**
   * step up (phone digits, then 1:few in that partition) when the top score is at least this: a floor under nearly
   * every genuine score, not a stranger bound — the digits, not the face, keep strangers out there
   */
  stepUpScore: number;
}

export interface IdentifyCandidates {
  /** the best-scoring member (their best template), or null for an empty gallery */
  top: { member: string; score: number } | null;
  /** the runner-up member's score, or null when there is none */
  second: number | null;
  /** comparisons behind `top`: templates searched when the calibration is per template, members when per member */
  entries: number;
}

export interface IdentifyDecision {
  decision: 'pay' | 'step_up' | 'refuse';
  /** the best candidate (paid when `pay`, to be confirmed by the phone digits when `step_up`); null on refuse */
  member: string | null;
  score: number;
  /** top score minus the runner-up's; the top score itself when there is no runner-up */
  margin: number;
  /** chance that a stranger scores at least `score` against this gallery */
  strangerChance: number;
}

export function decideIdentity(
  candidates: IdentifyCandidates,
  policy: IdentifyPolicy = DEFAULT_IDENTIFY_POLICY,
): IdentifyDecision {
  const { top, second, entries } = candidates;
  if (!top) return { decision: 'refuse', member: null, score: -1, margin: 0, strangerChance: 1 };
  const chance = strangerChance(policy.calibration, top.score, entries);
  const margin = second === null ? top.score : top.score - second;
  const decision =
    chance <= policy.payChance && margin >= policy.margin
      ? 'pay'
      : top.score >= policy.stepUpScore
        ? 'step_up'
        : 'refuse';
  return {
    decision,
    member: decision === 'refuse' ? null : top.member,
    score: top.score,
    margin,
    strangerChance: chance,
  };
}

/** The shipped policy: config.ts's calibration and IDENTIFY_POLICY (payChance is the merchant's default target). */
export const DEFAULT_IDENTIFY_POLICY: IdentifyPolicy = { calibration: SCORE_CALIBRATION, ...IDENTIFY_POLICY };
