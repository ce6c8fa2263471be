import type { StoreTraffic } from '@shualian/sdk';

type Hour = StoreTraffic['hours'][number];

/**
 * The hours worth drawing: from the first hour anyone was in to the last (a store's opening hours as its visitors
 * show them), each with its share of the busiest hour for the bar. A day with nobody gives no hours.
 */
export function trafficHours(hours: readonly Hour[]): Array<Hour & { total: number; share: number }> {
  const busy = hours.filter((h) => h.members + h.anonymous > 0);
  if (busy.length === 0) return [];
  const first = busy[0]!.hour;
  const last = busy[busy.length - 1]!.hour;
  const peak = Math.max(...busy.map((h) => h.members + h.anonymous));
  return hours
    .filter((h) => h.hour >= first && h.hour <= last)
    .map((h) => ({ ...h, total: h.members + h.anonymous, share: (h.members + h.anonymous) / peak }));
}

export const AGE_BAND_ORDER = ['<18', '18-24', '25-34', '35-44', '45-54', '55+', 'unknown'] as const;
export const GENDER_ORDER = ['female', 'male', 'unknown'] as const;
type AgeBand = (typeof AGE_BAND_ORDER)[number];
type Gender = (typeof GENDER_ORDER)[number];

/**
 * The anonymous visitors as an age band × gender table: every band and gender the report names, in a fixed order,
 * with zeros where the report leaves a cell out; bands and genders nobody fell in are dropped (a table of zeros says
 * nothing). Rows and columns carry their totals.
 */
export function demographicGrid(cells: StoreTraffic['demographics']): {
  genders: Gender[];
  rows: Array<{ ageBand: AgeBand; counts: number[]; total: number }>;
  totals: number[];
  total: number;
} {
  const count = (ageBand: AgeBand, gender: Gender) =>
    cells.find((c) => c.ageBand === ageBand && c.gender === gender)?.visitors ?? 0;
  const genders = GENDER_ORDER.filter((g) => cells.some((c) => c.gender === g && c.visitors > 0));
  const rows = AGE_BAND_ORDER.filter((a) => cells.some((c) => c.ageBand === a && c.visitors > 0)).map((ageBand) => {
    const counts = genders.map((g) => count(ageBand, g));
    return { ageBand, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const totals = genders.map((_, i) => rows.reduce((sum, row) => sum + row.counts[i]!, 0));
  return { genders, rows, totals, total: totals.reduce((a, b) => a + b, 0) };
}
