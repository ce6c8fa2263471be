import { hkdfSync, randomBytes } from 'node:crypto';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Config } from './platform/config.ts';
import { RateCounterRepository } from './platform/db/rate-counter.repository.ts';
import { Transactions } from './platform/db/transactions.ts';
import { DeadLetterService, OutboxRepository } from './platform/outbox/index.ts';
import { AuditService } from './modules/audit/index.ts';
import { AuditRepository } from './modules/audit/audit.repository.ts';
import {
  BiometricVault,
  FaceCheckService,
  FaceDataService,
  LivenessCaptureService,
  type MemberGallery,
  type Recognizer,
} from './modules/biometrics/index.ts';
import { DataKeyRepository } from './modules/biometrics/data-key.repository.ts';
import { FaceTemplateRepository } from './modules/biometrics/face-template.repository.ts';
import { LivenessCaptureRepository } from './modules/biometrics/liveness/liveness-capture.repository.ts';
import { CatalogService } from './modules/catalog/index.ts';
import { ProductRepository } from './modules/catalog/product.repository.ts';
import {
  endFaceSessionsOnDeletion,
  FacePayService,
  memberPriceStep,
  PricingPipeline,
  QuoteService,
} from './modules/checkout/index.ts';
import { FaceSessionRepository } from './modules/checkout/face-session.repository.ts';
import { ConsentRegister, ConsentService } from './modules/consent/index.ts';
import { ConsentRepository } from './modules/consent/consent.repository.ts';
import { DeviceService } from './modules/devices/index.ts';
import { DeviceRepository } from './modules/devices/device.repository.ts';
import { LedgerService, WalletService } from './modules/ledger/index.ts';
import { LedgerRepository } from './modules/ledger/ledger.repository.ts';
import {
  BirthdayGiftService,
  TierUpgradeGiftService,
  LoyaltyProgramService,
  MemberCardService,
  PointsService,
  pointsRedemptionStep,
  type TierCoupons,
  type PointsBoost,
  StoredValueService,
  tierDiscountStep,
} from './modules/loyalty/index.ts';
import { LoyaltyRepository } from './modules/loyalty/loyalty.repository.ts';
import { StoredValuePlanRepository } from './modules/loyalty/stored-value-plan.repository.ts';
import {
  DeveloperOutboxSender,
  MemberListService,
  MemberService,
  OtpService,
  type SmsSender,
} from './modules/members/index.ts';
import { MemberRepository } from './modules/members/member.repository.ts';
import { OtpRepository } from './modules/members/otp.repository.ts';
import { PaymentAgreementService, PaymentService, ReceiptService } from './modules/payments/index.ts';
import { DoorAccessService, DoorKeys, HttpDoorRelay } from './modules/door-access/index.ts';
import { DoorRepository } from './modules/door-access/door.repository.ts';
import { EntranceService, PresenceFeed, PresenceService } from './modules/presence/index.ts';
import { VisitRepository } from './modules/presence/visit.repository.ts';
import { PaymentAgreementRepository } from './modules/payments/payment-agreement.repository.ts';
import { PaymentRepository } from './modules/payments/payment.repository.ts';
import { ReceiptRepository } from './modules/payments/receipt.repository.ts';
import { CouponService, PromotionService, promotionPricingSteps } from './modules/promotions/index.ts';
import { CouponRepository } from './modules/promotions/coupon.repository.ts';
import { PromotionRepository } from './modules/promotions/promotion.repository.ts';
import { MerchantSettingsService } from './modules/settings/index.ts';
import { MerchantSettingsRepository } from './modules/settings/merchant-settings.repository.ts';
import { AuthService, StaffService, TenancyAdminService, TenancyService } from './modules/tenancy/index.ts';
import { StaffRepository } from './modules/tenancy/staff.repository.ts';
import { TenancyRepository } from './modules/tenancy/tenancy.repository.ts';

