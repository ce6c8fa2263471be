import type { StaffActor } from '../../platform/actors.ts';
import type { ConsentRegister } from '../consent/index.ts';
import { maskName, maskPhone, type MemberService } from '../members/index.ts';
import { businessDayRange, CHINA_UTC_OFFSET_MINUTES } from '../payments/index.ts';
import type { MerchantSettingsService } from '../settings/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { AGE_BANDS, GENDERS, type AgeBand, type Gender } from './demographics.ts';
import type { Visit } from './presence.schema.ts';
import { PresenceFeed } from './presence-feed.ts';
import type { VisitRepository } from './visit.repository.ts';

/**
 * What the loyalty and promotions modules know of a member, for the staff view: presence sits below them, so the
 * container fills these from their services.
 */
export interface MemberBenefits {
  /** the member's tier name, or null (no programme, no tier yet) */
  tierOf(merchantId: string, memberId: string): Promise<string | null>;
  /** the names of the member's coupons usable now, one per coupon */
  usableCoupons(merchantId: string, memberId: string): Promise<string[]>;
}

/** A member's payment as the visit links it. */
export interface StorePurchase {
  memberId: string;
  paymentId: string;
  paidAt: Date;
  amountFen: number;
}

/** What the payments module knows of members' purchases; the container fills it. */
export interface MemberPurchases {
  /** the members' payments in the store in [from, to) */
  inStore(merchantId: string, storeId: string, from: Date, to: Date): Promise<StorePurchase[]>;
  /** the member's latest payment at the merchant (any store), or null */
  lastPurchaseAt(merchantId: string, memberId: string): Promise<Date | null>;
}

/**
 * A member's visit and their payments are linked by a query, not a column: a payment in the same store from a minute
 * before the visit's start (camera clocks and the database's differ by seconds) to five minutes after its end (paying
 * at the till on the way out can come after the last crop) belongs to the visit. Read when asked, so a payment that
 * commits after the visit ended still counts.
 */
export const PURCHASE_LINK = { beforeMs: 60_000, afterMs: 5 * 60_000 } as const;

const linked = (visit: Visit, paidAt: Date, endMs: number) =>
  paidAt.getTime() >= visit.entered_at.getTime() - PURCHASE_LINK.beforeMs &&
  paidAt.getTime() <= endMs + PURCHASE_LINK.afterMs;

export interface PresentMember {
  visitId: string;
  memberId: string;
  /** masked: first character, the rest starred; the phone masked when there is no name */
  name: string | null;
  phone: string;
  tier: string | null;
  /** visits of this member to this store, this one included */
  visitCount: number;
  lastPurchaseAt: Date | null;
  usableCoupons: number;
  /** their names, one per coupon (the same name as often as the member holds it) */
  usableCouponNames: string[];
  /** payments of this member in this store during the visit (PURCHASE_LINK) */
  purchasesThisVisit: number;
  enteredAt: Date;
  lastSeenAt: Date;
}

export interface PresenceNow {
  storeId: string;
  at: Date;
  /** the store's presence version this answer shows; pass it as `after` to wait for the next change */
  version: string;
  visitWindowMinutes: number;
  members: PresentMember[];
  anonymous: { count: number };
}

export interface TrafficReport {
  storeId: string;
  date: string;
  utcOffsetMinutes: number;
  visitors: { total: number; members: number; anonymous: number };
  hours: Array<{ hour: number; members: number; anonymous: number }>;
  demographics: Array<{ ageBand: AgeBand | 'unknown'; gender: Gender | 'unknown'; visitors: number }>;
  medianDwellSeconds: number | null;
  conversion: { memberVisits: number; withPurchase: number };
}

