import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember, requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams, PageLimit } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { Type } from '@sinclair/typebox';
import type { Coupon, CouponService, CouponTemplate, CouponTemplateInput } from './coupon.service.ts';
import { describeMethod } from './promotion.rules.ts';
import type { PromotionInput, PromotionService, PromotionView as View } from './promotion.service.ts';
import {
  CampaignResult,
  CouponCampaign,
  CouponGrant,
  CouponTemplateList,
  CouponTemplateView,
  CouponView,
  CouponWallet,
  NewCouponTemplate,
  NewPromotion,
  PromotionList,
  PromotionListQuery,
  PromotionParams,
  PromotionPatch,
  PromotionSchedule,
  PromotionSettingsInput,
  PromotionSettingsView,
  PromotionView,
  TemplateParams,
} from './promotion.schemas.ts';

const staff = { tags: ['promotions'], security: [{ staffSession: [] }] };
const member = { tags: ['member app'], security: [{ memberSession: [] }] };
const saveErrors = {
  400: ['promotion_invalid', 'promotion_below_zero', 'schedule_invalid'],
  403: ['forbidden'],
} as const;

function presentPromotion({ promotion: p, state, uses, discountFen }: View) {
  return {
    promotionId: p.id,
    name: p.name,
    status: p.status,
    state,
    description: describeMethod(p.method),
    rules: p.rules,
    method: p.method,
    stacking: p.stacking,
    priority: p.priority,
    startsAt: p.starts_at.toISOString(),
    endsAt: p.ends_at?.toISOString() ?? null,
    budget:
      p.budget_kind === 'none'
        ? null
        : {
            kind: p.budget_kind,
            limit: p.budget_limit!,
            used: p.budget_used,
            left: Math.max(0, p.budget_limit! - p.budget_used),
          },
    perMemberLimit: p.per_member_limit,
    perMemberDailyLimit: p.per_member_daily_limit,
    dailyLimit: p.daily_limit,
    uses,
    discountFen,
    createdAt: p.created_at.toISOString(),
  };
}

function presentTemplate(t: CouponTemplate & { issued?: number | null; redeemed?: number | null }) {
  return {
    templateId: t.id,
    name: t.name,
    status: t.status,
    description: describeMethod(t.method),
    rules: t.rules,
    method: t.method,
    stacking: t.stacking,
    priority: t.priority,
    validity:
      t.validity_kind === 'fixed'
        ? { kind: 'fixed' as const, from: t.valid_from!.toISOString(), until: t.valid_until!.toISOString() }
        : { kind: 'days' as const, days: t.valid_days! },
    offlineOnly: t.offline_only,
    perMemberCap: t.per_member_cap,
    issued: Number(t.issued ?? 0),
    redeemed: Number(t.redeemed ?? 0),
    createdAt: t.created_at.toISOString(),
  };
}

function presentCoupon(c: Coupon) {
  return {
    couponId: c.id,
    templateId: c.template_id,
    memberId: c.member_id,
    status: c.status,
    valueFen: c.value_fen,
    validFrom: c.valid_from.toISOString(),
    validUntil: c.valid_until.toISOString(),
    source: c.source,
    issuedAt: c.issued_at.toISOString(),
  };
}

function promotionInput(body: NewPromotion): PromotionInput {
  return {
    name: body.name,
    rules: body.rules ?? {},
    method: body.method,
    stacking: body.stacking ?? 'stackable',
    priority: body.priority ?? 0,
    startsAt: new Date(body.startsAt),
    endsAt: body.endsAt ? new Date(body.endsAt) : null,
    budget: body.budget ?? null,
    perMemberLimit: body.perMemberLimit ?? null,
    perMemberDailyLimit: body.perMemberDailyLimit ?? null,
    dailyLimit: body.dailyLimit ?? null,
  };
}

function promotionPatch(body: PromotionPatch): Partial<PromotionInput> {
  const { startsAt, endsAt, ...rest } = body;
  return {
    ...rest,
    ...(startsAt !== undefined ? { startsAt: new Date(startsAt) } : {}),
    ...(endsAt !== undefined ? { endsAt: endsAt === null ? null : new Date(endsAt) } : {}),
  };
}

