import type { Purchase } from './recommender.model.ts';

/**
 * Offline evaluation on each member's last basket: the purchases of their last day are held out, a recommender is
 * trained on everything else, and its k items are scored against the held-out basket (hit rate and NDCG with binary
 * relevance). Members with a single basket are kept: with nothing left to learn from they are new members.
 */

const DAY_MS = 86_400_000;

export interface HoldoutSplit {
  train: Purchase[];
  /** Per member, the distinct items of their last basket. */
  heldOut: Map<string, Set<string>>;
}

export function splitLastBasket(purchases: readonly Purchase[]): HoldoutSplit {
  const lastDay = new Map<string, number>();
  for (const { member, at } of purchases) {
    const day = Math.floor(at.getTime() / DAY_MS);
    if (day > (lastDay.get(member) ?? -Infinity)) lastDay.set(member, day);
  }
  const train: Purchase[] = [];
  const heldOut = new Map<string, Set<string>>();
  for (const purchase of purchases) {
    if (Math.floor(purchase.at.getTime() / DAY_MS) === lastDay.get(purchase.member)) {
      let basket = heldOut.get(purchase.member);
      if (!basket) heldOut.set(purchase.member, (basket = new Set()));
      basket.add(purchase.item);
    } else train.push(purchase);
  }
  return { train, heldOut };
}

export interface RankingScores {
  members: number;
  hitRate: number;
  ndcg: number;
}

/** Hit rate@k and NDCG@k of `recommend` over the members given (each with their held-out basket). */
export function scoreRankings(
  heldOut: ReadonlyMap<string, ReadonlySet<string>>,
  members: readonly string[],
  k: number,
  recommend: (member: string) => readonly string[],
): RankingScores {
  let hits = 0;
  let ndcg = 0;
  for (const member of members) {
    const relevant = heldOut.get(member);
    if (!relevant || relevant.size === 0) continue;
    const items = recommend(member).slice(0, k);
    let dcg = 0;
    items.forEach((item, rank) => {
      if (relevant.has(item)) dcg += 1 / Math.log2(rank + 2);
    });
    let ideal = 0;
    for (let rank = 0; rank < Math.min(k, relevant.size); rank += 1) ideal += 1 / Math.log2(rank + 2);
    if (dcg > 0) hits += 1;
    ndcg += dcg / ideal;
  }
  const n = members.filter((m) => (heldOut.get(m)?.size ?? 0) > 0).length;
  return { members: n, hitRate: n ? hits / n : 0, ndcg: n ? ndcg / n : 0 };
}

/**
 * Members cut in two halves that do not depend on the order of the data: parameters are chosen on `tune` and the
 * figures reported on `report`.
 */
export function splitMembers(members: Iterable<string>): { tune: string[]; report: string[] } {
  const tune: string[] = [];
  const report: string[] = [];
  for (const member of [...members].sort()) (fnv1a(member) % 2 === 0 ? tune : report).push(member);
  return { tune, report };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
