import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { DomainEvent, Subscriber } from '../../platform/outbox/index.ts';
import { memberAggregate } from '../members/index.ts';
import type { BirthdayGiftService } from './birthday-gift.service.ts';
import type { MemberCardService } from './member-card.service.ts';
import type { TierUpgradeGiftService } from './tier-upgrade-gift.service.ts';
import type { BoostLine, PointsService } from './points.service.ts';

export const LOYALTY_EVENT_TYPES = ['loyalty.tier_changed'] as const;

/** A member's tier moved (up on a payment, up or down by the evaluation); on the member's aggregate. */
export function tierChanged(p: {
  merchantId: string;
  memberId: string;
  fromRank: number;
  toRank: number;
  toTier: string | null;
  reason: 'payment' | 'evaluation';
  occurredAt: Date;
}): DomainEvent {
  const { memberId, fromRank, toRank, toTier, reason } = p;
  return {
    type: 'loyalty.tier_changed',
    merchantId: p.merchantId,
    aggregate: memberAggregate(memberId),
    payload: { memberId, fromRank, toRank, toTier, reason },
    occurredAt: p.occurredAt,
  };
}

/** What the loyalty subscribers and jobs run on. */
export interface LoyaltyWork {
  cards: Pick<MemberCardService, 'ensure' | 'evaluateTiers'>;
  points: Pick<PointsService, 'earnOnPayment' | 'reverseOnRefund' | 'expire'>;
  birthdays: Pick<BirthdayGiftService, 'giveDue'>;
  upgrades: Pick<TierUpgradeGiftService, 'giveOnUpgrade'>;
}

const text = (payload: Record<string, unknown>, field: string): string => {
  const value = payload[field];
  if (typeof value !== 'string') throw new Error(`event payload without ${field}`);
  return value;
};
const whole = (payload: Record<string, unknown>, field: string): number => {
  const value = payload[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`event payload without ${field}`);
  return value;
};

/**
 * The paid lines a `payment.completed` carries (what each line came to after every discount); an event from before
 * they were carried has none.
 */
function paidLines(payload: Record<string, unknown>): BoostLine[] {
  const lines = payload['lines'];
  if (lines === undefined) return [];
  if (!Array.isArray(lines)) throw new Error('event payload with lines that are not a list');
  return lines.map((line: Record<string, unknown>) => ({
    productId: text(line, 'productId'),
    category: typeof line['category'] === 'string' ? line['category'] : null,
    quantity: whole(line, 'quantity'),
    paidFen: whole(line, 'lineTotalFen'),
  }));
}

/**
 * The loyalty module's subscribers: a card for every new member; points (and the tier) after a payment, points back
 * after a refund; the tier's coupon to a member who reaches it. Each is idempotent on its event (see the services),
 * so a redelivery changes nothing.
 */
export function loyaltySubscribers(work: Pick<LoyaltyWork, 'cards' | 'points' | 'upgrades'>): Subscriber[] {
  return [
    {
      name: 'loyalty.tier-gifts',
      eventTypes: ['loyalty.tier_changed'],
      handle: async (event) =>
        void (await work.upgrades.giveOnUpgrade({
          merchantId: event.merchantId,
          memberId: text(event.payload, 'memberId'),
          fromRank: whole(event.payload, 'fromRank'),
          toRank: whole(event.payload, 'toRank'),
        })),
    },
    {
      name: 'loyalty.cards',
      eventTypes: ['member.registered'],
      handle: async (event) => void (await work.cards.ensure(event.merchantId, text(event.payload, 'memberId'))),
    },
    {
      name: 'loyalty.points',
      eventTypes: ['payment.completed', 'refund.completed'],
      handle: async (event) => {
        const p = event.payload;
        if (event.type === 'payment.completed')
          await work.points.earnOnPayment({
            merchantId: event.merchantId,
            paymentId: text(p, 'paymentId'),
            memberId: text(p, 'memberId'),
            amountFen: whole(p, 'amountFen'),
            paidAt: event.occurredAt,
            storeId: typeof p['storeId'] === 'string' ? p['storeId'] : null,
            lines: paidLines(p),
          });
        else
          await work.points.reverseOnRefund({
            merchantId: event.merchantId,
            paymentId: text(p, 'paymentId'),
            refundId: text(p, 'refundId'),
            refundedFen: whole(p, 'refundedFen'),
          });
      },
    },
  ];
}

/**
 * The recurring loyalty jobs: tiers evaluated (up and down) every night, expired points taken every hour, and every
 * hour the birthday gifts of members whose birthday is today and who have not had this year's (so a birthday given
 * today still gets its gift today).
 */
export const LOYALTY_JOBS = {
  'loyalty.evaluate-tiers': { cron: '30 3 * * *', run: (work: LoyaltyWork) => work.cards.evaluateTiers() },
  'loyalty.expire-points': { cron: '5 * * * *', run: (work: LoyaltyWork) => work.points.expire() },
  'loyalty.birthday-gifts': { cron: '20 * * * *', run: (work: LoyaltyWork) => work.birthdays.giveDue() },
} as const;

export async function registerLoyaltyJobs(jobs: JobQueue, work: LoyaltyWork): Promise<void> {
  for (const [name, job] of Object.entries(LOYALTY_JOBS)) {
    jobs.register(name, async () => void (await job.run(work)), { retryLimit: 2, expireInSeconds: 1800 });
    await jobs.every(name, job.cron);
  }
}