/** The staff's reads: who is in the store now, and a day's traffic. No face data is ever part of them. */
export class PresenceService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly tenancy: TenancyService,
    private readonly members: MemberService,
    private readonly consents: ConsentRegister,
    private readonly settings: MerchantSettingsService,
    private readonly benefits: MemberBenefits,
    private readonly purchases: MemberPurchases,
    private readonly feed: PresenceFeed = new PresenceFeed(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Members in the store now (open visits seen within the window, whose entrance consent is still in force: a member
   * who turned it off disappears at once) with what staff need to serve them, and how many anonymous visitors are in.
   */
  async present(
    actor: StaffActor,
    merchantId: string,
    storeId: string,
    wait?: { after: string; waitMs: number; cancelled?: AbortSignal },
  ): Promise<PresenceNow> {
    await this.tenancy.storeFor(actor, merchantId, storeId, 'presence.read');
    if (wait) await this.feed.changeAfter(merchantId, storeId, wait.after, wait.waitMs, wait.cancelled);
    // Read before the visits: a change committed while they are read moves the version past this one.
    const version = this.feed.version(merchantId, storeId);
    const at = this.now();
    const { entranceVisitWindowMinutes } = await this.settings.of(merchantId);
    const windowMs = entranceVisitWindowMinutes * 60_000;
    const open = (await this.visits.openVisits(merchantId, storeId)).filter(
      (v) => at.getTime() - v.last_seen_at.getTime() <= windowMs,
    );
    const memberVisits = new Map<string, Visit>();
    for (const visit of open) {
      if (visit.member_id && !memberVisits.has(visit.member_id)) memberVisits.set(visit.member_id, visit);
    }
    const consenting = await this.consents.entranceInForceAmong(merchantId, [...memberVisits.keys()]);
    const ids = [...memberVisits.keys()].filter((id) => consenting.has(id));
    const earliest =
      Math.min(at.getTime(), ...ids.map((id) => memberVisits.get(id)!.entered_at.getTime())) - PURCHASE_LINK.beforeMs;
    const [records, counts, purchases] = await Promise.all([
      this.members.findMany(merchantId, ids),
      this.visits.visitCounts(merchantId, storeId, ids),
      ids.length ? this.purchases.inStore(merchantId, storeId, new Date(earliest), new Date(at.getTime() + 1)) : [],
    ]);
    const byId = new Map(records.map((m) => [m.id, m]));
    const members = await Promise.all(
      ids.map(async (memberId): Promise<PresentMember> => {
        const visit = memberVisits.get(memberId)!;
        const record = byId.get(memberId);
        const [tier, usableCoupons, lastPurchaseAt] = await Promise.all([
          this.benefits.tierOf(merchantId, memberId),
          this.benefits.usableCoupons(merchantId, memberId),
          this.purchases.lastPurchaseAt(merchantId, memberId),
        ]);
        return {
          visitId: visit.id,
          memberId,
          name: maskName(record?.display_name ?? null),
          phone: record ? maskPhone(record.phone) : '',
          tier,
          visitCount: counts.get(memberId) ?? 1,
          lastPurchaseAt,
          usableCoupons: usableCoupons.length,
          usableCouponNames: usableCoupons,
          purchasesThisVisit: purchases.filter((p) => p.memberId === memberId && linked(visit, p.paidAt, at.getTime()))
            .length,
          enteredAt: visit.entered_at,
          lastSeenAt: visit.last_seen_at,
        };
      }),
    );
    members.sort((a, b) => b.enteredAt.getTime() - a.enteredAt.getTime());
    return {
      storeId,
      at,
      version,
      visitWindowMinutes: entranceVisitWindowMinutes,
      members,
      anonymous: { count: open.filter((v) => v.member_id === null).length },
    };
  }

  /**
   * A business day's traffic (China time): visitors in the store in each hour (a visit counts in every hour it
   * overlaps; a member once per hour however many visits), the day's visitors (members by member, anonymous by
   * visit), the anonymous visitors' age bands and genders (members are not profiled), the median time spent (ended
   * visits), and how many members' visits included a payment in the store.
   */
  async traffic(actor: StaffActor, merchantId: string, storeId: string, date: string): Promise<TrafficReport> {
    await this.tenancy.storeFor(actor, merchantId, storeId, 'presence.read');
    const { from, to } = businessDayRange(date);
    const visits = await this.visits.visitsDuring(merchantId, storeId, from, to);
    const endOf = (v: Visit) => (v.left_at ?? v.last_seen_at).getTime();

    const hours = Array.from({ length: 24 }, (_, hour) => ({
      hour,
      members: new Set<string>(),
      anonymous: 0,
    }));
    for (const visit of visits) {
      const first = Math.max(0, Math.floor((visit.entered_at.getTime() - from.getTime()) / 3_600_000));
      const last = Math.min(23, Math.floor((endOf(visit) - from.getTime()) / 3_600_000));
      for (let h = first; h <= last; h++) {
        if (visit.member_id) hours[h]!.members.add(visit.member_id);
        else hours[h]!.anonymous += 1;
      }
    }

    const demographics = new Map<string, number>();
    for (const visit of visits) {
      if (visit.member_id) continue;
      const cell = `${visit.age_band ?? 'unknown'}|${visit.gender ?? 'unknown'}`;
      demographics.set(cell, (demographics.get(cell) ?? 0) + 1);
    }

    const dwell = visits
      .filter((v) => v.left_at)
      .map((v) => (v.left_at!.getTime() - v.entered_at.getTime()) / 1000)
      .sort((a, b) => a - b);
    const median =
      dwell.length === 0
        ? null
        : Math.round(
            dwell.length % 2
              ? dwell[(dwell.length - 1) / 2]!
              : (dwell[dwell.length / 2 - 1]! + dwell[dwell.length / 2]!) / 2,
          );

    const memberVisits = visits.filter((v) => v.member_id);
    const purchases = memberVisits.length
      ? await this.purchases.inStore(
          merchantId,
          storeId,
          new Date(from.getTime() - PURCHASE_LINK.beforeMs),
          new Date(to.getTime() + PURCHASE_LINK.afterMs),
        )
      : [];
    const withPurchase = memberVisits.filter((v) =>
      purchases.some((p) => p.memberId === v.member_id && linked(v, p.paidAt, endOf(v))),
    ).length;

    const members = new Set(memberVisits.map((v) => v.member_id!)).size;
    const anonymous = visits.length - memberVisits.length;
    return {
      storeId,
      date,
      utcOffsetMinutes: CHINA_UTC_OFFSET_MINUTES,
      visitors: { total: members + anonymous, members, anonymous },
      hours: hours.map((h) => ({ hour: h.hour, members: h.members.size, anonymous: h.anonymous })),
      demographics: [...AGE_BANDS, 'unknown' as const].flatMap((ageBand) =>
        [...GENDERS, 'unknown' as const].flatMap((gender) => {
          const count = demographics.get(`${ageBand}|${gender}`) ?? 0;
          return count ? [{ ageBand, gender, visitors: count }] : [];
        }),
      ),
      medianDwellSeconds: median,
      conversion: { memberVisits: memberVisits.length, withPurchase },
    };
  }
}
