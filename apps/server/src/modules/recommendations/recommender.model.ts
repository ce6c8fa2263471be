/**
 * "猜你喜欢": which items a member is likely to buy on their next visit, learnt from purchase history alone.
 *
 * Three estimates of the chance that an item is in the member's next basket, each a probability-like number, blended
 * linearly. The defaults were chosen on half of groceries-dev's members (apps/server/bench/recs-offline-bench.ts
 * --tune); that data holds little beyond popularity, so co-occurrence, which measured nothing there, is off by default
 * and the repeat weight is small:
 * - repeat: the share of the member's baskets that held the item, recent baskets weighing more (half-life in days) and
 *   shrunk towards nothing for members with few baskets — groceries are bought again and again;
 * - co-occurrence: for each item the member bought, the chance that a member who bought it also bought this one
 *   (shrunk for rare items), averaged with the member's repeat weights;
 * - popularity: the share of baskets that held the item, recent baskets weighing more. A member with no history, and
 *   an item no member is tied to, fall back to it; for a new member the ranking is popularity's exactly.
 * A basket is one member's purchases of one calendar day. Pure: training reads the purchases and nothing else.
 */

export interface Purchase {
  member: string;
  /** When it was bought; the calendar day (UTC) makes the basket. */
  at: Date;
  item: string;
}

export interface RecommenderParams {
  /** Weight of the member's own repeat purchases. */
  repeatWeight: number;
  /** Weight of the items bought by members who bought what this member bought. */
  coWeight: number;
  /** Popularity gets what is left: 1 − repeatWeight − coWeight. */
  /** Days after which a basket counts half in the member's repeat shares. */
  halfLifeDays: number;
  /** Days after which a basket counts half in popularity (what sells now, rather than last year). */
  popularityHalfLifeDays: number;
  /** Baskets' worth of doubt added to a member's repeat shares (a single basket is weak evidence). */
  repeatShrink: number;
  /** Members' worth of doubt added to an item's co-occurrence chances (a rare item's neighbours are noise). */
  coShrink: number;
  /** Neighbours kept per item (the strongest), bounding the work of serving on a large catalogue. */
  neighbours: number;
  /** A member's items that count for co-occurrence (those of their largest repeat shares), bounding training. */
  coItemsPerMember: number;
}

export const DEFAULT_RECOMMENDER_PARAMS: Readonly<RecommenderParams> = Object.freeze({
  repeatWeight: 0.02,
  coWeight: 0,
  halfLifeDays: 60,
  popularityHalfLifeDays: 365,
  repeatShrink: 4,
  coShrink: 10,
  neighbours: 50,
  coItemsPerMember: 50,
});

export interface RecommendOptions {
  /** Items that must not be recommended (what the store does not sell, or has run out of). */
  exclude?: ReadonlySet<string>;
  /** When given, only items it accepts are recommended (what the store can sell). */
  available?: (item: string) => boolean;
}

const DAY_MS = 86_400_000;

/** Code-point order: the same everywhere, whatever the locale. */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A trained recommender: immutable, serves any number of members. */
export class Recommender {
  /** Items by popularity, best first (ties by id). */
  readonly #popular: string[];
  readonly #popularity: Map<string, number>;
  /** Per member, their repeat share of each item they bought. */
  readonly #repeat: Map<string, Map<string, number>>;
  /** Per item, its strongest neighbours and the chance a buyer of the item bought them. */
  readonly #neighbours: Map<string, Array<[string, number]>>;
  readonly #params: RecommenderParams;

  private constructor(
    popular: string[],
    popularity: Map<string, number>,
    repeat: Map<string, Map<string, number>>,
    neighbours: Map<string, Array<[string, number]>>,
    params: RecommenderParams,
  ) {
    this.#popular = popular;
    this.#popularity = popularity;
    this.#repeat = repeat;
    this.#neighbours = neighbours;
    this.#params = params;
  }

