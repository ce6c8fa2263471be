import { randomUUID } from 'node:crypto';
import type { FaceSession, Member } from '@shualian/db';
import type { DeviceActor } from '../../platform/actors.ts';
import {
  challengeAsShown,
  CHALLENGE_RULES,
  createColourChallenge,
  decideFromSuffix,
  type ColourChallenge,
  type ColourVerdict,
} from '../biometrics/index.ts';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import { decideForMember, decideFromFace, type Outcome, type Recognition, type StepUp } from './face-pay.policy.ts';
import {
  createHeadTurn,
  HEAD_TURN_RULES,
  verifyHeadTurn,
  type HeadTurnChallenge,
  type HeadTurnVerdict,
} from '../biometrics/index.ts';
import { strangerChanceTarget, type MerchantSettings, type MerchantSettingsService } from '../settings/index.ts';
import { maskName, maskPhone, normalisePhone, type MemberService } from '../members/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { FaceDataService } from '../biometrics/index.ts';
import { type FaceSessionRepository, STEP_UPS_WITH_PROBE } from './face-session.repository.ts';
import type { BiometricVault } from '../biometrics/index.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { PricingChoices, PricingPipeline } from './pricing/pricing-pipeline.ts';
import { greetable, greetingCoupons, type GreetingView, type PointsOutlook } from './face-greeting.ts';
import { cartLines, CART_RULES } from './cart-lines.ts';
import type { SessionPricing } from './face-session.schema.ts';
import type { PaymentAgreementService } from '../payments/index.ts';
import type { LineItem, PaymentResult, PaymentService, Verification } from '../payments/index.ts';
import type { ReceiptService } from '../payments/index.ts';
import { FirstLooks } from './first-looks.ts';
import { assessLiveness, type CapturedFrame } from '../biometrics/index.ts';
import { checkImages } from '../biometrics/index.ts';
import type { FrameAnalysis, MemberGallery, Recognizer } from '../biometrics/index.ts';
import type { AuditAction } from '../audit/index.ts';

export const FACE_SESSION_RULES = {
  ttlSeconds: 90,
  minFrames: 1,
  maxFrames: 16,
  maxQuantity: CART_RULES.maxQuantity,
  maxLines: CART_RULES.maxLines,
  candidates: 5,
} as const;

export { spread, type CapturedFrame } from '../biometrics/index.ts';

export interface SessionView {
  sessionId: string;
  status: FaceSession['status'];
  amountFen: number;
  items: LineItem[];
  expiresAt: string;
  stepUp: StepUp | null;
  reason: string | null;
  member: { maskedPhone: string; maskedName: string | null } | null;
  attemptsLeft: number;
  /** What the kiosk asks when `stepUp` is `head_turn`: the side and, in ms after it starts capturing, when. */
  headTurn: HeadTurnChallenge | null;
  /** How `amountFen` was reached; null for sessions opened before prices were kept with the session. */
  pricing: PricingView | null;
  /** What the recognised member is shown before they confirm (and on the paid screen); null before the face. */
  greeting: GreetingView | null;
}

export interface PricingView {
  subtotalFen: number;
  /** One per offer over the whole cart (an order-level coupon spread over its lines is one). */
  adjustments: Array<{ step: string; code: string; label: string; amountFen: number; sourceKind: string | null }>;
  totalFen: number;
  /** Priced for the recognised member; false: priced before the face was known. */
  forMember: boolean;
  memberTier: string | null;
}

/** The session's cart priced for the member the face decision names: what it weighs, and what the payment charges. */
interface MemberPrice {
  memberId: string;
  amountFen: number;
  items: LineItem[];
  pricing: SessionPricing;
}

interface SessionDecision {
  reason?: string;
  verification?: Verification;
  probe?: { keyVersion: number; ciphertext: string };
  colour?: ColourVerdict;
  headTurn?: HeadTurnChallenge;
  headTurnVerdict?: HeadTurnVerdict & { sameShopper: boolean; passiveLive: boolean };
  passiveLiveFrames?: number;
  topScore?: number;
  margin?: number;
  /** How likely a stranger was to score as high as the best candidate against the gallery at that moment. */
  strangerChance?: number;
  /** The probe came from frames that passed every quality gate. */
  clearFace?: boolean;
}

export interface FacePayDependencies {
  sessions: FaceSessionRepository;
  transactions: Transactions;
  recognizer: () => Promise<Recognizer>;
  gallery: MemberGallery;
  vault: BiometricVault;
  faceData: FaceDataService;
  agreements: PaymentAgreementService;
  payments: PaymentService;
  receipts: ReceiptService;
  members: MemberService;
  catalog: CatalogService;
  settings: MerchantSettingsService;
  audit: AuditService;
  pricing: PricingPipeline;
  /** The member's points for a cart (loyalty); absent: the greeting shows no points. */
  pointsOutlook?: PointsOutlook;
  now?: () => Date;
}

