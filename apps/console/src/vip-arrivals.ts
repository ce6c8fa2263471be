/** The members the VIP chime is for, decided without a browser (vip-arrivals.spec.ts). */
export interface PresentMember {
  visitId: string;
  tier: string | null;
}

/**
 * The members of the chosen tiers whose visit is new since the last list. `previousVisits` null: the page's first
 * list, whose members were already inside when the page opened, so nobody is news.
 */
export function vipArrivals<M extends PresentMember>(
  previousVisits: ReadonlySet<string> | null,
  members: readonly M[],
  vipTiers: readonly string[],
): M[] {
  if (previousVisits === null) return [];
  return members.filter((m) => !previousVisits.has(m.visitId) && m.tier !== null && vipTiers.includes(m.tier));
}

/** The VIP tiers kept on this device, read leniently: anything but a list of strings is no choice. */
export function readVipTiers(stored: string | null): string[] {
  try {
    const kept = JSON.parse(stored ?? '[]') as unknown;
    return Array.isArray(kept) ? kept.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
