import { randomInt, randomUUID } from 'node:crypto';
import type { MemberActor, StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { Adjustment, PricingContext, Settlement, UnappliedOffer } from '../checkout/index.ts';
import type { MemberService } from '../members/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type {
  Coupon,
  CouponRepository,
  CouponTemplate,
  PromotionSettingsRow,
  WalletCoupon,
} from './coupon.repository.ts';
import { applyChosen, chooseCoupons, ranked, type Candidate } from './offer.selection.ts';
import { offerContext, offerLines, type FirstPurchase } from './promotion.service.ts';
import {
  contextMatches,
  describeMethod,
  discountsOf,
  targetPrices,
  validateOffer,
  type ApplicationMethod,
  type PromotionRules,
} from './promotion.rules.ts';
import type { CouponOccasion, CouponSource, Stacking } from './promotion.schema.ts';

export type { Coupon, CouponTemplate } from './coupon.repository.ts';

export const COUPON_STEP = 'coupons';
const DAY_MS = 86_400_000;
/** A usable coupon expiring within this is flagged in the wallet. */
const EXPIRES_SOON_MS = 3 * DAY_MS;
export const CAMPAIGN_MAX_MEMBERS = 1000;

export interface CouponTemplateInput {
  name: string;
  rules: PromotionRules;
  method: ApplicationMethod;
  stacking: Stacking;
  priority: number;
  validity: { kind: 'fixed'; from: Date; until: Date } | { kind: 'days'; days: number };
  offlineOnly: boolean;
  perMemberCap: number | null;
}

export interface PromotionSettings {
  restoreCouponsOnRefund: boolean;
  welcomeTemplateId: string | null;
  redPacket: { templateId: string; minFen: number; maxFen: number; budgetFen: number; spentFen: number } | null;
}

export interface WalletView {
  usable: WalletEntry[];
  /** Not valid yet (a coupon valid from a later day). */
  upcoming: WalletEntry[];
  used: WalletEntry[];
  expired: WalletEntry[];
}

export interface WalletEntry {
  couponId: string;
  templateId: string;
  name: string;
  description: string;
  valueFen: number | null;
  validFrom: Date;
  validUntil: Date;
  expiresSoon: boolean;
  offlineOnly: boolean;
  source: CouponSource;
  redeemedAt: Date | null;
}

export interface IssueResult {
  issued: Coupon[];
  /** Members who already had this issuance (the same key): nothing new was issued to them. */
  alreadyIssued: string[];
  /** Members at the template's per-member cap. */
  atCap: string[];
}

/** Thrown inside the red packet's transaction when the budget cannot cover the draw: rolls the coupon back. */
class BudgetSpent extends Error {}

/**
 * Coupons: templates, issuance (staff grants, the welcome coupon, campaigns, 刷脸红包), the member's wallet, the
 * best coupons for a cart (the pricing step) and redemption in the payment's transaction.
 *
 * Redemption needs no reservation: the coupon step's `settle` redeems each coupon inside the transaction that takes
 * the payment, with one conditional update (available, this member's, valid now), so a coupon is spent exactly when
 * a payment commits, and a payment that does not happen holds nothing.
 */
export class CouponService {
  /**
   * Templates by merchant and id: what a template says never changes after it is created (its status is read with
   * each coupon), so the cart's coupons read their templates once per process.
   */
  private readonly templateCache = new Map<string, CouponTemplate>();
  /** One wallet read per priced cart: the step's compute and the quote's unapplied offers share it. */
  private readonly perCart = new WeakMap<PricingContext, Promise<Candidate<WalletCoupon>[]>>();