/** The checkout by face: a single-use session per order, the engine and policy, step-ups, and the payment. */
export class FacePayService {
  private readonly firstLooks: FirstLooks;
  private readonly sessions: FaceSessionRepository;
  private readonly transactions: Transactions;
  private readonly recognizer: () => Promise<Recognizer>;
  private readonly gallery: MemberGallery;
  private readonly vault: BiometricVault;
  private readonly faceData: FaceDataService;
  private readonly agreements: PaymentAgreementService;
  private readonly payments: PaymentService;
  private readonly receipts: ReceiptService;
  private readonly members: MemberService;
  private readonly catalog: CatalogService;
  private readonly merchantSettings: MerchantSettingsService;
  private readonly auditLog: AuditService;
  private readonly pricing: PricingPipeline;
  private readonly pointsOutlook: PointsOutlook | undefined;
  private readonly now: () => Date;

  constructor(dependencies: FacePayDependencies) {
    this.sessions = dependencies.sessions;
    this.transactions = dependencies.transactions;
    this.recognizer = dependencies.recognizer;
    this.gallery = dependencies.gallery;
    this.vault = dependencies.vault;
    this.faceData = dependencies.faceData;
    this.agreements = dependencies.agreements;
    this.payments = dependencies.payments;
    this.receipts = dependencies.receipts;
    this.members = dependencies.members;
    this.catalog = dependencies.catalog;
    this.merchantSettings = dependencies.settings;
    this.auditLog = dependencies.audit;
    this.pricing = dependencies.pricing;
    this.pointsOutlook = dependencies.pointsOutlook;
    this.now = dependencies.now ?? (() => new Date());
    this.firstLooks = new FirstLooks(FACE_SESSION_RULES.ttlSeconds * 1000, 1000, () => this.now().getTime());
  }

  async create(
    device: DeviceActor,
    input: { items: Array<{ productId: string; quantity: number }> },
  ): Promise<SessionView & { challenge: ColourChallenge }> {
    if (device.kind !== 'kiosk') throw forbidden('forbidden', 'only a checkout kiosk opens face-payment sessions');
    const settings = await this.settings(device.merchantId);
    if (settings.facePayKillSwitch)
      throw new DomainError('unavailable', 'face_pay_disabled', 'face payment is switched off for this merchant');
    const spoofFlags = await this.auditLog.deviceFlagsLastHour(device, 'face_pay.spoof_suspected');
    if (spoofFlags >= settings.maxSpoofFlagsPerDevicePerHour) {
      throw new DomainError(
        'unavailable',
        'device_under_review',
        'too many spoof attempts at this kiosk; face payment paused for review',
      );
    }
    // Priced before the face is known (memberId null): promotions for everyone apply, member-only ones and coupons
    // do not. The adjustments are kept with the session, so the payment spends exactly what this price used.
    const pricedAt = this.now();
    const {
      lines: items,
      totalFen: amountFen,
      adjustments,
    } = await this.pricing.price({
      merchantId: device.merchantId,
      storeId: device.storeId,
      memberId: null,
      at: pricedAt,
      lines: await cartLines(this.catalog, device.merchantId, input.items),
      choices: { couponIds: [] },
    });
    if (amountFen <= 0) throw invalid('amount_invalid', 'the cart total must be more than zero');
    const challenge = createColourChallenge();
    const session = await this.sessions.insert({
      merchantId: device.merchantId,
      id: randomUUID(),
      storeId: device.storeId,
      deviceId: device.deviceId,
      amountFen,
      items: items satisfies LineItem[],
      pricing: { at: pricedAt.toISOString(), adjustments },
      challenge,
      expiresAt: new Date(this.now().getTime() + FACE_SESSION_RULES.ttlSeconds * 1000),
    });
    return { ...(await this.view(session, settings)), challenge };
  }

  /**
   * The challenge's first frame, sent while the rest of the sequence is still flashing: analysed now, so that when
   * the frames arrive, the same bytes as their first need no second pass. Decides nothing.
   */
  async submitFirstLook(
    device: DeviceActor,
    sessionId: string,
    image: Buffer,
  ): Promise<{ sessionId: string; usable: boolean; reasons: string[] }> {
    const session = await this.open(device, sessionId, 'awaiting_frames');
    await checkImages([image], () => 'image');
    const recognizer = await this.recognizer();
    const analysis = await this.firstLooks.start(session.id, image, (bytes) => recognizer.analyze(bytes));
    return { sessionId: session.id, usable: analysis.usable, reasons: analysis.reasons };
  }

