import type { Actor } from '../../platform/actors.ts';
import { forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { MemberService } from '../members/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { cartLines } from './cart-lines.ts';
import type { PricedCart, PricingPipeline, UnappliedOffer } from './pricing/pricing-pipeline.ts';

export interface QuoteInput {
  merchantId: string;
  /** The store the cart is sold in: a device's own; staff name it (or none). */
  storeId?: string | null;
  memberId?: string | null;
  items: Array<{ productId: string; quantity: number }>;
  couponIds?: string[];
  /** Where the cart is sold; `online` leaves offline-only coupons out. Default: store. */
  channel?: 'store' | 'online';
}

export type Quote = PricedCart & { unapplied: UnappliedOffer[]; subtotalFen: number; discountFen: number };

/**
 * Prices a cart for a member (or nobody) through the whole pricing pipeline, as a till shows it before the shopper
 * pays: every adjustment with its label and source, and the coupons left unapplied. Writes nothing.
 */
export class QuoteService {
  constructor(
    private readonly pricing: PricingPipeline,
    private readonly catalog: CatalogService,
    private readonly members: MemberService,
    private readonly tenancy: TenancyService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async quote(actor: Actor, input: QuoteInput): Promise<Quote> {
    let storeId = input.storeId ?? null;
    if (actor.type === 'device') {
      if (actor.merchantId !== input.merchantId) throw forbidden('forbidden', 'a device quotes for its own merchant');
      if (storeId && storeId !== actor.storeId) throw forbidden('forbidden', 'a device quotes for its own store');
      storeId = actor.storeId;
    } else if (actor.type === 'staff') {
      if (storeId) await this.tenancy.storeFor(actor, input.merchantId, storeId, 'catalog.read');
      else await this.tenancy.merchantFor(actor, input.merchantId, 'catalog.read');
    } else {
      throw forbidden('forbidden', 'quotes are for tills and staff');
    }
    const memberId = input.memberId ?? null;
    if (memberId && !(await this.members.find(input.merchantId, memberId)))
      throw notFound('member_not_found', 'no such member in this merchant');
    if (!memberId && input.couponIds?.length)
      throw invalid('coupon_not_applicable', 'coupons need the member', { couponId: input.couponIds[0] });
    const lines = await cartLines(this.catalog, input.merchantId, input.items);
    const quoted = await this.pricing.quote({
      merchantId: input.merchantId,
      storeId,
      memberId,
      at: this.now(),
      channel: input.channel ?? 'store',
      lines,
      choices: input.couponIds ? { couponIds: input.couponIds } : {},
    });
    const subtotalFen = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
    return { ...quoted, subtotalFen, discountFen: subtotalFen - quoted.totalFen };
  }
}
