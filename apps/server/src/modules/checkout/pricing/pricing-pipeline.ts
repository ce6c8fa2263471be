/**
 * The checkout's prices: the cart's lines at their list price, then an ordered list of pricing steps. A step looks at
 * the cart and at what the steps before it proposed, and answers with adjustments; it never changes the cart. The
 * member price is the first step; promotions and loyalty register theirs after it.
 *
 * Pricing is a quote: it writes nothing. What a quote used that is limited (a promotion's budget, a coupon, points)
 * is spent by the steps' `settle`, inside the transaction that takes the payment, where the limit is decided again;
 * when it is gone by then, `settle` throws and the payment writes nothing.
 */
import type { Db } from '../../../platform/db/repository.ts';

/** A cart line as the catalogue prices it, before any step. */
export interface CartLine {
  productId: string;
  name: string;
  quantity: number;
  unitPriceFen: number;
  memberPriceFen: number | null;
  /** The product's category, for rules that target one. */
  category?: string | null;
}

/** What the shopper chose at the till (the kiosk's greeting, a cashier's quote); absent: the pipeline's best offer. */
export interface PricingChoices {
  /** The coupons to apply from the member's wallet; absent: the best eligible ones; empty: none. */
  couponIds?: readonly string[];
  /** Points to redeem as money off; absent or 0: none. */
  redeemPoints?: number;
}

export interface PricingContext {
  merchantId: string;
  /** The store the cart is sold in, when known (rules may target stores). */
  storeId?: string | null;
  /** The shopper when known (a face-pay cart is priced before the face is: null). */
  memberId: string | null;
  /** When the cart is sold (rules may target weekdays and hours); absent: now. */
  at?: Date;
  /**
   * Where the cart is sold: at a till in a store (the kiosk, a cashier; the default) or online (a mini-programme, a
   * delivery app through the quote). Offline-only coupons are usable in store only.
   */
  channel?: 'store' | 'online';
  lines: readonly CartLine[];
  choices?: PricingChoices;
  /** The member's tier by name, when a module knows it (loyalty); rules may target tiers. Absent: no tier. */
  memberTier?: string | null;
  /** The member's segment tags (marketing); rules may target them. Absent: none. */
  memberTags?: readonly string[];
  /**
   * Whether this is the member's first purchase; rules may target it. Absent: the promotions module asks the
   * payments it knows of.
   */
  firstPurchase?: boolean;
}

/** A change to one line's total, in fen (negative for a discount), and which step made it and why. */
export interface Adjustment {
  step: string;
  productId: string;
  amountFen: number;
  code: string;
  /** What the shopper and the receipt read ("金卡 9.5折", "满50减10"); absent: the code. */
  label?: string;
  /** What gave it: the promotion, coupon or points grant it spends when the cart is paid. */
  source?: { kind: string; id: string };
}

/** A paid cart as a step's `settle` sees it: the quote, the adjustments it made, and the payment they belong to. */
export interface Settlement {
  context: PricingContext;
  cart: PricedCart;
  /** The step's own adjustments in the cart. */
  adjustments: readonly Adjustment[];
  paymentId: string;
}

/** An offer the shopper could use on this cart that was not applied (a coupon left in the wallet), for the quote. */
export interface UnappliedOffer {
  step: string;
  kind: string;
  id: string;
  label: string;
  /** What it would take off on its own, on the prices the step saw; fen, positive. */
  discountFen: number;
  /** Why it was not applied: another offer did better, or one of a kind per cart. */
  reason: string;
}

export interface PricingStep {
  /** Unique; adjustments carry it. */
  readonly name: string;
  compute(
    context: PricingContext,
    before: readonly Adjustment[],
  ): readonly Adjustment[] | Promise<readonly Adjustment[]>;
  /**
   * Spends what the step's adjustments used, inside the payment's transaction (budgets, coupons, points): decided
   * there under lock, so concurrent payments never spend more than there is. Throws a DomainError when it is gone.
   */
  settle?(trx: Db, settlement: Settlement): Promise<void>;
  /** The offers this step could have applied to the priced cart and did not (for the quote); writes nothing. */
  unapplied?(
    context: PricingContext,
    before: readonly Adjustment[],
    own: readonly Adjustment[],
  ): Promise<readonly Omit<UnappliedOffer, 'step'>[]>;
}