export interface Services {
  /** One database transaction for work that spans modules' services (the demo seed). */
  transactions: Transactions;
  /** Per-window counters (SMS, identify-by-photo); the server sweeps windows that limit nothing any more. */
  rateCounters: RateCounterRepository;
  auth: AuthService;
  tenancy: TenancyService;
  tenancyAdmin: TenancyAdminService;
  staff: StaffService;
  devices: DeviceService;
  catalog: CatalogService;
  audit: AuditService;
  merchantSettings: MerchantSettingsService;
  members: MemberService;
  memberList: MemberListService;
  ledger: LedgerService;
  wallets: WalletService;
  payments: PaymentService;
  receipts: ReceiptService;
  vault: BiometricVault;
  consents: ConsentService;
  faceData: FaceDataService;
  agreements: PaymentAgreementService;
  facePay: FacePayService;
  /** Prices carts for quotes and payments: the member price, the tier's discount, promotions, coupons, points. */
  pricing: PricingPipeline;
  quotes: QuoteService;
  promotions: PromotionService;
  coupons: CouponService;
  faceCheck: FaceCheckService;
  livenessCaptures: LivenessCaptureService;
  gallery: MemberGallery;
  recognizer: () => Promise<Recognizer>;
  deadLetters: DeadLetterService;
  loyaltyProgram: LoyaltyProgramService;
  memberCards: MemberCardService;
  points: PointsService;
  storedValue: StoredValueService;
  /** The tier's birthday coupon and points, once a year (the hourly job). */
  birthdayGifts: BirthdayGiftService;
  /** The tier's coupon to the member who reaches it (on loyalty.tier_changed). */
  tierUpgradeGifts: TierUpgradeGiftService;
  /** Member-only doors: signed open commands to their relays, the cameras that watch them, the doors' trail. */
  doorAccess: DoorAccessService;
  /** The store entrance: cameras' crops counted into visits (the in-memory tracker), camera roles, the sweeps. */
  entrance: EntranceService;
  /** Who is in a store now, and its traffic. */
  presence: PresenceService;
}

export interface ServiceOptions {
  now?: () => Date;
  sms?: SmsSender;
  masterKey?: Buffer;
  /** Face recognition and the member galleries; the server passes the engine-backed ones. */
  recognizer: () => Promise<Recognizer>;
  gallery: MemberGallery;
}

/**
 * The one place that knows how the server is assembled: repositories are built here on the database and handed to
 * the services that own them (constructor injection); services reach other modules through their services only.
 * Modules are built bottom-up (audit, tenancy, settings, … checkout), so no service needs a late lookup.
 */