  constructor(
    private readonly coupons: CouponRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly catalog: CatalogService,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    private readonly firstPurchase: FirstPurchase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createTemplate(actor: StaffActor, merchantId: string, input: CouponTemplateInput): Promise<CouponTemplate> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.manage');
    if (input.method.type === 'points_multiplier')
      throw invalid('promotion_invalid', 'a coupon takes money off; points multipliers are promotions', {
        field: 'method.type',
      });
    if (input.validity.kind === 'fixed' && input.validity.until <= input.validity.from)
      throw invalid('schedule_invalid', 'a coupon is valid until after it is valid from');
    const products = (await this.catalog.activeProducts(merchantId)).map((p) => ({
      id: p.id,
      category: p.category,
      priceFen: p.price_fen,
      memberPriceFen: p.member_price_fen,
    }));
    validateOffer(input.rules, input.method, targetPrices(input.rules, input.method, products));
    return this.transactions.run(async (trx) => {
      const template = await this.coupons.with(trx).insertTemplate({
        merchant_id: merchantId,
        id: randomUUID(),
        name: input.name,
        status: 'active',
        rules: input.rules,
        method: input.method,
        stacking: input.stacking,
        priority: input.priority,
        validity_kind: input.validity.kind,
        valid_from: input.validity.kind === 'fixed' ? input.validity.from : null,
        valid_until: input.validity.kind === 'fixed' ? input.validity.until : null,
        valid_days: input.validity.kind === 'days' ? input.validity.days : null,
        offline_only: input.offlineOnly,
        per_member_cap: input.perMemberCap,
        created_by: actor.staffId,
        created_at: this.now(),
      });
      await this.audit.recordStaffAction(
        actor,
        merchantId,
        'coupon_template.created',
        { type: 'coupon_template', id: template.id },
        { ...input },
        trx,
      );
      return template;
    });
  }