  /** `shownAtMs`: when the kiosk actually put each colour up, and took the flash down (see `challengeAsShown`). */
  async submitFrames(
    device: DeviceActor,
    sessionId: string,
    frames: CapturedFrame[],
    shownAtMs?: number[],
  ): Promise<SessionView> {
    const session = await this.open(device, sessionId, 'awaiting_frames');
    if (frames.length < FACE_SESSION_RULES.minFrames || frames.length > FACE_SESSION_RULES.maxFrames) {
      throw invalid(
        'frame_count_invalid',
        `send ${FACE_SESSION_RULES.minFrames} to ${FACE_SESSION_RULES.maxFrames} frames`,
      );
    }
    await checkImages(
      frames.map((f) => f.image),
      (i) => `frames[${i}].image`,
    );
    const scheduled = session.challenge as unknown as ColourChallenge;
    const challenge = shownAtMs ? challengeAsShown(scheduled, shownAtMs) : scheduled;
    if (!challenge) {
      throw invalid(
        'flash_times_invalid',
        `shownAtMs holds ${scheduled.steps.length + 1} times: 0 for the first colour, then each next colour and the end of the flash, in order, none before its schedule or more than ${CHALLENGE_RULES.maxShownLateMs} ms after it`,
      );
    }
    const settings = await this.settings(device.merchantId);
    const recognizer = await this.recognizer();
    const firstLook = this.firstLooks.take(session.id, frames[0]!.image);
    const { clear, usable, colour, passiveLiveFrames, live, headTurnAllowed } = await assessLiveness(
      recognizer,
      challenge,
      frames,
      { firstLook, headTurnWhenFlashNotVisible: settings.headTurnWhenFlashNotVisible },
    );

    const probe = recognizer.fuse(usable.map((a) => a.analysis.embedding!));
    const { outcome, search, matching, strangerChance, priced } = await this.decideFromProbe(
      device,
      session,
      settings,
      recognizer,
      probe,
      {
        passed: live,
        headTurnAllowed,
      },
      clear.length > 0,
    );
    const top = search.matches[0];
    const decision: SessionDecision = {
      colour,
      passiveLiveFrames,
      topScore: top?.score,
      margin: search.margin,
      strangerChance,
      clearFace: clear.length > 0,
    };
    // The face is sealed into the session only when a step-up will compare against it again.
    if (outcome.kind === 'step_up' && STEP_UPS_WITH_PROBE.includes(outcome.stepUp)) {
      decision.probe = await this.vault.encrypt(
        device.merchantId,
        new Uint8Array(probe.buffer, probe.byteOffset, probe.byteLength),
        `probe|${session.id}`,
      );
    }
    if (outcome.kind === 'step_up' && outcome.stepUp === 'head_turn') decision.headTurn = createHeadTurn();
    const updated = await this.apply(
      undefined,
      device,
      session,
      outcome,
      decision,
      matching,
      'face',
      'awaiting_frames',
      priced,
    );
    return this.view(updated, settings);
  }

  async verifyStepUp(
    device: DeviceActor,
    sessionId: string,
    answer: { phoneSuffix?: string; phone?: string; pin?: string },
  ): Promise<SessionView> {
    const session = await this.open(device, sessionId, 'step_up');
    const settings = await this.settings(device.merchantId);
    const decision = session.decision as SessionDecision;
    const expected = session.step_up as StepUp;
    const given =
      answer.phoneSuffix !== undefined
        ? 'phone_suffix'
        : answer.phone !== undefined
          ? 'full_phone'
          : answer.pin !== undefined
            ? 'pin'
            : undefined;
    if (given !== expected)
      throw invalid('step_up_mismatch', `this session asks for ${expected}`, { stepUp: expected });

    if (expected === 'pin') {
      const answered = await this.answer(device, session.id, 'pin', async (trx, locked) => {
        const wrong = await this.agreements.checkPin(trx, device.merchantId, locked.member_id!, answer.pin!);
        if (!wrong)
          return this.apply(
            trx,
            device,
            locked,
            { kind: 'approve', memberId: locked.member_id! },
            locked.decision as SessionDecision,
            [],
            'face+pin',
            'step_up',
          );
        if (wrong.code === 'pin_wrong' || wrong.code === 'pin_locked')
          return this.fail(trx, device, locked, settings, wrong.code);
        throw wrong;
      });
      return this.view(answered, settings);
    }

    const recognizer = await this.recognizer();
    let suffix: string;
    let fullPhone: string | undefined;
    if (expected === 'phone_suffix') {
      if (!/^\d{4}$/.test(answer.phoneSuffix!))
        throw invalid('phone_suffix_invalid', 'give the last 4 digits of the phone number');
      suffix = answer.phoneSuffix!;
    } else {
      fullPhone = normalisePhone(answer.phone!);
      suffix = fullPhone.slice(-4);
    }
    const vector = await this.openProbe(device, session, decision);
    let matching = this.gallery.search(device.merchantId, vector, {
      k: FACE_SESSION_RULES.candidates,
      phoneSuffix: suffix,
    }).matches;
    if (fullPhone) {
      const members = await this.members.findMany(
        device.merchantId,
        matching.map((m) => m.memberId),
      );
      const withPhone = new Set(members.filter((m) => m.phone === fullPhone).map((m) => m.id));
      matching = matching.filter((m) => withPhone.has(m.memberId));
    }
    const one = { templates: 1, members: 1 };
    const narrowed = decideFromSuffix(matching, recognizer.thresholds, (score) =>
      recognizer.strangerChance(score, one),
    );
    let decide: (trx: Db, locked: FaceSession) => Promise<FaceSession>;
    if (narrowed.kind === 'none') {
      decide = (trx, locked) => this.fail(trx, device, locked, settings, 'no_match_for_phone');
    } else if (narrowed.kind === 'ambiguous') {
      const outcome: Outcome = { kind: 'step_up', stepUp: 'full_phone', reason: 'several_members_match' };
      decide = (trx, locked) =>
        this.apply(
          trx,
          device,
          locked,
          outcome,
          locked.decision as SessionDecision,
          matching.map((m) => m.memberId),
          'face+phone_suffix',
          'step_up',
        );
    } else {
      const terms = await this.agreements.terms(device.merchantId, narrowed.memberId);
      // The digits name one member, and the cart is priced for them. Their face confirmed surely enough: their terms
      // decide on that price; only plausibly: their PIN.
      const priced = await this.priceFor(session, narrowed.memberId);
      const outcome: Outcome =
        narrowed.kind === 'identified'
          ? decideForMember(narrowed.memberId, priced?.amountFen ?? session.amount_fen, terms)
          : terms.pinSet
            ? { kind: 'step_up', stepUp: 'pin', memberId: narrowed.memberId, reason: 'face_not_certain' }
            : { kind: 'refuse', reason: 'pin_not_set' };
      const verification: Verification = fullPhone ? 'face+full_phone' : 'face+phone_suffix';
      decide = (trx, locked) =>
        this.apply(
          trx,
          device,
          locked,
          outcome,
          locked.decision as SessionDecision,
          [narrowed.memberId],
          verification,
          'step_up',
          priced,
        );
    }
    return this.view(await this.answer(device, session.id, expected, decide), settings);
  }

