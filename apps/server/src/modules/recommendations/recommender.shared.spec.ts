import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readPurchases } from '../../cli/recommendations.command.ts';
import { sharedDataset } from '../../../test/shared-datasets.ts';
import { popularityBaseline, Recommender, scoreRankings, splitLastBasket, splitMembers } from './index.ts';

/**
 * groceries-dev (../shared/datasets: 38,765 purchases of 3,898 members), each member's last basket held out, the
 * shipped parameters, on the half of the members the parameters were not chosen on: the recommender does not fall
 * below popularity, which is strong on grocery baskets (docs/benchmarks.md, "Recommendations (offline)").
 */
test('on groceries-dev the recommender stays at or above popularity on the members it was not tuned on', async () => {
  const purchases = await readPurchases(join(sharedDataset('groceries-dev'), 'tx.csv'));
  assert.equal(purchases.length, 38_765);
  const { train, heldOut } = splitLastBasket(purchases);
  const { report } = splitMembers(heldOut.keys());
  const model = Recommender.train(train);
  const popular = popularityBaseline(train)(10);
  const ours = scoreRankings(heldOut, report, 10, (member) => model.recommend(member, 10));
  const base = scoreRankings(heldOut, report, 10, () => popular);
  assert.ok(base.hitRate > 0.65, `popularity's hit rate@10 is about 0.7 here, got ${base.hitRate}`);
  assert.ok(ours.hitRate >= base.hitRate, `hit rate@10 ${ours.hitRate} below popularity's ${base.hitRate}`);
  assert.ok(ours.ndcg >= base.ndcg, `NDCG@10 ${ours.ndcg} below popularity's ${base.ndcg}`);
});
