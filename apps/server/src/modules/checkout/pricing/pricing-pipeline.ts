/**
 * The checkout's prices: the cart's lines at their list price, then an ordered list of pricing steps. A step looks at
 * the cart and at what the steps before it proposed, and answers with adjustments; it never changes the cart. The
 * member price is the first step; promotions and loyalty register theirs after it.
 */

/** A cart line as the catalogue prices it, before any step. */
export interface CartLine {
  productId: string;
  name: string;
  quantity: number;
  unitPriceFen: number;
  memberPriceFen: number | null;
}

export interface PricingContext {
  merchantId: string;
  /** The shopper when known (a face-pay cart is priced before the face is: null). */
  memberId: string | null;
  lines: readonly CartLine[];
}

/** A change to one line's total, in fen (negative for a discount), and which step made it and why. */
export interface Adjustment {
  step: string;
  productId: string;
  amountFen: number;
  code: string;
}

export interface PricingStep {
  /** Unique; adjustments carry it. */
  readonly name: string;
  compute(
    context: PricingContext,
    before: readonly Adjustment[],
  ): readonly Adjustment[] | Promise<readonly Adjustment[]>;
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

export class PricingPipeline {
  private readonly steps: PricingStep[] = [];

  constructor(steps: readonly PricingStep[] = []) {
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

  async price(context: PricingContext): Promise<PricedCart> {
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
    return { lines, adjustments, totalFen: lines.reduce((sum, line) => sum + line.lineTotalFen, 0) };
  }
}