  /**
   * Carries out a step-up answer with the session's row locked and its state checked again: answers that arrive
   * together are decided one after another, each counting the failures before it, and none once the session was
   * answered, locked or expired. A PIN is hashed inside, so no more PINs are weighed than the rules allow; phone digits
   * are compared with the gallery before, and their result counts only if the session can still take it.
   */
  private answer(
    device: DeviceActor,
    sessionId: string,
    stepUp: StepUp,
    decide: (trx: Db, locked: FaceSession) => Promise<FaceSession>,
  ): Promise<FaceSession> {
    return this.transactions.run(async (trx) => {
      const locked = await this.sessions.with(trx).getForUpdate(device.merchantId, sessionId);
      this.assertUsable(device, locked, 'step_up');
      if (locked.step_up !== stepUp)
        throw conflict('face_session_wrong_state', `the session now asks for ${locked.step_up}`, {
          stepUp: locked.step_up,
        });
      return decide(trx, locked);
    });
  }

  /**
   * Frames taken while the kiosk asked for the head turn. The turn must follow the server's side and moment, the
   * frames before it must show the same shopper as the flash frames (against the sealed probe) and look live; then the
   * decision is taken again as if the flash had passed. Any miss is refused as a suspected spoof: a shopper can start
   * again, a photo learns nothing from a second try.
   */
  async submitHeadTurn(device: DeviceActor, sessionId: string, frames: CapturedFrame[]): Promise<SessionView> {
    const session = await this.open(device, sessionId, 'step_up');
    if (session.step_up !== 'head_turn')
      throw invalid('step_up_mismatch', `this session asks for ${session.step_up}`, { stepUp: session.step_up });
    if (frames.length < 1 || frames.length > HEAD_TURN_RULES.maxFrames)
      throw invalid('frame_count_invalid', `send 1 to ${HEAD_TURN_RULES.maxFrames} frames`);
    await checkImages(
      frames.map((f) => f.image),
      (i) => `frames[${i}].image`,
    );
    const settings = await this.settings(device.merchantId);
    const recognizer = await this.recognizer();
    const decision = session.decision as SessionDecision;
    const challenge = decision.headTurn!;
    const ordered = [...frames].sort((a, b) => a.atMs - b.atMs);

    // The shopper looks at the screen before the prompt: those frames identify them (the first clear one is enough).
    const frontal = ordered.filter((f) => f.atMs < challenge.turnAtMs);
    let identified: FrameAnalysis | undefined;
    const observations = [];
    for (const frame of ordered) {
      if (!identified?.usable && frontal.includes(frame)) {
        const analysis = await recognizer.analyze(frame.image);
        if (!identified || analysis.usable) identified = analysis;
        observations.push({
          atMs: frame.atMs,
          faceCount: analysis.faceCount,
          turn: analysis.turn,
          landmarks: analysis.landmarks,
        });
      } else {
        observations.push({ atMs: frame.atMs, ...(await recognizer.headPose(frame.image)) });
      }
    }
    // The parallax check rides along; it refuses only where the merchant has turned it on (see merchant-settings.ts).
    const verdict = verifyHeadTurn(challenge, observations, { requireParallax: settings.headTurnParallax });
    const probe = await this.openProbe(device, session, decision);
    const sameShopper = Boolean(
      identified?.usable &&
      identified.embedding &&
      recognizer.similarity(identified.embedding, probe) >= recognizer.thresholds.match,
    );
    const passiveLive = Boolean(identified?.passiveLive);
    const next: SessionDecision = { ...decision, headTurnVerdict: { ...verdict, sameShopper, passiveLive } };
    if (!verdict.passed || !sameShopper || !passiveLive) {
      return this.view(
        await this.apply(
          undefined,
          device,
          session,
          { kind: 'refuse', reason: 'spoof_suspected' },
          next,
          session.candidates as string[],
          'face',
          'step_up',
        ),
        settings,
      );
    }

    const { outcome, matching, priced } = await this.decideFromProbe(
      device,
      session,
      settings,
      recognizer,
      probe,
      { passed: true },
      decision.clearFace ?? true,
    );
    return this.view(
      await this.apply(undefined, device, session, outcome, next, matching, 'face', 'step_up', priced),
      settings,
    );
  }

