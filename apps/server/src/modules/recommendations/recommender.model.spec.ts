import assert from 'node:assert/strict';
import { test } from 'node:test';
import { popularityBaseline, Recommender, type Purchase } from './index.ts';
import { scoreRankings, splitLastBasket } from './holdout.evaluation.ts';

/** Purchases from `member: day item item …` lines (day a number of days from 1 January 2025). */
function history(...lines: string[]): Purchase[] {
  return lines.flatMap((line) => {
    const [member, rest] = line.split(':') as [string, string];
    const [day, ...items] = rest.trim().split(/\s+/);
    const at = new Date(Date.UTC(2025, 0, 1) + Number(day) * 86_400_000);
    return items.map((item) => ({ member: member.trim(), at, item }));
  });
}

/** A shop where milk sells most, then bread, then butter and eggs alike; butter goes with bread. */
const shop = history(
  'p1: 1 milk eggs',
  'p2: 1 milk eggs',
  'p3: 2 milk eggs',
  'p4: 2 milk',
  'p5: 3 milk',
  'b1: 1 bread butter',
  'b2: 2 bread butter',
  'b3: 3 bread butter',
  'd: 4 bread',
);

test('a new member is recommended what sells most, in order, ties to the lower item id', () => {
  // Every basket counting the same, butter and eggs are tied (three baskets each).
  const model = Recommender.train(shop, { popularityHalfLifeDays: Infinity });
  assert.deepEqual(model.recommend('someone new', 3), ['milk', 'bread', 'butter']);
  assert.deepEqual(model.recommend('someone new', 10), ['milk', 'bread', 'butter', 'eggs']);
  assert.deepEqual(model.items, ['milk', 'bread', 'butter', 'eggs']);
  assert.deepEqual(popularityBaseline(shop)(3), ['milk', 'bread', 'butter']);
  assert.deepEqual(model.recommend('someone new', 0), []);
  assert.throws(() => model.recommend('someone new', -1), RangeError);
  assert.throws(() => model.recommend('someone new', 1.5), RangeError);
});

test('what sells now comes before what sold as much long ago', () => {
  const purchases = history('a: 1 mooncake', 'b: 2 mooncake', 'c: 400 zongzi', 'd: 401 zongzi');
  assert.deepEqual(Recommender.train(purchases).recommend('new', 2), ['zongzi', 'mooncake']);
  assert.deepEqual(popularityBaseline(purchases)(2), ['mooncake', 'zongzi'], 'the baseline counts every basket alike');
});

test('what other buyers of bread bought comes before what only sells more', () => {
  const model = Recommender.train(shop, { repeatWeight: 0, coWeight: 0.8 });
  const [first, second] = model.recommend('d', 2);
  assert.equal(first, 'butter', 'butter goes with bread, the only thing d bought');
  assert.equal(second, 'milk');
  // Without co-occurrence d is a new member again.
  assert.deepEqual(Recommender.train(shop, { repeatWeight: 0, coWeight: 0 }).recommend('d', 4), model.items);
});

test('a member who buys the same thing again and again is offered it first, recent habits before old ones', () => {
  const purchases = [
    ...shop,
    ...history('r: 1 tofu', 'r: 8 tofu', 'r: 15 tofu', 'r: 22 tofu', 'r: 300 kimchi', 'r: 307 kimchi'),
    ...history('r: 29 tofu'),
  ];
  const model = Recommender.train(purchases, { repeatWeight: 0.6, coWeight: 0, halfLifeDays: 30 });
  const [first, second] = model.recommend('r', 3);
  assert.equal(first, 'kimchi', 'two baskets last week weigh more than five last year');
  assert.equal(second, 'tofu');
  // With no decay to speak of, five baskets of tofu beat two of kimchi.
  const steady = Recommender.train(purchases, { repeatWeight: 0.6, coWeight: 0, halfLifeDays: 100_000 });
  assert.deepEqual(steady.recommend('r', 2), ['tofu', 'kimchi']);
});

test('what the store cannot sell is never recommended, and k items still come when enough can be sold', () => {
  const model = Recommender.train(shop, { repeatWeight: 0.3, coWeight: 0.5 });
  assert.deepEqual(model.recommend('d', 3, { exclude: new Set(['butter', 'milk']) }), ['bread', 'eggs']);
  assert.deepEqual(model.recommend('someone new', 2, { exclude: new Set(['milk']) }), ['bread', 'butter']);
  const onShelf = new Set(['eggs', 'butter']);
  assert.deepEqual(model.recommend('d', 4, { available: (item) => onShelf.has(item) }), ['butter', 'eggs']);
  assert.deepEqual(model.recommend('d', 4, { available: (item) => item !== 'butter', exclude: new Set(['bread']) }), [
    'milk',
    'eggs',
  ]);
  assert.deepEqual(model.recommend('d', 4, { available: () => false }), []);
});

test('the same purchases in any order give the same recommendations', () => {
  const purchases = [...shop, ...history('x: 5 eggs bread', 'x: 9 milk', 'y: 6 butter eggs')];
  const reversed = [...purchases].reverse();
  const shuffled = purchases.map((p, i) => ({ p, key: (i * 7919) % purchases.length })).sort((a, b) => a.key - b.key);
  const a = Recommender.train(purchases);
  for (const other of [Recommender.train(reversed), Recommender.train(shuffled.map(({ p }) => p))]) {
    for (const member of ['p1', 'b2', 'd', 'x', 'y', 'new']) {
      assert.deepEqual(other.recommend(member, 4), a.recommend(member, 4), member);
    }
  }
});

test('parameters out of range are refused', () => {
  assert.throws(() => Recommender.train(shop, { repeatWeight: 0.7, coWeight: 0.4 }), RangeError);
  assert.throws(() => Recommender.train(shop, { halfLifeDays: 0 }), RangeError);
  assert.throws(() => Recommender.train(shop, { neighbours: -1 }), RangeError);
});

test('the last basket is held out and scored: hit rate and NDCG by hand', () => {
  const { train, heldOut } = splitLastBasket(history('a: 1 milk', 'a: 2 eggs bread', 'b: 1 tea'));
  assert.deepEqual(
    train.map((p) => `${p.member} ${p.item}`),
    ['a milk'],
  );
  assert.deepEqual([...heldOut.get('a')!].sort(), ['bread', 'eggs']);
  assert.deepEqual([...heldOut.get('b')!], ['tea']);
  const scores = scoreRankings(heldOut, ['a', 'b'], 2, (member) => (member === 'a' ? ['milk', 'eggs'] : ['tea']));
  // a: eggs at rank 2 → (1/log2 3) / (1 + 1/log2 3); b: tea at rank 1 → 1.
  const ndcgA = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
  assert.equal(scores.members, 2);
  assert.equal(scores.hitRate, 1);
  assert.ok(Math.abs(scores.ndcg - (ndcgA + 1) / 2) < 1e-12);
});