export function createServices(db: Kysely<Database>, config: Config, options: ServiceOptions): Services {
  const now = options.now ?? (() => new Date());
  const { recognizer, gallery } = options;
  const transactions = new Transactions(db);
  const counters = new RateCounterRepository(db);

  const tenancyRecords = new TenancyRepository(db);
  const tenancy = new TenancyService(tenancyRecords);
  const audit = new AuditService(new AuditRepository(db), tenancy, now);
  const staffAccounts = new StaffRepository(db);

  const merchantSettings = new MerchantSettingsService(
    new MerchantSettingsRepository(db),
    transactions,
    tenancy,
    audit,
    {
      activationCodeTtlHours: config.activationCodeTtlHours,
      deviceOfflineAfterSeconds: config.deviceOfflineAfterSeconds,
    },
    (merchantId) => gallery.extent(merchantId),
  );
  const devices = new DeviceService(
    new DeviceRepository(db),
    tenancy,
    audit,
    {
      clockSkewSeconds: config.deviceClockSkewSeconds,
      offlineAfterSeconds: config.deviceOfflineAfterSeconds,
      activationCodeTtlHours: config.activationCodeTtlHours,
    },
    now,
  );
  const catalog = new CatalogService(new ProductRepository(db), transactions, tenancy, audit);

  const otp = new OtpService(
    new OtpRepository(db),
    counters,
    transactions,
    options.sms ?? new DeveloperOutboxSender(db),
    now,
    {
      perPhonePerHour: config.smsPerPhonePerHour,
      perAddressPerHour: config.smsPerAddressPerHour,
      perMerchantPerHour: config.smsPerMerchantPerHour,
    },
  );
  const memberRecords = new MemberRepository(db);
  const members = new MemberService(memberRecords, otp, tenancy, transactions, audit, now);

  const ledgerRecords = new LedgerRepository(db);
  const loyaltyRecords = new LoyaltyRepository(db);
  // The ledger asks the loyalty programme which part of stored value (principal or bonus) a payment spends first.
  const ledger = new LedgerService(
    ledgerRecords,
    async (trx, merchantId) => (await loyaltyRecords.with(trx).program(merchantId)).spending_order,
  );
  const receipts = new ReceiptService(new ReceiptRepository(db));
  const paymentRecords = new PaymentRepository(db);
  const agreementRecords = new PaymentAgreementRepository(db);
  const payments = new PaymentService(
    paymentRecords,
    agreementRecords,
    transactions,
    tenancy,
    members,
    ledger,
    receipts,
    audit,
    now,
  );
  const wallets = new WalletService(ledgerRecords, ledger, transactions, tenancy, members, audit, receipts);
  const agreements = new PaymentAgreementService(
    agreementRecords,
    paymentRecords,
    transactions,
    merchantSettings,
    audit,
    now,
  );

  // Promotions and coupons: rules targeting a first purchase ask whether the member has paid before.
  // A payment already made (points promotions weigh the cart as it was paid) was the first when it is the earliest.
  const firstPurchase = async (merchantId: string, memberId: string, paymentId?: string) =>
    paymentId
      ? (await paymentRecords.firstOf(merchantId, memberId)) === paymentId
      : (await paymentRecords.memberTotals(merchantId, memberId, new Date(0))).count === 0;
  const promotions = new PromotionService(
    new PromotionRepository(db),
    transactions,
    tenancy,
    catalog,
    audit,
    firstPurchase,
    now,
  );
  const coupons = new CouponService(
    new CouponRepository(db),
    transactions,
    tenancy,
    catalog,
    members,
    audit,
    firstPurchase,
    now,
  );
  const promotionSteps = promotionPricingSteps({ promotions, coupons });
  const masterKey = options.masterKey ?? config.masterKey ?? randomBytes(32);
  const vault = new BiometricVault(new DataKeyRepository(db), masterKey);
  const memberCards = new MemberCardService(
    loyaltyRecords,
    transactions,
    members,
    ledger,
    tenancy,
    // Member card QR codes are signed with a key of their own, derived from the master key.
    Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shualian member card qr', 32)),
    now,
  );
  // Points promotions (双倍积分) boost what a payment earns: loyalty asks through its port, promotions answer.
  const pointsBoost: PointsBoost = (cart) => promotions.pointsBoostFor(cart);
  const points = new PointsService(
    loyaltyRecords,
    transactions,
    members,
    ledger,
    memberCards,
    tenancy,
    audit,
    pointsBoost,
    now,
  );
  // What each step sees is what the steps before it left: the member price, the tier's discount on it, promotions
  // (满减 thresholds read the discounted cart), coupons, and last points as money off what is left to pay.
  const pricing = new PricingPipeline(
    [
      memberPriceStep,
      tierDiscountStep(memberCards),
      promotionSteps.promotions,
      promotionSteps.coupons,
      pointsRedemptionStep(points, loyaltyRecords),
    ],
    {
      // Promotions and coupons may target a tier: the loyalty card tells it.
      shopper: async (merchantId, memberId) => ({
        tier: (await memberCards.tierOf(merchantId, memberId))?.name ?? null,
      }),
    },
  );
  // A tier's birthday and upgrade coupons are coupon templates: loyalty names them, promotions checks and issues them.
  const tierCoupons: TierCoupons = {
    templatesAmong: (merchantId, templateIds) => coupons.templatesAmong(merchantId, templateIds),
    give: (trx, input) => coupons.giveOnOccasion(trx, input),
  };
  const faceSessions = new FaceSessionRepository(db);
  const consentRecords = new ConsentRepository(db);
  const consentRegister = new ConsentRegister(consentRecords);
  // The entrance (built further down the graph) is told when a member's face or entrance consent goes, to forget
  // them at once, and when a consent is given, to read who consents afresh.
  const entranceRef: { current?: EntranceService } = {};
  // Biometrics reads consent through the register and ends face sessions through checkout's hook; neither calls back.
  const faceData = new FaceDataService({
    templates: new FaceTemplateRepository(db),
    transactions,
    recognizer,
    gallery,
    vault,
    consents: consentRegister,
    members,
    settings: merchantSettings,
    audit,
    endFaceSessions: endFaceSessionsOnDeletion(faceSessions, now),
    faceDeleted: (merchantId, memberId) => entranceRef.current?.forgetMember(merchantId, memberId),
    now,
  });
  const consents = new ConsentService(
    consentRecords,
    consentRegister,
    transactions,
    faceData,
    tenancy,
    merchantSettings,
    audit,
    now,
    (merchantId, memberId, recognisable) =>
      recognisable
        ? entranceRef.current?.forgetConsenting(merchantId)
        : entranceRef.current?.forgetMember(merchantId, memberId),
  );
  // The staff's member list asks biometrics and consent about a page of members; both stand on members, so it is
  // built after them.
  const memberList = new MemberListService(memberRecords, tenancy, faceData, consentRegister);

  // The entrance names members among those with entrance consent (the consent register) in the member gallery; the
  // staff view asks loyalty (tier), promotions (usable coupons) and payments (purchases) through ports.
  const visitRecords = new VisitRepository(db);
  const presenceFeed = new PresenceFeed();
  // A door's commands are signed with a key derived from the master key (nothing secret stored), sent to its relay.
  const doorAccess = new DoorAccessService({
    doors: new DoorRepository(db),
    transactions,
    keys: new DoorKeys(masterKey),
    relay: new HttpDoorRelay(config.doorRelayTimeoutMs),
    devices,
    members,
    tenancy,
    audit,
    now,
  });
  const entrance = new EntranceService({
    visits: visitRecords,
    transactions,
    recognizer,
    gallery,
    consents: consentRegister,
    devices,
    settings: merchantSettings,
    tenancy,
    audit,
    doors: doorAccess,
    clockSkewSeconds: config.deviceClockSkewSeconds,
    feed: presenceFeed,
    now,
  });
  entranceRef.current = entrance;
  const presence = new PresenceService(
    visitRecords,
    tenancy,
    members,
    consentRegister,
    merchantSettings,
    {
      tierOf: async (merchantId, memberId) => (await memberCards.tierOf(merchantId, memberId))?.name ?? null,
      usableCoupons: async (merchantId, memberId) =>
        (await coupons.wallet({ type: 'member', merchantId, memberId })).usable.map((c) => c.name),
    },
    {
      inStore: async (merchantId, storeId, from, to) =>
        (await paymentRecords.list(merchantId, { storeId, from, to, limit: 10_000 })).map((p) => ({
          memberId: p.member_id,
          paymentId: p.id,
          paidAt: p.created_at,
          amountFen: p.amount_fen,
        })),
      lastPurchaseAt: async (merchantId, memberId) =>
        (await paymentRecords.list(merchantId, { memberId, limit: 1 }))[0]?.created_at ?? null,
    },
    presenceFeed,
    now,
  );

  return {
    transactions,
    rateCounters: counters,
    auth: new AuthService(staffAccounts, config.staffSessionTtlMinutes, now, {
      lockout: { maxFailures: config.staffLockoutFailures, lockSeconds: config.staffLockoutSeconds },
      audit,
    }),
    tenancy,
    tenancyAdmin: new TenancyAdminService(tenancyRecords, transactions, tenancy, audit),
    staff: new StaffService(staffAccounts, tenancyRecords, transactions, tenancy, audit, now),
    devices,
    catalog,
    audit,
    merchantSettings,
    members,
    memberList,
    ledger,
    wallets,
    payments,
    receipts,
    vault,
    consents,
    faceData,
    agreements,
    facePay: new FacePayService({
      sessions: faceSessions,
      transactions,
      recognizer,
      gallery,
      vault,
      faceData,
      agreements,
      payments,
      receipts,
      members,
      catalog,
      settings: merchantSettings,
      audit,
      pricing,
      pointsOutlook: (input) => points.outlook(input),
      now,
    }),
    pricing,
    quotes: new QuoteService(pricing, catalog, members, tenancy, now),
    promotions,
    coupons,
    faceCheck: new FaceCheckService(
      counters,
      members,
      audit,
      recognizer,
      gallery,
      tenancy,
      now,
      config.identifyPerStaffPerHour,
    ),
    livenessCaptures: new LivenessCaptureService(
      new LivenessCaptureRepository(db),
      transactions,
      recognizer,
      tenancy,
      devices,
      merchantSettings,
      audit,
      now,
    ),
    gallery,
    recognizer,
    deadLetters: new DeadLetterService(new OutboxRepository(db), tenancy),
    loyaltyProgram: new LoyaltyProgramService(loyaltyRecords, transactions, tenancy, audit, tierCoupons, now),
    memberCards,
    points,
    storedValue: new StoredValueService(
      new StoredValuePlanRepository(db),
      transactions,
      tenancy,
      members,
      ledger,
      receipts,
      audit,
      now,
    ),
    birthdayGifts: new BirthdayGiftService(
      loyaltyRecords,
      transactions,
      members,
      ledger,
      memberCards,
      tierCoupons,
      now,
    ),
    tierUpgradeGifts: new TierUpgradeGiftService(loyaltyRecords, transactions, tierCoupons),
    doorAccess,
    entrance,
    presence,
  };
}