  static train(purchases: Iterable<Purchase>, overrides: Partial<RecommenderParams> = {}): Recommender {
    const params = { ...DEFAULT_RECOMMENDER_PARAMS, ...overrides };
    checkParams(params);
    // member → day → items; sorted so that the sums, and so the ties, do not depend on the order of the rows.
    const baskets = new Map<string, Map<number, Set<string>>>();
    for (const { member, at, item } of purchases) {
      const day = Math.floor(at.getTime() / DAY_MS);
      let days = baskets.get(member);
      if (!days) baskets.set(member, (days = new Map()));
      let basket = days.get(day);
      if (!basket) days.set(day, (basket = new Set()));
      basket.add(item);
    }
    const members = [...baskets.keys()].sort(byId);
    let latest = -Infinity;
    for (const days of baskets.values()) for (const day of days.keys()) latest = Math.max(latest, day);

    const basketsWith = new Map<string, number>();
    let basketCount = 0;
    const repeat = new Map<string, Map<string, number>>();
    const buyers = new Map<string, number>();
    const together = new Map<string, Map<string, number>>();
    for (const member of members) {
      const days = [...baskets.get(member)!.entries()].sort(([a], [b]) => a - b);
      const last = days[days.length - 1]![0];
      const shares = new Map<string, number>();
      let total = params.repeatShrink;
      for (const [day, items] of days) {
        const weight = 0.5 ** ((last - day) / params.halfLifeDays);
        const recent = 0.5 ** ((latest - day) / params.popularityHalfLifeDays);
        total += weight;
        basketCount += recent;
        for (const item of items) {
          basketsWith.set(item, (basketsWith.get(item) ?? 0) + recent);
          shares.set(item, (shares.get(item) ?? 0) + weight);
        }
      }
      const bought = [...shares.keys()].sort(byId);
      const share = new Map<string, number>();
      for (const item of bought) share.set(item, shares.get(item)! / total);
      repeat.set(member, share);
      const habits = bought
        .toSorted((a, b) => share.get(b)! - share.get(a)! || byId(a, b))
        .slice(0, params.coItemsPerMember);
      for (const a of habits) {
        buyers.set(a, (buyers.get(a) ?? 0) + 1);
        let row = together.get(a);
        if (!row) together.set(a, (row = new Map()));
        for (const b of habits) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
      }
    }

    const popularity = new Map<string, number>();
    for (const [item, count] of basketsWith) popularity.set(item, count / basketCount);
    const popular = [...popularity.keys()].sort((a, b) => popularity.get(b)! - popularity.get(a)! || byId(a, b));

    const neighbours = new Map<string, Array<[string, number]>>();
    for (const [item, row] of together) {
      const denominator = buyers.get(item)! + params.coShrink;
      const list = [...row.entries()]
        .map(([other, count]): [string, number] => [other, count / denominator])
        .sort((x, y) => y[1] - x[1] || byId(x[0], y[0]))
        .slice(0, params.neighbours);
      neighbours.set(item, list);
    }
    return new Recommender(popular, popularity, repeat, neighbours, params);
  }

  /** The same trained model with other blend weights (to choose them by measurement without training again). */
  withBlend(repeatWeight: number, coWeight: number): Recommender {
    const params = { ...this.#params, repeatWeight, coWeight };
    checkParams(params);
    return new Recommender(this.#popular, this.#popularity, this.#repeat, this.#neighbours, params);
  }

  /** Items the model knows, most popular first. */
  get items(): readonly string[] {
    return this.#popular;
  }

  knows(member: string): boolean {
    return this.#repeat.has(member);
  }

  /** The k items the member is likeliest to buy next, best first; ties go to the lower item id. */
  recommend(member: string, k: number, options: RecommendOptions = {}): string[] {
    if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
    const allowed = (item: string) => !options.exclude?.has(item) && (options.available?.(item) ?? true);
    const { repeatWeight, coWeight } = this.#params;
    const popWeight = 1 - repeatWeight - coWeight;

    // The member's own part of each item's score; items without one score by popularity alone.
    const personal = new Map<string, number>();
    const history = this.#repeat.get(member);
    if (history) {
      let mass = 0;
      for (const share of history.values()) mass += share;
      for (const [item, share] of history) {
        personal.set(item, (personal.get(item) ?? 0) + repeatWeight * share);
        for (const [other, chance] of this.#neighbours.get(item) ?? []) {
          personal.set(other, (personal.get(other) ?? 0) + (coWeight * share * chance) / mass);
        }
      }
    }

    const candidates: Array<[string, number]> = [];
    for (const [item, part] of personal) {
      if (allowed(item)) candidates.push([item, part + popWeight * (this.#popularity.get(item) ?? 0)]);
    }
    // The best of the rest are the most popular: k of them that may be sold are enough.
    let rest = 0;
    for (const item of this.#popular) {
      if (rest >= k) break;
      if (personal.has(item) || !allowed(item)) continue;
      candidates.push([item, popWeight * this.#popularity.get(item)!]);
      rest += 1;
    }
    candidates.sort((x, y) => y[1] - x[1] || byId(x[0], y[0]));
    return candidates.slice(0, k).map(([item]) => item);
  }
}

/** The popularity baseline: the k items in most baskets that may be sold, for everyone, whenever bought. */
export function popularityBaseline(purchases: Iterable<Purchase>): (k: number, options?: RecommendOptions) => string[] {
  const model = Recommender.train(purchases, { repeatWeight: 0, coWeight: 0, popularityHalfLifeDays: Infinity });
  return (k, options) => model.recommend('', k, options);
}

function checkParams(params: RecommenderParams): void {
  const { repeatWeight, coWeight, halfLifeDays, popularityHalfLifeDays, repeatShrink, coShrink } = params;
  const counts = [params.neighbours, params.coItemsPerMember];
  const ok =
    repeatWeight >= 0 &&
    coWeight >= 0 &&
    repeatWeight + coWeight <= 1 &&
    halfLifeDays > 0 &&
    popularityHalfLifeDays > 0 &&
    repeatShrink >= 0 &&
    coShrink >= 0 &&
    counts.every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!ok) throw new RangeError(`recommender parameters out of range: ${JSON.stringify(params)}`);
}