  /**
   * The member's choices on the greeting: which of their coupons to use and how many points to redeem. The cart is
   * priced again with them, and the decision weighs the new amount as it weighed the first: within the 免密 terms the
   * session stays approved, above them it asks for the PIN (and comes back to approved when the amount falls within
   * again). A PIN already answered covers any amount; a face only plausibly theirs still asks for it. A choice that
   * would need a PIN the member never set is refused (`choice_needs_pin`) and the session keeps its price.
   */
  async choose(device: DeviceActor, sessionId: string, choices: Required<PricingChoices>): Promise<SessionView> {
    const session = await this.find(device, sessionId);
    this.assertUsable(device, session, session.status === 'step_up' ? 'step_up' : 'approved');
    if (!greetable(session))
      throw conflict('face_session_wrong_state', 'this session does not offer the member a choice now', {
        status: session.status,
      });
    const memberId = session.member_id!;
    const at = this.now();
    const quoted = await this.pricing.quote({
      merchantId: session.merchant_id,
      storeId: session.store_id,
      memberId,
      at,
      lines: (session.items as Array<LineItem & { category?: string | null }>).map(
        ({ lineTotalFen: _total, ...line }) => line,
      ),
      choices,
    });
    if (quoted.totalFen <= 0) throw invalid('amount_invalid', 'the cart total must stay above zero');
    const decision = session.decision as SessionDecision;
    let outcome: Outcome;
    if (decision.verification === 'face+pin') outcome = { kind: 'approve', memberId };
    else {
      outcome = decideForMember(memberId, quoted.totalFen, await this.agreements.terms(device.merchantId, memberId));
      if (outcome.kind === 'refuse')
        throw conflict('choice_needs_pin', 'this amount is above the 免密 limit and the member has no payment PIN');
    }
    const settings = await this.settings(device.merchantId);
    const updated = await this.transactions.run(async (trx) => {
      const locked = await this.sessions.with(trx).getForUpdate(device.merchantId, session.id);
      this.assertUsable(device, locked, session.status);
      if (locked.pricing?.at !== session.pricing?.at || locked.step_up !== session.step_up)
        throw conflict('face_session_wrong_state', 'the session changed meanwhile; read it again');
      const next = await this.sessions.with(trx).transition(device.merchantId, session.id, session.status, {
        status: outcome.kind === 'approve' ? 'approved' : 'step_up',
        stepUp: outcome.kind === 'step_up' ? outcome.stepUp : null,
        decision: { ...decision, reason: outcome.kind === 'step_up' ? outcome.reason : undefined },
        priced: {
          amountFen: quoted.totalFen,
          items: quoted.lines,
          pricing: {
            at: at.toISOString(),
            adjustments: quoted.adjustments,
            memberId,
            memberTier: quoted.memberTier,
            unapplied: quoted.unapplied,
            choices,
          },
        },
      });
      if (!next) throw conflict('face_session_wrong_state', 'the session changed meanwhile; read it again');
      return next;
    });
    return this.view(updated, settings);
  }

  /**
   * Charges the member the session identified; once per session, once per idempotency key.
   *
   * A session whose face named the member was priced for them then (`priceFor`), and the decision weighed that price:
   * the payment charges it. What it used (a coupon, a promotion's budget) is spent in the payment's transaction
   * (`settle`); when it is gone by then (`coupon_unavailable`, `promotion_limit_reached`, …) the payment is refused
   * and writes nothing, and the shopper starts again.
   *
   * A session approved before prices were decided with the face (its price made before the face was known) is priced
   * again for the member here, before the payment's transaction, and charged that price when it is not higher than
   * the amount the decision weighed; otherwise its own price.
   */
  async pay(device: DeviceActor, input: { faceSessionId: string; idempotencyKey: string }): Promise<PaymentResult> {
    const forMember = await this.priceForMember(device, input.faceSessionId);
    return this.transactions.once(
      {
        merchantId: device.merchantId,
        scope: 'payment',
        key: input.idempotencyKey,
        request: { ...input, deviceId: device.deviceId },
      },
      async (trx) => {
        const session = await this.sessions.with(trx).getForUpdate(device.merchantId, input.faceSessionId);
        this.assertUsable(device, session, 'approved');
        // With the member's row locked, a face-data deletion or consent withdrawal is either done (and the face that
        // approved this session gone) or waits until this payment commits.
        await this.members.lock(trx, device.merchantId, session.member_id!);
        if (!(await this.faceData.hasFaceData(device.merchantId, session.member_id!, trx)))
          throw conflict(
            'face_data_deleted',
            'the member’s face data was deleted after this session was approved; pay another way',
          );
        const decision = session.decision as SessionDecision;
        const usable =
          forMember &&
          forMember.memberId === session.member_id &&
          forMember.decidedOnFen === session.amount_fen &&
          forMember.cart.totalFen > 0 &&
          forMember.cart.totalFen <= session.amount_fen;
        const amountFen = usable ? forMember.cart.totalFen : session.amount_fen;
        const items = usable ? forMember.cart.lines : (session.items as LineItem[]);
        const pricing: SessionPricing | null = usable
          ? { at: forMember.at.toISOString(), adjustments: forMember.cart.adjustments, memberId: forMember.memberId }
          : session.pricing;
        const result = await this.payments.charge(trx, {
          merchantId: device.merchantId,
          storeId: session.store_id,
          deviceId: device.deviceId,
          memberId: session.member_id!,
          faceSessionId: session.id,
          amountFen,
          items,
          verification: decision.verification ?? 'face',
          discounts: pricing
            ? pricingView(pricing, items, amountFen).adjustments.map(({ label, amountFen, step, sourceKind }) => ({
                label,
                amountFen,
                step,
                sourceKind,
              }))
            : [],
        });
        // What the price used (promotion budgets and limits, coupons) is spent here, with the payment, or it fails.
        if (pricing) {
          await this.pricing.settle(
            trx,
            {
              merchantId: device.merchantId,
              storeId: session.store_id,
              memberId: session.member_id,
              at: new Date(pricing.at),
              lines: items,
              // priced for the member: their best offers or what they chose; before the face: none of theirs
              choices: pricing.memberId ? (pricing.choices ?? {}) : { couponIds: [] },
            },
            { lines: items, adjustments: pricing.adjustments, totalFen: amountFen },
            result.paymentId,
          );
        }
        const { probe: _probe, ...kept } = decision;
        await this.sessions
          .with(trx)
          .markPaid(device.merchantId, session.id, result.paymentId, kept, { amountFen, items, pricing });
        return result;
      },
    );
  }

