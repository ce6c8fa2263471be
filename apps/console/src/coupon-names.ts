/**
 * A member's usable coupons as the store tablet shows them: each name once with how many the member holds, in the
 * order the server lists them (coupon-names.spec.ts).
 */
export function couponTally(names: readonly string[]): Array<{ name: string; count: number }> {
  const tally = new Map<string, number>();
  for (const name of names) tally.set(name, (tally.get(name) ?? 0) + 1);
  return [...tally].map(([name, count]) => ({ name, count }));
}