/** A priced line: its list price, the member price it was offered, and its total after every adjustment. */
export interface PricedLine extends CartLine {
  lineTotalFen: number;
}

export interface PricedCart {
  lines: PricedLine[];
  adjustments: Adjustment[];
  totalFen: number;
}

/** What another module knows of a shopper that rules may target: the loyalty module's tier. */
export type ShopperFacts = (merchantId: string, memberId: string) => Promise<{ tier: string | null }>;

export class PricingPipeline {
  private readonly steps: PricingStep[] = [];

  constructor(
    steps: readonly PricingStep[] = [],
    private readonly options: { shopper?: ShopperFacts } = {},
  ) {
    for (const step of steps) this.register(step);
  }

  /** Adds a step at the end, or just before the named one. */
  register(step: PricingStep, options: { before?: string } = {}): this {
    if (this.steps.some((s) => s.name === step.name)) throw new Error(`pricing step ${step.name} is registered twice`);
    const at = options.before === undefined ? -1 : this.steps.findIndex((s) => s.name === options.before);
    if (options.before !== undefined && at < 0) throw new Error(`no pricing step ${options.before}`);
    if (at < 0) this.steps.push(step);
    else this.steps.splice(at, 0, step);
    return this;
  }

  names(): string[] {
    return this.steps.map((s) => s.name);
  }

  async price(pricing: PricingContext): Promise<PricedCart> {
    const context = await this.described(pricing);
    const adjustments: Adjustment[] = [];
    for (const step of this.steps) {
      for (const adjustment of await step.compute(context, adjustments)) {
        if (!context.lines.some((l) => l.productId === adjustment.productId))
          throw new Error(`pricing step ${step.name} adjusted ${adjustment.productId}, which is not in the cart`);
        if (!Number.isSafeInteger(adjustment.amountFen))
          throw new Error(`pricing step ${step.name} adjusted by ${adjustment.amountFen} fen, not a whole number`);
        adjustments.push({ ...adjustment, step: step.name });
      }
    }
    const lines = context.lines.map((line) => ({
      ...line,
      lineTotalFen:
        line.unitPriceFen * line.quantity +
        adjustments.filter((a) => a.productId === line.productId).reduce((sum, a) => sum + a.amountFen, 0),
    }));
    const negative = lines.find((line) => line.lineTotalFen < 0);
    if (negative)
      throw new Error(`the pricing steps took line ${negative.productId} below zero (${negative.lineTotalFen} fen)`);
    return { lines, adjustments, totalFen: lines.reduce((sum, line) => sum + line.lineTotalFen, 0) };
  }

  /**
   * The priced cart, the offers the steps left unapplied and the member's tier as the steps saw it: what a till shows
   * before the shopper pays.
   */
  async quote(
    pricing: PricingContext,
  ): Promise<PricedCart & { unapplied: UnappliedOffer[]; memberTier: string | null }> {
    const context = await this.described(pricing);
    const cart = await this.price(context);
    const unapplied: UnappliedOffer[] = [];
    for (const [index, step] of this.steps.entries()) {
      if (!step.unapplied) continue;
      const earlier = new Set(this.steps.slice(0, index).map((s) => s.name));
      const before = cart.adjustments.filter((a) => earlier.has(a.step));
      const own = cart.adjustments.filter((a) => a.step === step.name);
      for (const offer of await step.unapplied(context, before, own)) unapplied.push({ ...offer, step: step.name });
    }
    return { ...cart, unapplied, memberTier: context.memberTier ?? null };
  }

  /** The context with what other modules know of the shopper (their tier), unless the caller said it already. */
  private async described(context: PricingContext): Promise<PricingContext> {
    if (!context.memberId || !this.options.shopper || context.memberTier !== undefined) return context;
    const facts = await this.options.shopper(context.merchantId, context.memberId);
    return { ...context, memberTier: facts.tier };
  }

  /** Runs each step's `settle` in order, inside the payment's transaction, with the adjustments that step made. */
  async settle(trx: Db, context: PricingContext, cart: PricedCart, paymentId: string): Promise<void> {
    for (const step of this.steps) {
      if (!step.settle) continue;
      const adjustments = cart.adjustments.filter((a) => a.step === step.name);
      if (adjustments.length) await step.settle(trx, { context, cart, adjustments, paymentId });
    }
  }
}