  /**
   * The session's cart priced for the member the face names, with their best offers (tier, promotions, coupons; no
   * points): a quote, it writes nothing. Null (the session keeps its price) when the session was opened before prices
   * were kept with it, is already priced for this member, or the member's price is not above zero.
   */
  private async priceFor(session: FaceSession, memberId: string): Promise<MemberPrice | null> {
    if (!session.pricing || session.pricing.memberId === memberId) return null;
    const at = this.now();
    const quoted = await this.pricing.quote({
      merchantId: session.merchant_id,
      storeId: session.store_id,
      memberId,
      at,
      lines: (session.items as Array<LineItem & { category?: string | null }>).map(
        ({ lineTotalFen: _total, ...line }) => line,
      ),
    });
    if (quoted.totalFen <= 0) return null;
    return {
      memberId,
      amountFen: quoted.totalFen,
      items: quoted.lines,
      pricing: {
        at: at.toISOString(),
        adjustments: quoted.adjustments,
        memberId,
        memberTier: quoted.memberTier,
        unapplied: quoted.unapplied,
      },
    };
  }

  /** The approved session's cart priced for its member, read before the payment's transaction; null otherwise. */
  private async priceForMember(device: DeviceActor, sessionId: string) {
    const session = await this.sessions.get(device.merchantId, sessionId);
    if (!session || session.device_id !== device.deviceId || session.status !== 'approved') return null;
    if (!session.member_id || !session.pricing || session.pricing.memberId) return null;
    const at = this.now();
    const lines = (session.items as Array<LineItem & { category?: string | null }>).map(
      ({ lineTotalFen: _total, ...line }) => line,
    );
    const cart = await this.pricing.price({
      merchantId: device.merchantId,
      storeId: session.store_id,
      memberId: session.member_id,
      at,
      lines,
    });
    return { memberId: session.member_id, decidedOnFen: session.amount_fen, at, cart };
  }

  async get(device: DeviceActor, sessionId: string): Promise<SessionView> {
    const session = await this.find(device, sessionId);
    return this.view(session, await this.settings(device.merchantId));
  }

  /**
   * Removes sealed probes no step-up will compare against any more: those of expired sessions, and any a crash left in
   * a session that ended. Run periodically; returns how many were removed.
   */
  sweepSealedProbes(): Promise<number> {
    return this.sessions.sweepProbes(this.now());
  }

  /** Writes an outcome; `trx` is the caller's transaction when it holds the session's lock. */
  private async apply(
    trx: Db | undefined,
    device: DeviceActor,
    session: FaceSession,
    outcome: Outcome,
    decision: SessionDecision,
    candidates: string[],
    verification: Verification,
    from: FaceSession['status'],
    priced?: MemberPrice | null,
  ): Promise<FaceSession> {
    const status: FaceSession['status'] =
      outcome.kind === 'approve' ? 'approved' : outcome.kind === 'step_up' ? 'step_up' : 'refused';
    const memberId =
      outcome.kind === 'approve'
        ? outcome.memberId
        : outcome.kind === 'step_up'
          ? (outcome.memberId ?? session.member_id)
          : session.member_id;
    const next: SessionDecision = {
      ...decision,
      verification,
      reason: outcome.kind === 'approve' ? undefined : outcome.reason,
    };
    if (!(outcome.kind === 'step_up' && STEP_UPS_WITH_PROBE.includes(outcome.stepUp))) delete next.probe;
    const updated = await (trx ? this.sessions.with(trx) : this.sessions).transition(
      device.merchantId,
      session.id,
      from,
      {
        status,
        memberId: memberId ?? null,
        stepUp: outcome.kind === 'step_up' ? outcome.stepUp : null,
        candidates,
        decision: next,
        // The member's price is kept only when the outcome names that member (approved, or asked for their PIN).
        ...(priced && memberId === priced.memberId && outcome.kind !== 'refuse' && { priced }),
      },
    );
    if (!updated) throw conflict('face_session_used', 'this face session was already answered');
    if (outcome.kind === 'step_up')
      await this.audit(trx, device, 'face_pay.step_up', session.id, { stepUp: outcome.stepUp, reason: outcome.reason });
    if (outcome.kind === 'refuse') {
      const action = outcome.reason === 'spoof_suspected' ? 'face_pay.spoof_suspected' : 'face_pay.refused';
      await this.audit(trx, device, action, session.id, {
        reason: outcome.reason,
        colour: decision.colour,
        passiveLiveFrames: decision.passiveLiveFrames,
        headTurn: decision.headTurnVerdict,
      });
    }
    return updated;
  }

