/**
 * Open-set identification: how likely a stranger — someone not in the gallery — is to score this high against it.
 *
 * The calibration is the measured tail of the impostor score distribution: for one stranger compared with one gallery
 * entry, the chance the score is at least s. Points are measured; beyond the last point the tail falls along the fitted
 * slope (log10 per unit of score), so a score above anything measured is never called impossible.
 */
export interface ImpostorTailPoint {
  score: number;
  /** log10 of the chance one stranger-vs-entry comparison scores at least `score` */
  log10Chance: number;
}

export interface ScoreCalibration {
  measuredOn: string;
  /** where the figures come from (dataset, comparisons counted) */
  source: string;
  /** what one comparison is: a stranger against one stored template, or against a member's whole template set */
  per: 'template' | 'member';
  /** increasing in score, decreasing in chance */
  points: ImpostorTailPoint[];
  /** log10 chance lost per unit of score beyond the last point (negative) */
  slopeBeyond: number;
}

/** The chance that one stranger-vs-entry comparison scores at least `score`. */
export function comparisonChance(calibration: ScoreCalibration, score: number): number {
  const { points, slopeBeyond } = calibration;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  // Below the first measured point the chance only grows: along the first segment's slope, to at most 1.
  if (score <= first.score) {
    const second = points[1];
    const slope = second ? (second.log10Chance - first.log10Chance) / (second.score - first.score) : slopeBeyond;
    return Math.min(1, 10 ** (first.log10Chance + slope * (score - first.score)));
  }
  if (score >= last.score) return 10 ** (last.log10Chance + slopeBeyond * (score - last.score));
  let i = 1;
  while (points[i]!.score < score) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  const t = (score - a.score) / (b.score - a.score);
  return 10 ** (a.log10Chance + t * (b.log10Chance - a.log10Chance));
}

/**
 * The chance that a stranger scores at least `score` against some entry of a gallery of `entries`: 1 − (1 − p)^n.
 * It grows with the gallery, and a gallery of one gets no free pass: the same score carries the same per-entry chance.
 */
export function strangerChance(calibration: ScoreCalibration, score: number, entries: number): number {
  const p = comparisonChance(calibration, score);
  if (p >= 1) return 1;
  return -Math.expm1(Math.max(1, entries) * Math.log1p(-p));
}

/** The lowest score whose stranger chance against `entries` entries is at most `target` (bisection on the tail). */
export function scoreForChance(calibration: ScoreCalibration, target: number, entries: number): number {
  let lo = -1;
  let hi = 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (strangerChance(calibration, mid, entries) <= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The same tail moved `by` up the score axis: the chance of a score s becomes the measured chance of s − by. */
export function shiftCalibration(calibration: ScoreCalibration, by: number): ScoreCalibration {
  return { ...calibration, points: calibration.points.map((p) => ({ ...p, score: p.score + by })) };
}

/**
 * The most of members' own attempts that reach `score`: the measured share at the last point at or below it (1 below
 * the first point). An upper bound, since shares only fall as the score rises.
 */
export function genuineShareAtMost(
  points: ReadonlyArray<{ score: number; shareAtOrAbove: number }>,
  score: number,
): number {
  let share = 1;
  for (const point of points) if (point.score <= score) share = point.shareAtOrAbove;
  return share;
}