  /** Pauses a template (its coupons are neither issued nor usable) or resumes it. */
  async setTemplatePaused(
    actor: StaffActor,
    merchantId: string,
    templateId: string,
    paused: boolean,
  ): Promise<CouponTemplate> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.manage');
    return this.transactions.run(async (trx) => {
      const repo = this.coupons.with(trx);
      const template = await repo.lockTemplate(merchantId, templateId);
      if (!template) throw notFound('coupon_template_not_found', 'no such coupon template in this merchant');
      const status = paused ? 'paused' : 'active';
      if (template.status === status) return template;
      await repo.setTemplateStatus(merchantId, templateId, status);
      await this.audit.recordStaffAction(
        actor,
        merchantId,
        paused ? 'coupon_template.paused' : 'coupon_template.resumed',
        { type: 'coupon_template', id: templateId },
        {},
        trx,
      );
      return { ...template, status };
    });
  }

  async listTemplates(actor: StaffActor, merchantId: string, limit: number) {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.read');
    return this.coupons.listTemplates(merchantId, limit);
  }

  /** A staff member gives one member a coupon, with the reason (audited); idempotent by key. */
  async grant(
    actor: StaffActor,
    merchantId: string,
    templateId: string,
    input: { memberId: string; reason: string; idempotencyKey: string },
  ): Promise<Coupon> {
    await this.tenancy.merchantFor(actor, merchantId, 'coupon.grant');
    if (!(await this.members.find(merchantId, input.memberId)))
      throw notFound('member_not_found', 'no such member in this merchant');
    const key = `grant:${input.idempotencyKey}`;
    return this.transactions.run(async (trx) => {
      const template = await this.activeTemplate(trx, merchantId, templateId);
      const result = await this.issue(trx, template, [input.memberId], {
        source: 'grant',
        keyOf: () => key,
        issuedBy: actor.staffId,
        reason: input.reason,
      });
      if (result.alreadyIssued.length) {
        const [earlier] = await this.coupons.with(trx).byIssueKeys(merchantId, [key]);
        if (earlier!.template_id !== templateId || earlier!.member_id !== input.memberId)
          throw conflict('idempotency_key_reused', 'this idempotency key was used for another grant');
        return earlier!;
      }
      if (result.atCap.length)
        throw conflict('coupon_cap_reached', 'the member already holds as many of these coupons as a member may', {
          perMemberCap: template.per_member_cap,
        });
      const coupon = result.issued[0]!;
      await this.audit.recordStaffAction(
        actor,
        merchantId,
        'coupon.granted',
        { type: 'coupon', id: coupon.id },
        { templateId, memberId: input.memberId, reason: input.reason },
        trx,
      );
      return coupon;
    });
  }

  /**
   * A campaign issues one coupon to each member of a list (at most CAMPAIGN_MAX_MEMBERS), in one transaction: an
   * unknown member refuses the whole list. Idempotent per campaign key and member, so a campaign sent again issues
   * only to the members it missed.
   */
  async issueCampaign(
    actor: StaffActor,
    merchantId: string,
    templateId: string,
    input: { campaignKey: string; memberIds: string[]; reason: string },
  ): Promise<IssueResult> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.manage');
    const memberIds = [...new Set(input.memberIds)];
    if (memberIds.length === 0 || memberIds.length > CAMPAIGN_MAX_MEMBERS)
      throw invalid('campaign_size_invalid', `a campaign issues to 1 to ${CAMPAIGN_MAX_MEMBERS} members`);
    const known = new Set((await this.members.findMany(merchantId, memberIds)).map((m) => m.id));
    const unknown = memberIds.filter((id) => !known.has(id));
    if (unknown.length)
      throw invalid('member_unknown', 'some members are not members of this merchant', {
        memberIds: unknown.slice(0, 20),
      });
    return this.transactions.run(async (trx) => {
      const template = await this.activeTemplate(trx, merchantId, templateId);
      const result = await this.issue(trx, template, memberIds, {
        source: 'campaign',
        keyOf: (memberId) => `campaign:${templateId}:${input.campaignKey}:${memberId}`,
        issuedBy: actor.staffId,
        reason: input.reason,
      });
      await this.audit.recordStaffAction(
        actor,
        merchantId,
        'coupon.campaign_issued',
        { type: 'coupon_template', id: templateId },
        {
          campaignKey: input.campaignKey,
          reason: input.reason,
          issued: result.issued.length,
          alreadyIssued: result.alreadyIssued.length,
          atCap: result.atCap.length,
        },
        trx,
      );
      return result;
    });
  }

  /** The welcome coupon, once per member, when the merchant has one (subscriber of `member.registered`). */
  async welcome(merchantId: string, memberId: string): Promise<Coupon | null> {
    const settings = await this.coupons.settings(merchantId);
    if (!settings?.welcome_template_id) return null;
    return this.transactions.run(async (trx) => {
      const template = await this.coupons.with(trx).lockTemplate(merchantId, settings.welcome_template_id!);
      if (!template || template.status !== 'active') return null;
      const result = await this.issue(trx, template, [memberId], {
        source: 'registration',
        keyOf: () => `registration:${memberId}`,
        issuedBy: null,
        reason: null,
      });
      return result.issued[0] ?? null;
    });
  }

  /** Which of these coupon templates the merchant has, whatever their state (a tier's birthday coupon names one). */
  async templatesAmong(merchantId: string, templateIds: readonly string[]): Promise<Set<string>> {
    if (templateIds.length === 0) return new Set();
    return new Set((await this.coupons.templates(merchantId, [...new Set(templateIds)])).map((t) => t.id));
  }

  /**
   * Gives a member a coupon on an occasion another module decides (a birthday, reaching a tier: the loyalty module),
   * inside the caller's transaction: the occasion is the coupon's source, `reason` says more (the tier reached), once
   * per issue key (the key's coupon again when it was given before). Null when the template is gone or paused, or the
   * member holds as many as it allows: nothing is given.
   */
  async giveOnOccasion(
    trx: Db,
    input: {
      merchantId: string;
      templateId: string;
      memberId: string;
      issueKey: string;
      occasion: CouponOccasion;
      reason: string;
    },
  ): Promise<Coupon | null> {
    const template = await this.coupons.with(trx).lockTemplate(input.merchantId, input.templateId);
    if (!template || template.status !== 'active') return null;
    const result = await this.issue(trx, template, [input.memberId], {
      source: input.occasion,
      keyOf: () => input.issueKey,
      issuedBy: null,
      reason: input.reason,
    });
    if (result.alreadyIssued.length)
      return (await this.coupons.with(trx).byIssueKeys(input.merchantId, [input.issueKey]))[0] ?? null;
    return result.issued[0] ?? null;
  }

  /**
   * The 刷脸红包 after a face payment (subscriber of `payment.completed`): a coupon of a random amount between the
   * merchant's bounds, drawn from the red-packet budget, which is never passed; once per payment however often the
   * event is delivered. When the budget left is below the lower bound, no red packet.
   */
  async redPacket(merchantId: string, paymentId: string, memberId: string): Promise<Coupon | null> {
    const settings = await this.coupons.settings(merchantId);
    if (!settings?.red_packet_template_id) return null;
    const left = settings.red_packet_budget_fen - settings.red_packet_spent_fen;
    const max = Math.min(settings.red_packet_max_fen, left);
    if (max < settings.red_packet_min_fen || max <= 0) return null;
    const amount = randomInt(Math.max(1, settings.red_packet_min_fen), max + 1);
    try {
      return await this.transactions.run(async (trx) => {
        const repo = this.coupons.with(trx);
        const template = await repo.lockTemplate(merchantId, settings.red_packet_template_id!);
        if (!template || template.status !== 'active') return null;
        const result = await this.issue(trx, template, [memberId], {
          source: 'red_packet',
          keyOf: () => `red_packet:${paymentId}`,
          issuedBy: null,
          reason: null,
          valueFen: amount,
        });
        const coupon = result.issued[0];
        if (!coupon) return null;
        if (!(await repo.spendRedPacket(merchantId, amount))) throw new BudgetSpent();
        return coupon;
      });
    } catch (error) {
      if (error instanceof BudgetSpent) return null;
      throw error;
    }
  }

  /** Gives back the coupons a payment used once refunds cover all of it, where the merchant says so. */
  async restoreOnRefund(merchantId: string, paymentId: string, refundedFen: number): Promise<Coupon[]> {
    const settings = await this.coupons.settings(merchantId);
    if (!settings?.restore_coupons_on_refund) return [];
    return this.coupons.restoreForPayment(merchantId, paymentId, refundedFen, this.now());
  }

  async settings(actor: StaffActor, merchantId: string): Promise<PromotionSettings> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.read');
    return settingsOf(await this.coupons.settings(merchantId));
  }

  async updateSettings(
    actor: StaffActor,
    merchantId: string,
    input: {
      restoreCouponsOnRefund: boolean;
      welcomeTemplateId: string | null;
      redPacket: { templateId: string; minFen: number; maxFen: number; budgetFen: number } | null;
    },
  ): Promise<PromotionSettings> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.manage');
    const { redPacket } = input;
    if (redPacket && (redPacket.minFen < 1 || redPacket.maxFen < redPacket.minFen))
      throw invalid('red_packet_invalid', 'red packets are 1 fen or more, the upper bound at least the lower');
    return this.transactions.run(async (trx) => {
      const repo = this.coupons.with(trx);
      if (input.welcomeTemplateId && !(await repo.template(merchantId, input.welcomeTemplateId)))
        throw notFound('coupon_template_not_found', 'no such coupon template in this merchant');
      if (redPacket) {
        const template = await repo.template(merchantId, redPacket.templateId);
        if (!template) throw notFound('coupon_template_not_found', 'no such coupon template in this merchant');
        if (template.method.type !== 'fixed_off' || template.method.target !== 'order')
          throw invalid(
            'red_packet_invalid',
            'a red packet is money off the order: its template is fixed_off on the order',
          );
      }
      const current = await repo.settings(merchantId);
      if (redPacket && current && redPacket.budgetFen < current.red_packet_spent_fen)
        throw conflict('budget_below_used', 'the red-packet budget cannot be set below what has been spent', {
          usedSoFar: current.red_packet_spent_fen,
        });
      const saved = await repo.saveSettings({
        merchant_id: merchantId,
        restore_coupons_on_refund: input.restoreCouponsOnRefund,
        welcome_template_id: input.welcomeTemplateId,
        red_packet_template_id: redPacket?.templateId ?? null,
        red_packet_min_fen: redPacket?.minFen ?? 0,
        red_packet_max_fen: redPacket?.maxFen ?? 0,
        red_packet_budget_fen: redPacket?.budgetFen ?? current?.red_packet_spent_fen ?? 0,
        updated_at: this.now(),
      });
      await this.audit.recordStaffAction(
        actor,
        merchantId,
        'promotion.settings_updated',
        { type: 'merchant', id: merchantId },
        { ...input },
        trx,
      );
      return settingsOf(saved);
    });
  }

  /** The member's coupons: usable now, not yet valid, used, expired. */
  async wallet(actor: MemberActor): Promise<WalletView> {
    const at = this.now();
    const view: WalletView = { usable: [], upcoming: [], used: [], expired: [] };
    for (const c of await this.coupons.wallet(actor.merchantId, actor.memberId)) {
      const entry: WalletEntry = {
        couponId: c.id,
        templateId: c.template_id,
        name: c.name,
        description: describeMethod(
          c.value_fen && c.method.type === 'fixed_off' ? { ...c.method, amountFen: c.value_fen } : c.method,
        ),
        valueFen: c.value_fen,
        validFrom: c.valid_from,
        validUntil: c.valid_until,
        expiresSoon: false,
        offlineOnly: c.offline_only,
        source: c.source,
        redeemedAt: c.redeemed_at,
      };
      if (c.status === 'redeemed') view.used.push(entry);
      else if (c.valid_until <= at) view.expired.push(entry);
      else if (c.valid_from > at) view.upcoming.push(entry);
      else view.usable.push({ ...entry, expiresSoon: c.valid_until.getTime() - at.getTime() <= EXPIRES_SOON_MS });
    }
    return view;
  }

  /**
   * The pricing step: the coupons applied to the cart. Absent `choices.couponIds`: the best eligible ones
   * (offer.selection.ts); empty: none; named: those, each refused when not usable on this cart.
   */
  async adjustmentsFor(context: PricingContext, before: readonly Adjustment[]): Promise<Adjustment[]> {
    const chosen = context.choices?.couponIds;
    if (chosen && chosen.length === 0) return [];
    if (!context.memberId) {
      if (chosen?.length) throw invalid('coupon_not_applicable', 'coupons need the member', { couponId: chosen[0] });
      return [];
    }
    const { candidates } = await this.candidates(context);
    const lines = offerLines(context, before);
    let applied;
    if (chosen) {
      const picked: Candidate<WalletCoupon>[] = [];
      for (const id of new Set(chosen)) {
        const candidate = candidates.find((c) => c.id === id);
        if (!candidate)
          throw invalid('coupon_not_applicable', 'this coupon is not usable on this cart now', { couponId: id });
        picked.push(candidate);
      }
      const result = applyChosen(picked, lines);
      if (result.conflict)
        throw invalid('coupon_not_combinable', 'these coupons cannot be used together', {
          couponIds: result.conflict.map((c) => c.id),
        });
      if (result.inapplicable.length)
        throw invalid('coupon_not_applicable', 'this coupon gives nothing on this cart', {
          couponId: result.inapplicable[0]!.id,
        });
      applied = result.applied;
    } else {
      applied = chooseCoupons(candidates, lines);
    }
    return applied.flatMap(({ candidate, discounts }) =>
      [...discounts].map(([productId, fen]) => ({
        step: COUPON_STEP,
        productId,
        amountFen: -fen,
        code: `coupon.${candidate.offer.method.type}`,
        label: candidate.offer.name,
        source: { kind: 'coupon', id: candidate.offer.id },
      })),
    );
  }

  /** The member's coupons usable on this cart that the step did not apply. */
  async unapplied(
    context: PricingContext,
    before: readonly Adjustment[],
    own: readonly Adjustment[],
  ): Promise<Omit<UnappliedOffer, 'step'>[]> {
    if (!context.memberId) return [];
    const used = new Set(own.map((a) => a.source?.id));
    const { candidates } = await this.candidates(context);
    const reason = context.choices?.couponIds ? 'not_chosen' : 'better_combination';
    return ranked(
      candidates.filter((c) => !used.has(c.id)),
      offerLines(context, before),
    ).map(({ candidate, total }) => ({
      kind: 'coupon',
      id: candidate.id,
      label: candidate.offer.name,
      discountFen: total,
      reason,
    }));
  }

  /** Redeems the coupons the paid cart used, in the payment's transaction; throws when one is gone. */
  async settle(trx: Db, settlement: Settlement): Promise<void> {
    const ids = [...new Set(settlement.adjustments.flatMap((a) => (a.source?.kind === 'coupon' ? [a.source.id] : [])))];
    const memberId = settlement.context.memberId;
    if (ids.length && !memberId) throw conflict('coupon_unavailable', 'coupons need the member');
    const repo = this.coupons.with(trx);
    for (const couponId of ids.sort()) {
      const redeemed = await repo.redeem({
        merchantId: settlement.context.merchantId,
        couponId,
        memberId: memberId!,
        paymentId: settlement.paymentId,
        orderFen: settlement.cart.totalFen,
        at: this.now(),
      });
      if (!redeemed)
        throw conflict('coupon_unavailable', 'a coupon in this price was used or has expired; price the cart again', {
          couponId,
        });
    }
  }

  private async candidates(context: PricingContext): Promise<{ candidates: Candidate<WalletCoupon>[] }> {
    let pending = this.perCart.get(context);
    if (!pending) {
      pending = this.readCandidates(context);
      this.perCart.set(context, pending);
    }
    return { candidates: await pending };
  }

  private async readCandidates(context: PricingContext): Promise<Candidate<WalletCoupon>[]> {
    const at = context.at ?? this.now();
    const { merchantId } = context;
    const held = await this.coupons.usable(merchantId, context.memberId!, at);
    const missing = [...new Set(held.map((c) => c.template_id))].filter(
      (id) => !this.templateCache.has(`${merchantId}:${id}`),
    );
    if (this.templateCache.size > 50_000) this.templateCache.clear();
    for (const t of await this.coupons.templates(merchantId, missing))
      this.templateCache.set(`${merchantId}:${t.id}`, t);
    const coupons: WalletCoupon[] = held.map((c) => {
      const t = this.templateCache.get(`${merchantId}:${c.template_id}`)!;
      return {
        ...c,
        name: t.name,
        rules: t.rules,
        method: t.method,
        stacking: t.stacking,
        priority: t.priority,
        offline_only: t.offline_only,
        template_status: 'active',
      };
    });
    const needsFirst = coupons.some((c) => c.rules.firstPurchase);
    const first =
      context.firstPurchase ?? (needsFirst ? await this.firstPurchase(merchantId, context.memberId!) : false);
    const offer = offerContext(context, at, first);
    return coupons
      .filter((c) => contextMatches(c.rules, offer) && !(c.offline_only && context.channel === 'online'))
      .map((c) => ({
        offer: c,
        id: c.id,
        group: c.template_id,
        stacking: c.stacking,
        priority: c.priority,
        tieBreak: c.valid_until.getTime(),
        discounts: (lines) => discountsOf(c.rules, c.method, lines, c.value_fen),
      }));
  }

  private async activeTemplate(trx: Db, merchantId: string, templateId: string): Promise<CouponTemplate> {
    const template = await this.coupons.with(trx).lockTemplate(merchantId, templateId);
    if (!template) throw notFound('coupon_template_not_found', 'no such coupon template in this merchant');
    if (template.status !== 'active') throw conflict('coupon_template_paused', 'this coupon template is paused');
    return template;
  }

  /**
   * Issues coupons of a template (locked by the caller) to members: skips members at the template's per-member cap
   * and keys issued before. The validity is the template's window, or N days from now.
   */
  private async issue(
    trx: Db,
    template: CouponTemplate,
    memberIds: readonly string[],
    how: {
      source: CouponSource;
      keyOf: (memberId: string) => string;
      issuedBy: string | null;
      reason: string | null;
      valueFen?: number;
    },
  ): Promise<IssueResult> {
    const repo = this.coupons.with(trx);
    const at = this.now();
    const keys = new Map(memberIds.map((m) => [how.keyOf(m), m]));
    const earlier = new Set((await repo.byIssueKeys(template.merchant_id, [...keys.keys()])).map((c) => c.issue_key));
    const alreadyIssued = [...keys].filter(([key]) => earlier.has(key)).map(([, m]) => m);
    const fresh = memberIds.filter((m) => !earlier.has(how.keyOf(m)));
    const held =
      template.per_member_cap === null
        ? new Map<string, number>()
        : await repo.heldBy(template.merchant_id, template.id, fresh);
    const atCap = fresh.filter(
      (m) => template.per_member_cap !== null && (held.get(m) ?? 0) >= template.per_member_cap,
    );
    const validFrom = template.validity_kind === 'fixed' ? template.valid_from! : at;
    const validUntil =
      template.validity_kind === 'fixed'
        ? template.valid_until!
        : new Date(at.getTime() + template.valid_days! * DAY_MS);
    const issued = await repo.insertCoupons(
      fresh
        .filter((m) => !atCap.includes(m))
        .map((memberId) => ({
          merchant_id: template.merchant_id,
          id: randomUUID(),
          template_id: template.id,
          member_id: memberId,
          status: 'available' as const,
          value_fen: how.valueFen ?? null,
          valid_from: validFrom,
          valid_until: validUntil,
          source: how.source,
          issue_key: how.keyOf(memberId),
          issued_by: how.issuedBy,
          reason: how.reason,
          issued_at: at,
        })),
    );
    return { issued, alreadyIssued, atCap };
  }
}

function settingsOf(row: PromotionSettingsRow | undefined): PromotionSettings {
  if (!row) return { restoreCouponsOnRefund: false, welcomeTemplateId: null, redPacket: null };
  return {
    restoreCouponsOnRefund: row.restore_coupons_on_refund,
    welcomeTemplateId: row.welcome_template_id,
    redPacket: row.red_packet_template_id
      ? {
          templateId: row.red_packet_template_id,
          minFen: row.red_packet_min_fen,
          maxFen: row.red_packet_max_fen,
          budgetFen: row.red_packet_budget_fen,
          spentFen: row.red_packet_spent_fen,
        }
      : null,
  };
}