  /**
   * A wrong step-up answer, written in the caller's transaction with the session's row locked (so `session` holds the
   * count as it stands); too many lock the session, take the sealed probe, and tell the member it happened.
   */
  private async fail(
    trx: Db,
    device: DeviceActor,
    session: FaceSession,
    settings: MerchantSettings,
    reason: string,
  ): Promise<FaceSession> {
    const failures = session.failed_attempts + 1;
    const locked = failures >= settings.maxStepUpFailures || reason === 'pin_locked';
    const next: SessionDecision = { ...(session.decision as SessionDecision), reason };
    if (locked) delete next.probe;
    const updated = await this.sessions.with(trx).transition(device.merchantId, session.id, 'step_up', {
      status: locked ? 'locked' : 'step_up',
      failedAttempts: failures,
      decision: next,
    });
    if (!updated) throw conflict('face_session_used', 'this face session was already answered');
    if (locked) {
      await this.audit(trx, device, 'face_pay.locked', session.id, { reason, failures });
      const notify = session.member_id ?? (session.candidates as string[])[0];
      if (notify) {
        await this.receipts.post(trx, {
          merchantId: device.merchantId,
          memberId: notify,
          kind: 'notice',
          body: {
            notice: 'face_pay_locked',
            storeId: session.store_id,
            at: this.now().toISOString(),
            message: '有人多次验证失败，刷脸付款已拒绝。如非本人操作，请修改支付密码。',
          },
        });
      }
    }
    return updated;
  }

  /** The members the face may be, and what the policy makes of them with the liveness found. */
  private async decideFromProbe(
    device: DeviceActor,
    session: FaceSession,
    settings: MerchantSettings,
    recognizer: Recognizer,
    probe: Float32Array,
    liveness: Recognition['liveness'],
    clearFace: boolean,
  ) {
    const search = this.gallery.search(device.merchantId, probe, { k: FACE_SESSION_RULES.candidates });
    const top = search.matches[0];
    const topTerms = top ? await this.agreements.terms(device.merchantId, top.memberId) : undefined;
    const stepUps = await this.auditLog.deviceFlagsLastHour(device, 'face_pay.step_up');
    const identity = recognizer.identify(
      search,
      this.gallery.extent(device.merchantId),
      strangerChanceTarget(settings),
    );
    // A face sure enough to pay by is priced for its member first: the 免密 limits and step-ups weigh their price.
    const priced =
      liveness.passed && identity.decision === 'pay' && identity.member
        ? await this.priceFor(session, identity.member)
        : null;
    const outcome = decideFromFace(
      { liveness, identity, clearFace },
      priced?.amountFen ?? session.amount_fen,
      () => topTerms!,
      { forceStepUp: stepUps >= settings.maxStepUpsPerDevicePerHour },
    );
    const matching = search.matches.filter((m) => m.score >= recognizer.thresholds.stepUp).map((m) => m.memberId);
    return { outcome, search, matching, strangerChance: identity.strangerChance, priced };
  }

  /** The face template of the session's flash frames, sealed in the decision until the session ends. */
  private async openProbe(device: DeviceActor, session: FaceSession, decision: SessionDecision): Promise<Float32Array> {
    const probe = await this.vault.decrypt(
      device.merchantId,
      decision.probe!.keyVersion,
      decision.probe!.ciphertext,
      `probe|${session.id}`,
    );
    return new Float32Array(probe.buffer.slice(probe.byteOffset, probe.byteOffset + probe.byteLength));
  }

  private async open(device: DeviceActor, sessionId: string, status: FaceSession['status']): Promise<FaceSession> {
    const session = await this.find(device, sessionId);
    this.assertUsable(device, session, status);
    return session;
  }

  private assertUsable(
    device: DeviceActor,
    session: FaceSession | undefined,
    status: FaceSession['status'],
  ): asserts session is FaceSession {
    if (!session || session.device_id !== device.deviceId)
      throw notFound('face_session_not_found', 'no such face session at this kiosk');
    if (session.status === 'paid') throw conflict('face_session_used', 'this face session has already paid');
    if (session.status === 'locked')
      throw new DomainError(
        'forbidden',
        'face_session_locked',
        'too many failed answers; start again or pay another way',
      );
    if (session.status === 'refused')
      throw conflict('face_session_refused', 'this face session was refused; start a new one');
    if (session.expires_at.getTime() <= this.now().getTime())
      throw new DomainError('gone', 'face_session_expired', 'the face session has expired; start again');
    if (session.status !== status)
      throw conflict('face_session_wrong_state', `the session is ${session.status}, not ${status}`, {
        status: session.status,
      });
  }

