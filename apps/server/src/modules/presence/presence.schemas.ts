import { Type } from '@sinclair/typebox';
import { Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';
import { AGE_BANDS, GENDERS, type AgeBand, type Gender } from './demographics.ts';

/** The staff's reads of a store's entrance: who is in now, and a day's traffic. No face data in either. */
export const PresenceNow = Type.Object(
  {
    storeId: Uuid,
    at: Timestamp,
    version: Type.String({
      description: "the store's presence as of this answer; send it back as `after` to wait for the next change",
    }),
    visitWindowMinutes: Type.Integer({ description: 'a visit ends after this many minutes unseen' }),
    members: Type.Array(
      Type.Object({
        visitId: Uuid,
        memberId: Uuid,
        name: Type.Union([Type.String(), Type.Null()], {
          description: 'masked: 张** (null when the member gave no name)',
        }),
        phone: Type.String({ description: 'masked: 138****5678' }),
        tier: Type.Union([Type.String(), Type.Null()], { description: "the member's loyalty tier, if any" }),
        visitCount: Type.Integer({ description: 'visits of this member to this store, this one included' }),
        lastPurchaseAt: Type.Union([Timestamp, Type.Null()], { description: "the member's latest payment, any store" }),
        usableCoupons: Type.Integer({ description: "coupons in the member's wallet usable now" }),
        usableCouponNames: Type.Array(Type.String(), {
          description: 'the names of those coupons, one per coupon (a name twice when the member holds two)',
        }),
        purchasesThisVisit: Type.Integer({
          description: 'payments in this store from a minute before the visit began (clocks differ by seconds)',
        }),
        enteredAt: Timestamp,
        lastSeenAt: Timestamp,
      }),
      {
        description:
          'consenting members in the store now (seen within the window), the latest to arrive first; a member who turned entrance recognition off is gone at once',
      },
    ),
    anonymous: Type.Object(
      { count: Type.Integer({ description: 'anonymous visitors in the store now (open visits)' }) },
      { description: 'everyone else: counted, never named' },
    ),
  },
  { description: 'Who is in the store now' },
);

/** How long a read may wait for a change (the console's live list holds one read open at a time). */
export const PRESENCE_MAX_WAIT_SECONDS = 25;

export const PresenceQuery = Type.Object({
  after: Type.Optional(
    Type.String({
      maxLength: 64,
      pattern: '^[0-9a-f]{8}-[0-9]{1,15}$',
      description: 'the `version` of the last answer: the read waits until the store changes from it',
    }),
  ),
  waitSeconds: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: PRESENCE_MAX_WAIT_SECONDS,
      description:
        'with `after`: answer when the store changes (a member or anonymous visitor enters, is named, leaves) or after this many seconds, whichever comes first; 0 answers at once',
    }),
  ),
});

const DateString = Type.String({ format: 'date', description: 'business day (China time), YYYY-MM-DD' });
export const TrafficQuery = Type.Object({ date: DateString });

export const TrafficReport = Type.Object(
  {
    storeId: Uuid,
    date: Type.String(),
    utcOffsetMinutes: Type.Integer({
      description: 'the business day and its hours are in this offset (480: China time)',
    }),
    visitors: Type.Object(
      {
        total: Type.Integer(),
        members: Type.Integer({ description: 'distinct consenting members' }),
        anonymous: Type.Integer({ description: 'anonymous visits (one person each)' }),
      },
      { description: 'unique visitors in the store during the day (not detections)' },
    ),
    hours: Type.Array(
      Type.Object({
        hour: Type.Integer({ minimum: 0, maximum: 23 }),
        members: Type.Integer(),
        anonymous: Type.Integer(),
      }),
      { description: 'visitors in the store at some moment of each hour (a visit counts in every hour it overlaps)' },
    ),
    demographics: Type.Array(
      Type.Object({
        ageBand: Type.Unsafe<AgeBand | 'unknown'>({ type: 'string', enum: [...AGE_BANDS, 'unknown'] }),
        gender: Type.Unsafe<Gender | 'unknown'>({ type: 'string', enum: [...GENDERS, 'unknown'] }),
        visitors: Type.Integer(),
      }),
      {
        description:
          "anonymous visitors by the engine's age band and gender estimate (consenting members are not profiled); cells with nobody are left out",
      },
    ),
    medianDwellSeconds: Type.Union([Type.Integer(), Type.Null()], {
      description: 'median time in the store of the visits that ended (null: none)',
    }),
    conversion: Type.Object(
      {
        memberVisits: Type.Integer(),
        withPurchase: Type.Integer({
          description:
            'member visits with a payment in this store from a minute before entering to 5 minutes after leaving',
        }),
      },
      { description: "members' visits and those that included a purchase" },
    ),
  },
  { description: "The store's traffic on one business day" },
);
