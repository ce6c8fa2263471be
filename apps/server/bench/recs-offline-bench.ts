/**
 * "猜你喜欢" offline: each member's last basket (all items of their last day) held out, the recommender trained on the
 * rest, hit rate@10 and NDCG@10 against the popularity baseline of the same run, and the time to serve one member.
 * Members are cut in two halves by a hash of their id: parameters are chosen on the tune half (--tune), the figures
 * are reported on the other half (and on all members, for the record).
 *
 *   npx tsx apps/server/bench/recs-offline-bench.ts                 shipped parameters, report half and all members
 *   npx tsx apps/server/bench/recs-offline-bench.ts --tune          grid search on the tune half, then the report
 *
 * Options: --dataset <tx.csv> (default ../shared/datasets/groceries-dev/tx.csv), --k N (default 10).
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readPurchases } from '../src/cli/recommendations.command.ts';
import {
  DEFAULT_RECOMMENDER_PARAMS,
  popularityBaseline,
  Recommender,
  scoreRankings,
  splitLastBasket,
  splitMembers,
  type RecommenderParams,
} from '../src/modules/recommendations/index.ts';
import { sharedDataset } from '../test/shared-datasets.ts';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    k: { type: 'string', default: '10' },
    tune: { type: 'boolean', default: false },
  },
});
const k = Number(values.k);
const path = values.dataset ?? join(sharedDataset('groceries-dev'), 'tx.csv');
const purchases = await readPurchases(path);
const { train, heldOut } = splitLastBasket(purchases);
const { tune, report } = splitMembers(heldOut.keys());
const all = [...heldOut.keys()];
console.log(
  `${path}: ${purchases.length} purchases, ${heldOut.size} members (${tune.length} tune, ${report.length} report), ` +
    `${train.length} purchases left to train on`,
);

// How much a member's own past says about their last basket: held-out items they had bought before, against what
// popularity alone would put there (1 = nothing personal to learn).
{
  const rowsOf = new Map<string, number>();
  const bought = new Map<string, Set<string>>();
  for (const { member, item } of train) {
    rowsOf.set(item, (rowsOf.get(item) ?? 0) + 1);
    bought.set(member, (bought.get(member) ?? new Set()).add(item));
  }
  let observed = 0;
  let expected = 0;
  for (const [member, basket] of heldOut) {
    for (const item of bought.get(member) ?? []) {
      if (basket.has(item)) observed += 1;
      expected += 1 - (1 - rowsOf.get(item)! / train.length) ** basket.size;
    }
  }
  console.log(
    `held-out items bought before by the same member: ${observed}, by popularity alone ${expected.toFixed(0)} ` +
      `(lift ${(observed / expected).toFixed(2)})`,
  );
}

// The best one list for everyone could do: the items of most held-out baskets, counted on the answers themselves (a
// bound, not a model). Whatever a recommender gains above it has to come from the members' own histories.
{
  const counts = new Map<string, number>();
  for (const basket of heldOut.values()) for (const item of basket) counts.set(item, (counts.get(item) ?? 0) + 1);
  const best = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1)).slice(0, k);
  const bound = scoreRankings(heldOut, all, k, () => best);
  console.log(
    `one list for everyone, counted on the held-out baskets: hit ${bound.hitRate.toFixed(4)} ndcg ${bound.ndcg.toFixed(4)} (all members)`,
  );
}

const popular = popularityBaseline(train);
const popularTop = popular(k);
const fmt = (x: number) => x.toFixed(4);

function evaluate(params: Partial<RecommenderParams>, members: string[], excludeBought = false) {
  const model = Recommender.train(train, params);
  const bought = new Map<string, Set<string>>();
  if (excludeBought) for (const p of train) bought.set(p.member, (bought.get(p.member) ?? new Set()).add(p.item));
  return scoreRankings(heldOut, members, k, (member) =>
    model.recommend(member, k, excludeBought ? { exclude: bought.get(member) } : {}),
  );
}

let chosen: RecommenderParams = { ...DEFAULT_RECOMMENDER_PARAMS };
if (values.tune) {
  const base = scoreRankings(heldOut, tune, k, () => popularTop);
  console.log(`tune half, popularity: hit ${fmt(base.hitRate)} ndcg ${fmt(base.ndcg)}`);
  let best = { ndcg: -1, hitRate: -1, params: chosen };
  // What training depends on, then the blend (serving only) for each trained model.
  for (const popularityHalfLifeDays of [90, 180, 365, 730, Infinity]) {
    for (const [halfLifeDays, repeatShrink] of [
      [60, 4],
      [365, 1],
    ] as const) {
      for (const coShrink of [10]) {
        const trained = { halfLifeDays, repeatShrink, coShrink, popularityHalfLifeDays };
        const model = Recommender.train(train, { ...chosen, ...trained });
        for (const repeatWeight of [0, 0.02, 0.05, 0.1]) {
          for (const coWeight of [0, 0.05, 0.1, 0.2]) {
            const params = { ...chosen, ...trained, repeatWeight, coWeight };
            const blend = model.withBlend(repeatWeight, coWeight);
            const scores = scoreRankings(heldOut, tune, k, (member) => blend.recommend(member, k));
            if (scores.ndcg > best.ndcg && scores.hitRate >= base.hitRate) best = { ...scores, params };
          }
        }
      }
      console.log(
        `  … popularity half-life ${popularityHalfLifeDays}, half-life ${halfLifeDays}: best so far ${JSON.stringify(best)}`,
      );
    }
  }
  chosen = best.params;
  console.log(`chosen on the tune half: ${JSON.stringify(chosen)}`);
}

for (const [name, members] of [
  ['report half', report],
  ['all members', all],
] as const) {
  const base = scoreRankings(heldOut, members, k, () => popularTop);
  const ours = evaluate(chosen, members);
  const noRebuy = evaluate(chosen, members, true);
  const recentOnly = evaluate({ ...chosen, repeatWeight: 0, coWeight: 0 }, members);
  console.log(
    `${name} (${ours.members}): popularity hit ${fmt(base.hitRate)} ndcg ${fmt(base.ndcg)} | recommender hit ` +
      `${fmt(ours.hitRate)} (×${(ours.hitRate / base.hitRate).toFixed(3)}) ndcg ${fmt(ours.ndcg)} ` +
      `(×${(ours.ndcg / base.ndcg).toFixed(3)}) | without items already bought: hit ${fmt(noRebuy.hitRate)} ` +
      `ndcg ${fmt(noRebuy.ndcg)} | recent popularity alone: hit ${fmt(recentOnly.hitRate)} ndcg ${fmt(recentOnly.ndcg)}`,
  );
}

// Serving: one member at a time, after a warm-up pass, as a request would.
const started = performance.now();
const model = Recommender.train(train, chosen);
const trainMs = performance.now() - started;
for (const member of all) model.recommend(member, k);
const times = all.map((member) => {
  const t0 = performance.now();
  model.recommend(member, k);
  return performance.now() - t0;
});
times.sort((a, b) => a - b);
const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
console.log(
  `training ${trainMs.toFixed(0)} ms on ${train.length} purchases; serving per member p50 ${(quantile(0.5) * 1000).toFixed(0)} µs, ` +
    `p95 ${(quantile(0.95) * 1000).toFixed(0)} µs, max ${(times[times.length - 1]! * 1000).toFixed(0)} µs`,
);
