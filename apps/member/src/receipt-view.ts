import type { Receipt } from '@shualian/sdk';

/** What the receipt bodies the server posts hold (payment.service.ts, wallet.service.ts), read defensively. */
export interface LineItemView {
  name: string;
  quantity: number;
  unitPriceFen: number;
  memberPriceFen: number | null;
  lineTotalFen: number;
}

export interface DiscountView {
  label: string;
  /** Money off, positive. */
  offFen: number;
}

export interface ReceiptView {
  id: string;
  kind: 'payment' | 'refund' | 'top_up' | 'notice';
  createdAt: string;
  paymentId: string | null;
  /** Signed from the wallet's side: a purchase is negative, a refund or top-up positive. */
  amountFen: number | null;
  storeId: string | null;
  storeName: string | null;
  items: LineItemView[];
  discountFen: number;
  /** Each discount of the price with its label (会员价, 金卡 9折, 满20减8); empty on receipts from before they were kept. */
  discounts: DiscountView[];
  balanceFen: number | null;
  verification: string | null;
  reason: string | null;
  channel: string | null;
  text: string | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

export function viewReceipt(receipt: Receipt): ReceiptView {
  const body = receipt.body;
  const kind = (['payment', 'refund', 'top_up', 'notice'] as const).find((k) => k === receipt.kind) ?? 'notice';
  const amount = num(body.amountFen);
  const items = Array.isArray(body.items)
    ? body.items.flatMap((raw): LineItemView[] => {
        const item = raw as Record<string, unknown>;
        const quantity = num(item.quantity);
        const unitPriceFen = num(item.unitPriceFen);
        const lineTotalFen = num(item.lineTotalFen);
        if (quantity === null || unitPriceFen === null || lineTotalFen === null) return [];
        return [
          {
            name: str(item.name) ?? '—',
            quantity,
            unitPriceFen,
            memberPriceFen: num(item.memberPriceFen),
            lineTotalFen,
          },
        ];
      })
    : [];
  return {
    id: receipt.id,
    kind,
    createdAt: receipt.createdAt,
    paymentId: receipt.paymentId ?? str(body.paymentId),
    amountFen: amount === null ? null : kind === 'payment' ? -amount : amount,
    storeId: str(body.storeId),
    storeName: str(body.storeName),
    items,
    discountFen: num(body.discountFen) ?? 0,
    discounts: Array.isArray(body.discounts)
      ? body.discounts.flatMap((raw): DiscountView[] => {
          const discount = raw as Record<string, unknown>;
          const amountFen = num(discount.amountFen);
          if (amountFen === null || amountFen >= 0) return [];
          return [{ label: str(discount.label) ?? '—', offFen: -amountFen }];
        })
      : [],
    balanceFen: num(body.balanceFen),
    verification: str(body.verification),
    reason: str(body.reason),
    channel: str(body.channel),
    text: str(body.message) ?? str(body.text) ?? str(body.title),
  };
}

/** The refunds that point at a purchase, oldest first. */
export function refundsOf(purchase: ReceiptView, all: ReceiptView[]): ReceiptView[] {
  if (purchase.kind !== 'payment' || !purchase.paymentId) return [];
  return all
    .filter((r) => r.kind === 'refund' && r.paymentId === purchase.paymentId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