  private async find(device: DeviceActor, sessionId: string): Promise<FaceSession> {
    const session = await this.sessions.get(device.merchantId, sessionId);
    if (!session || session.device_id !== device.deviceId)
      throw notFound('face_session_not_found', 'no such face session at this kiosk');
    return session;
  }

  private async view(session: FaceSession, settings: MerchantSettings): Promise<SessionView> {
    let member: Member | undefined;
    if (
      session.member_id &&
      (session.status === 'approved' || session.status === 'step_up' || session.status === 'paid')
    ) {
      member = await this.members.find(session.merchant_id, session.member_id);
    }
    const decision = session.decision as SessionDecision;
    return {
      sessionId: session.id,
      status: session.status,
      amountFen: session.amount_fen,
      items: session.items as LineItem[],
      expiresAt: session.expires_at.toISOString(),
      stepUp: session.status === 'step_up' ? (session.step_up as StepUp) : null,
      reason: decision.reason ?? null,
      member: member ? { maskedPhone: maskPhone(member.phone), maskedName: maskName(member.display_name) } : null,
      // a PIN locked for the member locks the session before its own count runs out
      attemptsLeft: session.status === 'locked' ? 0 : Math.max(0, settings.maxStepUpFailures - session.failed_attempts),
      headTurn: session.status === 'step_up' && session.step_up === 'head_turn' ? (decision.headTurn ?? null) : null,
      pricing: session.pricing ? pricingView(session.pricing, session.items as LineItem[], session.amount_fen) : null,
      greeting: await this.greeting(session),
    };
  }

  private async greeting(session: FaceSession): Promise<GreetingView | null> {
    const pricing = session.pricing;
    const choosable = greetable(session);
    if (!pricing?.memberId || !(choosable || session.status === 'paid')) return null;
    const lines = session.items as Array<LineItem & { category?: string | null }>;
    // The decision is written by now: points the loyalty module cannot tell at this moment leave the greeting without
    // them rather than failing the answer the kiosk waits for.
    const points = this.pointsOutlook
      ? await this.pointsOutlook({
          merchantId: session.merchant_id,
          memberId: pricing.memberId,
          storeId: session.store_id,
          at: new Date(pricing.at),
          lines: lines.map(({ lineTotalFen: _total, ...line }) => line),
          adjustments: pricing.adjustments,
          totalFen: session.amount_fen,
        }).catch(() => null)
      : null;
    return { memberTier: pricing.memberTier ?? null, coupons: greetingCoupons(pricing), points, choosable };
  }

  private settings(merchantId: string): Promise<MerchantSettings> {
    return this.merchantSettings.of(merchantId);
  }

  private audit(
    trx: Db | undefined,
    device: DeviceActor,
    action: AuditAction,
    sessionId: string,
    details: Record<string, unknown>,
  ) {
    return this.auditLog.record(
      {
        merchantId: device.merchantId,
        actorType: 'device',
        actorId: device.deviceId,
        action,
        targetType: 'face_session',
        targetId: sessionId,
        details,
      },
      trx,
    );
  }
}

/**
 * What checkout does when a member's face data is deleted: their open face sessions end (refused) and no session
 * that names them keeps a sealed probe. Biometrics runs it inside its deleting transaction; the container wires it.
 */
export function endFaceSessionsOnDeletion(sessions: FaceSessionRepository, now: () => Date = () => new Date()) {
  return (trx: Db, merchantId: string, memberId: string): Promise<number> =>
    sessions.with(trx).endForMember(merchantId, memberId, now());
}

/** What the shopper reads for adjustments their step gives no label. */
const UNLABELLED: Record<string, string> = { member_price: '会员价' };

/** The session's price as the kiosk shows it: list subtotal, each offer once over the whole cart, the total. */
function pricingView(pricing: SessionPricing, items: LineItem[], totalFen: number): PricingView {
  const adjustments = new Map<string, PricingView['adjustments'][number]>();
  for (const a of pricing.adjustments) {
    const key = JSON.stringify([a.step, a.code, a.label ?? null, a.source?.kind ?? null, a.source?.id ?? null]);
    const seen = adjustments.get(key);
    if (seen) seen.amountFen += a.amountFen;
    else
      adjustments.set(key, {
        step: a.step,
        code: a.code,
        label: a.label ?? UNLABELLED[a.code] ?? a.code,
        amountFen: a.amountFen,
        sourceKind: a.source?.kind ?? null,
      });
  }
  return {
    subtotalFen: items.reduce((sum, item) => sum + item.unitPriceFen * item.quantity, 0),
    adjustments: [...adjustments.values()].filter((a) => a.amountFen !== 0),
    totalFen,
    forMember: Boolean(pricing.memberId),
    memberTier: pricing.memberTier ?? null,
  };
}