function templateInput(body: NewCouponTemplate): CouponTemplateInput {
  return {
    name: body.name,
    rules: body.rules ?? {},
    method: body.method,
    stacking: body.stacking ?? 'stackable',
    priority: body.priority ?? 0,
    validity:
      body.validity.kind === 'fixed'
        ? { kind: 'fixed', from: new Date(body.validity.from), until: new Date(body.validity.until) }
        : body.validity,
    offlineOnly: body.offlineOnly ?? false,
    perMemberCap: body.perMemberCap ?? null,
  };
}

/** Promotions and coupons: the staff's (promotions, templates, grants, campaigns, settings) and the member's wallet. */
export function promotionRoutes(
  services: { promotions: PromotionService; coupons: CouponService },
  auth: Authenticators,
) {
  const { promotions, coupons } = services;
  return async (app: App) => {
    app.register(async (memberApp: App) => {
      memberApp.addHook('preHandler', auth.member);
      memberApp.get(
        '/v1/member/coupons',
        {
          schema: {
            ...member,
            operationId: 'getMyCoupons',
            summary: 'My coupons: usable now, not valid yet, used, expired',
            description:
              'Usable coupons expiring within 3 days say `expiresSoon`. At the till the best usable ones apply by themselves.',
            response: { 200: CouponWallet, ...errorResponses({}) },
          },
        },
        async (request) => {
          const wallet = await coupons.wallet(requireMember(request));
          const entries = (list: typeof wallet.usable) =>
            list.map((e) => ({
              ...e,
              validFrom: e.validFrom.toISOString(),
              validUntil: e.validUntil.toISOString(),
              redeemedAt: e.redeemedAt?.toISOString() ?? null,
            }));
          return {
            usable: entries(wallet.usable),
            upcoming: entries(wallet.upcoming),
            used: entries(wallet.used),
            expired: entries(wallet.expired),
          };
        },
      );
    });

    app.register(async (staffApp: App) => {
      staffApp.addHook('preHandler', auth.staff);

      staffApp.post(
        '/v1/merchants/:merchantId/promotions',
        {
          schema: {
            ...staff,
            operationId: 'createPromotion',
            summary: 'Create a promotion: rules, what it takes off, schedule, budget, limits and stacking',
            description:
              'Merchant and provider admins. Refused with `promotion_below_zero` when it could take a line below zero (money off each unit above the cheapest targeted product, money off the order or a 满减 tier above its minimum). Exclusive promotions that overlap are resolved by priority (higher first), then the larger discount, then the older.',
            params: MerchantParams,
            body: NewPromotion,
            response: {
              201: described(PromotionView, 'The promotion'),
              ...errorResponses({ ...saveErrors, 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request, reply) => {
          const created = await promotions.create(
            requireStaff(request),
            request.params.merchantId,
            promotionInput(request.body),
          );
          return reply.status(201).send(await presentView(promotions, request, request.params.merchantId, created.id));
        },
      );

      staffApp.get(
        '/v1/merchants/:merchantId/promotions',
        {
          schema: {
            ...staff,
            operationId: 'listPromotions',
            summary: 'Promotions with their live usage and budget, newest first',
            description: '`uses` counts payments that applied it; `budget.left` is what carts can still get.',
            params: MerchantParams,
            querystring: PromotionListQuery,
            response: { 200: PromotionList, ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }) },
          },
        },
        async (request) => ({
          promotions: (await promotions.list(requireStaff(request), request.params.merchantId, request.query)).map(
            presentPromotion,
          ),
        }),
      );

      staffApp.patch(
        '/v1/merchants/:merchantId/promotions/:promotionId',
        {
          schema: {
            ...staff,
            operationId: 'updatePromotion',
            summary: 'Change a promotion; carts priced from now on see it',
            description:
              'A budget cannot go below what was spent (`budget_below_used`), nor change kind once spent (`budget_kind_locked`).',
            params: PromotionParams,
            body: PromotionPatch,
            response: {
              200: described(PromotionView, 'The promotion'),
              ...errorResponses({
                ...saveErrors,
                404: ['merchant_not_found', 'promotion_not_found'],
                409: ['budget_below_used', 'budget_kind_locked'],
              }),
            },
          },
        },
        async (request) => {
          const { merchantId, promotionId } = request.params;
          const updated = await promotions.update(
            requireStaff(request),
            merchantId,
            promotionId,
            promotionPatch(request.body),
          );
          return presentView(promotions, request, merchantId, updated.id);
        },
      );

      staffApp.put(
        '/v1/merchants/:merchantId/promotions/:promotionId/schedule',
        {
          schema: {
            ...staff,
            operationId: 'schedulePromotion',
            summary: 'Set when a promotion runs (from startsAt; until endsAt, or open-ended)',
            description: 'Times are instants; the console shows them in China time.',
            params: PromotionParams,
            body: PromotionSchedule,
            response: {
              200: described(PromotionView, 'The promotion'),
              ...errorResponses({
                400: ['schedule_invalid'],
                403: ['forbidden'],
                404: ['merchant_not_found', 'promotion_not_found'],
              }),
            },
          },
        },
        async (request) => {
          const { merchantId, promotionId } = request.params;
          await promotions.schedule(requireStaff(request), merchantId, promotionId, {
            startsAt: new Date(request.body.startsAt),
            endsAt: request.body.endsAt ? new Date(request.body.endsAt) : null,
          });
          return presentView(promotions, request, merchantId, promotionId);
        },
      );

      for (const paused of [true, false]) {
        staffApp.post(
          `/v1/merchants/:merchantId/promotions/:promotionId/${paused ? 'pause' : 'resume'}`,
          {
            schema: {
              ...staff,
              operationId: paused ? 'pausePromotion' : 'resumePromotion',
              summary: paused ? 'Pause a promotion: carts are no longer offered it' : 'Resume a paused promotion',
              description: paused
                ? 'A payment quoted with it before the pause is refused (`promotion_unavailable`) and quoted again.'
                : 'It applies again within its schedule and budget.',
              params: PromotionParams,
              response: {
                200: described(PromotionView, 'The promotion'),
                ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'promotion_not_found'] }),
              },
            },
          },
          async (request) => {
            const { merchantId, promotionId } = request.params;
            await promotions.setPaused(requireStaff(request), merchantId, promotionId, paused);
            return presentView(promotions, request, merchantId, promotionId);
          },
        );
      }

      staffApp.post(
        '/v1/merchants/:merchantId/coupon-templates',
        {
          schema: {
            ...staff,
            operationId: 'createCouponTemplate',
            summary: 'Create a coupon template: what its coupons take off, their validity, per-member cap',
            description:
              'Validity is a fixed window or N days from issue. At most one coupon per template applies to a cart.',
            params: MerchantParams,
            body: NewCouponTemplate,
            response: {
              201: described(CouponTemplateView, 'The template'),
              ...errorResponses({ ...saveErrors, 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request, reply) => {
          const template = await coupons.createTemplate(
            requireStaff(request),
            request.params.merchantId,
            templateInput(request.body),
          );
          return reply.status(201).send(presentTemplate(template));
        },
      );

      staffApp.get(
        '/v1/merchants/:merchantId/coupon-templates',
        {
          schema: {
            ...staff,
            operationId: 'listCouponTemplates',
            summary: 'Coupon templates with how many coupons were issued and redeemed',
            description: 'Newest first; `issued` and `redeemed` count the coupons of each template so far.',
            params: MerchantParams,
            querystring: Type.Object({ limit: PageLimit }),
            response: {
              200: CouponTemplateList,
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) => ({
          templates: (
            await coupons.listTemplates(requireStaff(request), request.params.merchantId, request.query.limit)
          ).map(presentTemplate),
        }),
      );

      for (const paused of [true, false]) {
        staffApp.post(
          `/v1/merchants/:merchantId/coupon-templates/:templateId/${paused ? 'pause' : 'resume'}`,
          {
            schema: {
              ...staff,
              operationId: paused ? 'pauseCouponTemplate' : 'resumeCouponTemplate',
              summary: paused
                ? 'Pause a coupon template: its coupons are neither issued nor usable'
                : 'Resume a paused coupon template',
              description: paused
                ? 'Coupons already held stay in wallets and become usable again on resume; a payment priced with one before the pause is refused (`coupon_unavailable`).'
                : 'Its coupons are issued and usable again within their validity.',
              params: TemplateParams,
              response: {
                200: described(CouponTemplateView, 'The template'),
                ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'coupon_template_not_found'] }),
              },
            },
          },
          async (request) => {
            const { merchantId, templateId } = request.params;
            return presentTemplate(
              await coupons.setTemplatePaused(requireStaff(request), merchantId, templateId, paused),
            );
          },
        );
      }

      staffApp.post(
        '/v1/merchants/:merchantId/coupon-templates/:templateId/grants',
        {
          schema: {
            ...staff,
            operationId: 'grantCoupon',
            summary: 'Give a member a coupon, with the reason (audited)',
            description:
              'Merchant admins and store managers. Idempotent by `idempotencyKey` (the same key answers the same coupon).',
            params: TemplateParams,
            body: CouponGrant,
            response: {
              201: described(CouponView, 'The coupon'),
              ...errorResponses({
                403: ['forbidden'],
                404: ['merchant_not_found', 'member_not_found', 'coupon_template_not_found'],
                409: ['coupon_cap_reached', 'coupon_template_paused', 'idempotency_key_reused'],
              }),
            },
          },
        },
        async (request, reply) => {
          const { merchantId, templateId } = request.params;
          const coupon = await coupons.grant(requireStaff(request), merchantId, templateId, request.body);
          return reply.status(201).send(presentCoupon(coupon));
        },
      );

      staffApp.post(
        '/v1/merchants/:merchantId/coupon-templates/:templateId/campaigns',
        {
          schema: {
            ...staff,
            operationId: 'issueCouponCampaign',
            summary: 'Issue one coupon to each member of a list (a campaign)',
            description:
              'Up to 1000 members in one transaction; an unknown member refuses the whole list (`member_unknown`). Sending the same `campaignKey` again issues only to members it missed.',
            params: TemplateParams,
            body: CouponCampaign,
            response: {
              201: CampaignResult,
              ...errorResponses({
                400: ['campaign_size_invalid', 'member_unknown'],
                403: ['forbidden'],
                404: ['merchant_not_found', 'coupon_template_not_found'],
                409: ['coupon_template_paused'],
              }),
            },
          },
        },
        async (request, reply) => {
          const { merchantId, templateId } = request.params;
          const result = await coupons.issueCampaign(requireStaff(request), merchantId, templateId, request.body);
          return reply.status(201).send({ ...result, issued: result.issued.length });
        },
      );

      staffApp.get(
        '/v1/merchants/:merchantId/promotion-settings',
        {
          schema: {
            ...staff,
            operationId: 'getPromotionSettings',
            summary: 'The welcome coupon, the 刷脸红包 bounds and budget, and whether refunds give coupons back',
            description: '`redPacket.spentFen` is what red packets have drawn from the budget so far.',
            params: MerchantParams,
            response: {
              200: PromotionSettingsView,
              ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
            },
          },
        },
        async (request) => coupons.settings(requireStaff(request), request.params.merchantId),
      );

      staffApp.put(
        '/v1/merchants/:merchantId/promotion-settings',
        {
          schema: {
            ...staff,
            operationId: 'updatePromotionSettings',
            summary: 'Set the welcome coupon, the 刷脸红包 and whether refunds give coupons back',
            description:
              'A 刷脸红包 is a coupon of `redPacket.templateId` (money off the order) worth a random amount between `minFen` and `maxFen`, drawn after each face payment while the budget lasts.',
            params: MerchantParams,
            body: PromotionSettingsInput,
            response: {
              200: PromotionSettingsView,
              ...errorResponses({
                400: ['red_packet_invalid'],
                403: ['forbidden'],
                404: ['merchant_not_found', 'coupon_template_not_found'],
                409: ['budget_below_used'],
              }),
            },
          },
        },
        async (request) => coupons.updateSettings(requireStaff(request), request.params.merchantId, request.body),
      );
    });
  };
}

async function presentView(
  promotions: PromotionService,
  request: Parameters<typeof requireStaff>[0],
  merchantId: string,
  promotionId: string,
) {
  const view = await promotions.view(requireStaff(request), merchantId, promotionId);
  return presentPromotion(view);
}
