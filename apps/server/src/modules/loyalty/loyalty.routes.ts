import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember, requireStaff } from '../../platform/http/authentication.plugin.ts';
import type { App } from '../../platform/http/app.types.ts';
import { described, errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { LoyaltyProgramService } from './loyalty-program.service.ts';
import type { ProgramRules } from './loyalty.repository.ts';
import type { LoyaltyTier } from './loyalty.schema.ts';
import {
  Card,
  CardScan,
  MemberParams,
  Plan,
  PlanInput,
  PlanPurchase,
  PlanPurchaseInput,
  PlanRefund,
  PlanRefundInput,
  Plans,
  Points,
  PointsAdjusted,
  PointsAdjustment,
  Program,
  ProgramPatch,
  PurchaseParams,
  StoredValueReport,
  TierHistory,
  Tiers,
  TiersInput,
} from './loyalty.schemas.ts';
import type { MemberCardService } from './member-card.service.ts';
import type { PointsService } from './points.service.ts';
import type { StoredValueService } from './stored-value.service.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };
const staff = { tags: ['loyalty'], security: [{ staffSession: [] }] };

const programOut = (p: ProgramRules) => ({
  pointsPerYuan: p.points_per_yuan,
  pointsPerYuanOff: p.points_per_yuan_off,
  maxRedeemPercent: p.max_redeem_percent,
  pointsExpiryMonths: p.points_expiry_months,
  tierBasis: p.tier_basis,
  tierWindowDays: p.tier_window_days,
  spendingOrder: p.spending_order,
});
const programIn = (p: Partial<ReturnType<typeof programOut>>): Partial<ProgramRules> => {
  const rules: Partial<ProgramRules> = {};
  if (p.pointsPerYuan !== undefined) rules.points_per_yuan = p.pointsPerYuan;
  if (p.pointsPerYuanOff !== undefined) rules.points_per_yuan_off = p.pointsPerYuanOff;
  if (p.maxRedeemPercent !== undefined) rules.max_redeem_percent = p.maxRedeemPercent;
  if (p.pointsExpiryMonths !== undefined) rules.points_expiry_months = p.pointsExpiryMonths;
  if (p.tierBasis !== undefined) rules.tier_basis = p.tierBasis;
  if (p.tierWindowDays !== undefined) rules.tier_window_days = p.tierWindowDays;
  if (p.spendingOrder !== undefined) rules.spending_order = p.spendingOrder;
  return rules;
};
const tiersOut = (tiers: LoyaltyTier[]) => ({
  tiers: tiers.map((t) => ({
    rank: t.rank,
    name: t.name,
    threshold: t.threshold,
    discountPercent: t.discount_percent,
    pointsMultiplierPercent: t.points_multiplier_percent,
    birthdayPoints: t.birthday_points,
    birthdayCouponTemplateId: t.birthday_coupon_template_id,
    upgradeCouponTemplateId: t.upgrade_coupon_template_id,
  })),
});

export interface LoyaltyRouteServices {
  loyaltyProgram: LoyaltyProgramService;
  memberCards: MemberCardService;
  points: PointsService;
  storedValue: StoredValueService;
}

/** The member's card, points and tier history (member app); the programme, tiers, points and plans (staff). */
export function loyaltyRoutes(services: LoyaltyRouteServices, auth: Authenticators) {
  return async (app: App) => {
    app.register(async (memberApp: App) => {
      memberApp.addHook('preHandler', auth.member);

      memberApp.get(
        '/v1/member/loyalty/card',
        {
          schema: {
            ...member,
            operationId: 'getMyCard',
            summary: 'My member card: number, QR code, tier and progress, points and stored value',
            description:
              'The card is made on first use for members from before cards. The QR payload is signed by the server and scans for 60 seconds: fetch it again to show a fresh one.',
            response: { 200: described(Card, 'The card'), ...errorResponses({ 404: ['member_not_found'] }) },
          },
        },
        async (request) => services.memberCards.myCard(requireMember(request)),
      );

      memberApp.get(
        '/v1/member/loyalty/points',
        {
          schema: {
            ...member,
            operationId: 'getMyPoints',
            summary: 'My points: balance and history',
            description:
              'From the points ledger: earned, taken back after refunds, redeemed, expired, adjusted by staff.',
            response: { 200: described(Points, 'The points'), ...errorResponses({}) },
          },
        },
        async (request) => {
          const actor = requireMember(request);
          return services.points.history(actor, actor.merchantId, actor.memberId);
        },
      );

      memberApp.get(
        '/v1/member/loyalty/tier-history',
        {
          schema: {
            ...member,
            operationId: 'getMyTierHistory',
            summary: 'How my tier changed',
            description: 'Newest first: up after a payment, up or down by the nightly evaluation.',
            response: { 200: described(TierHistory, 'The changes'), ...errorResponses({}) },
          },
        },
        async (request) => {
          const actor = requireMember(request);
          return { changes: await services.memberCards.tierHistory(actor, actor.merchantId, actor.memberId) };
        },
      );

      memberApp.get(
        '/v1/member/loyalty/stored-value-plans',
        {
          schema: {
            ...member,
            operationId: 'listMyStoredValuePlans',
            summary: 'The stored-value plans on sale now (充值送)',
            description:
              'What the member can buy at the counter: staff sell plans at the till (purchaseStoredValuePlan); newest first, each with its validity and per-member limit.',
            response: { 200: described(Plans, 'The plans on sale'), ...errorResponses({}) },
          },
        },
        async (request) => ({ plans: await services.storedValue.plansOnSale(requireMember(request)) }),
      );
    });

    app.register(async (staffApp: App) => {
      staffApp.addHook('preHandler', auth.staff);

      staffApp.get(
        '/v1/merchants/:merchantId/loyalty/program',
        {
          schema: {
            ...staff,
            operationId: 'getLoyaltyProgram',
            summary: "The merchant's loyalty programme",
            description: 'Points rates, the tier rule, points expiry and the stored-value spending order.',
            params: MerchantParams,
            response: {
              200: described(Program, 'The programme'),
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) =>
          programOut(await services.loyaltyProgram.program(requireStaff(request), request.params.merchantId)),
      );

      staffApp.patch(
        '/v1/merchants/:merchantId/loyalty/program',
        {
          schema: {
            ...staff,
            operationId: 'updateLoyaltyProgram',
            summary: "Change the merchant's loyalty programme",
            description: 'Only the rules named change. Audited. Points already earned keep the expiry they were given.',
            params: MerchantParams,
            body: ProgramPatch,
            response: {
              200: described(Program, 'The programme now'),
              ...errorResponses({
                400: ['loyalty_program_invalid'],
                403: ['forbidden'],
                404: ['merchant_not_found'],
              }),
            },
          },
        },
        async (request) =>
          programOut(
            await services.loyaltyProgram.setProgram(
              requireStaff(request),
              request.params.merchantId,
              programIn(request.body),
            ),
          ),
      );

      staffApp.get(
        '/v1/merchants/:merchantId/loyalty/tiers',
        {
          schema: {
            ...staff,
            operationId: 'listLoyaltyTiers',
            summary: "The merchant's member tiers, lowest first",
            description: 'Each with its threshold (in the programme’s tier basis) and its benefits.',
            params: MerchantParams,
            response: {
              200: described(Tiers, 'The tiers'),
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) =>
          tiersOut(await services.loyaltyProgram.tiers(requireStaff(request), request.params.merchantId)),
      );

      staffApp.put(
        '/v1/merchants/:merchantId/loyalty/tiers',
        {
          schema: {
            ...staff,
            operationId: 'defineLoyaltyTiers',
            summary: "Set the merchant's member tiers (e.g. 普通 / 银卡 / 金卡)",
            description:
              'Lowest first; thresholds strictly increasing whole numbers, discounts whole percents from 0 to 50; a birthday coupon is a coupon template of the merchant (or none). Replaces the tiers; members move to their new tier at the next evaluation or payment. Audited.',
            params: MerchantParams,
            body: TiersInput,
            response: {
              200: described(Tiers, 'The tiers now'),
              ...errorResponses({
                400: [
                  'tiers_invalid',
                  'tier_thresholds_not_increasing',
                  'tier_discount_invalid',
                  'tier_birthday_coupon_invalid',
                  'tier_upgrade_coupon_invalid',
                ],
                403: ['forbidden'],
                404: ['merchant_not_found'],
              }),
            },
          },
        },
        async (request) =>
          tiersOut(
            await services.loyaltyProgram.defineTiers(
              requireStaff(request),
              request.params.merchantId,
              request.body.tiers.map((t) => ({
                name: t.name,
                threshold: t.threshold,
                discount_percent: t.discountPercent,
                points_multiplier_percent: t.pointsMultiplierPercent,
                birthday_points: t.birthdayPoints,
                birthday_coupon_template_id: t.birthdayCouponTemplateId ?? null,
                upgrade_coupon_template_id: t.upgradeCouponTemplateId ?? null,
              })),
            ),
          ),
      );

      staffApp.post(
        '/v1/merchants/:merchantId/loyalty/card-scans',
        {
          schema: {
            ...staff,
            operationId: 'scanMemberCard',
            summary: "Read a member's card from the QR code the member app shows",
            description:
              'Refuses a code that is forged, altered, of another merchant (400 `card_qr_invalid`) or expired (410 `card_qr_expired`).',
            params: MerchantParams,
            body: CardScan,
            response: {
              200: described(Card, 'The card'),
              ...errorResponses({
                400: ['card_qr_invalid'],
                403: ['forbidden'],
                404: ['merchant_not_found'],
                410: ['card_qr_expired'],
              }),
            },
          },
        },
        async (request) =>
          services.memberCards.scan(requireStaff(request), request.params.merchantId, request.body.payload),
      );

      staffApp.get(
        '/v1/merchants/:merchantId/members/:memberId/loyalty-card',
        {
          schema: {
            ...staff,
            operationId: 'getMemberCard',
            summary: "A member's card, tier, points and stored value",
            description: 'Made on first use for members from before cards.',
            params: MemberParams,
            response: {
              200: described(Card, 'The card'),
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'member_not_found'] }),
            },
          },
        },
        async (request) =>
          services.memberCards.cardOf(requireStaff(request), request.params.merchantId, request.params.memberId),
      );

      staffApp.get(
        '/v1/merchants/:merchantId/members/:memberId/points',
        {
          schema: {
            ...staff,
            operationId: 'getMemberPoints',
            summary: "A member's points: balance and history",
            description: 'From the points ledger.',
            params: MemberParams,
            response: {
              200: described(Points, 'The points'),
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) =>
          services.points.history(requireStaff(request), request.params.merchantId, request.params.memberId),
      );

      staffApp.post(
        '/v1/merchants/:merchantId/members/:memberId/points-adjustments',
        {
          schema: {
            ...staff,
            operationId: 'adjustMemberPoints',
            summary: "Give or take a member's points by hand",
            description:
              'With a reason; audited. Taking more than the balance is refused (409 `points_insufficient`). Idempotent by `idempotencyKey`.',
            params: MemberParams,
            body: PointsAdjustment,
            response: {
              201: described(PointsAdjusted, 'Adjusted: the ledger transaction and the balance after'),
              ...errorResponses({
                400: ['points_invalid', 'reason_required', 'reason_too_long', 'idempotency_key_invalid'],
                403: ['forbidden'],
                404: ['merchant_not_found', 'member_not_found'],
                409: ['points_insufficient', 'idempotency_key_reused'],
              }),
            },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            .send(await services.points.adjust(requireStaff(request), { ...request.params, ...request.body })),
      );

      staffApp.get(
        '/v1/merchants/:merchantId/stored-value-plans',
        {
          schema: {
            ...staff,
            operationId: 'listStoredValuePlans',
            summary: "The merchant's stored-value plans (充值送)",
            description: 'Newest first, with their validity and per-member limit.',
            params: MerchantParams,
            response: {
              200: described(Plans, 'The plans'),
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) => ({
          plans: await services.storedValue.listPlans(requireStaff(request), request.params.merchantId),
        }),
      );

      staffApp.post(
        '/v1/merchants/:merchantId/stored-value-plans',
        {
          schema: {
            ...staff,
            operationId: 'createStoredValuePlan',
            summary: 'Offer a stored-value plan, e.g. 充100送20',
            description:
              'Price and bonus in fen (the bonus at most the price), on sale from validFrom until validUntil, at most perMemberLimit per member. Audited.',
            params: MerchantParams,
            body: PlanInput,
            response: {
              201: described(Plan, 'The plan'),
              ...errorResponses({ 400: ['plan_invalid'], 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            .send(
              await services.storedValue.createPlan(requireStaff(request), request.params.merchantId, request.body),
            ),
      );

      staffApp.post(
        '/v1/merchants/:merchantId/members/:memberId/stored-value-purchases',
        {
          schema: {
            ...staff,
            operationId: 'purchaseStoredValuePlan',
            summary: 'Sell a member a stored-value plan at the till',
            description:
              'Staff take the price; the principal goes into the member wallet, the bonus into the member’s bonus, in one ledger transaction with a receipt and an audit entry. The validity and the per-member limit are decided with the member locked. Idempotent by `idempotencyKey`.',
            params: MemberParams,
            body: PlanPurchaseInput,
            response: {
              201: described(PlanPurchase, 'Bought: the ledger transaction and the stored value after'),
              ...errorResponses({
                400: ['idempotency_key_invalid'],
                403: ['forbidden'],
                404: ['merchant_not_found', 'member_not_found', 'plan_not_found'],
                409: ['plan_not_on_sale', 'plan_limit_reached', 'idempotency_key_reused'],
              }),
            },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            .send(await services.storedValue.purchase(requireStaff(request), { ...request.params, ...request.body })),
      );

      staffApp.post(
        '/v1/merchants/:merchantId/members/:memberId/stored-value-purchases/:purchaseId/refund',
        {
          schema: {
            ...staff,
            operationId: 'refundStoredValuePurchase',
            summary: 'Refund a stored-value plan: the unspent principal back, the bonus left forfeited',
            description:
              'What was spent counts as principal and bonus in the plan’s proportion: refund = principal − spent × principal / (principal + bonus). 充100送20 with 60 yuan spent: 50 yuan back, 10 yuan of bonus forfeited. Once per purchase; idempotent by `idempotencyKey`.',
            params: PurchaseParams,
            body: PlanRefundInput,
            response: {
              200: described(PlanRefund, 'Refunded'),
              ...errorResponses({
                400: ['reason_required', 'reason_too_long', 'idempotency_key_invalid'],
                403: ['forbidden'],
                404: ['merchant_not_found', 'member_not_found', 'purchase_not_found'],
                409: ['purchase_already_refunded', 'idempotency_key_reused'],
              }),
            },
          },
        },
        async (request) => services.storedValue.refund(requireStaff(request), { ...request.params, ...request.body }),
      );

      staffApp.get(
        '/v1/merchants/:merchantId/stored-value/report',
        {
          schema: {
            ...staff,
            operationId: 'getStoredValueReport',
            summary: 'Stored value as deferred revenue',
            description:
              'Principal members hold (owed to them until spent or refunded) and bonus not yet spent, from the ledger; and per plan what was sold, refunded and forfeited.',
            params: MerchantParams,
            response: {
              200: described(StoredValueReport, 'The report'),
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) => services.storedValue.report(requireStaff(request), request.params.merchantId),
      );
    });
  };
}
