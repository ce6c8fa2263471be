import { randomBytes } from 'node:crypto';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Config } from './platform/config.ts';
import { RateCounterRepository } from './platform/db/rate-counter.repository.ts';
import { Transactions } from './platform/db/transactions.ts';
import { DeadLetterService, OutboxRepository } from './platform/outbox/index.ts';
import { AuditRepository, AuditService } from './modules/audit/index.ts';
import {
  BiometricVault,
  DataKeyRepository,
  FaceCheckService,
  FaceDataService,
  FaceTemplateRepository,
  LivenessCaptureRepository,
  LivenessCaptureService,
  type MemberGallery,
  type Recognizer,
} from './modules/biometrics/index.ts';
import { CatalogService, ProductRepository } from './modules/catalog/index.ts';
import {
  endFaceSessionsOnDeletion,
  FacePayService,
  FaceSessionRepository,
  memberPriceStep,
  PricingPipeline,
} from './modules/checkout/index.ts';
import { ConsentRegister, ConsentRepository, ConsentService } from './modules/consent/index.ts';
import { DeviceRepository, DeviceService } from './modules/devices/index.ts';
import { WalletService } from './modules/ledger/index.ts';
import {
  DeveloperOutboxSender,
  MemberRepository,
  MemberService,
  OtpRepository,
  OtpService,
  type SmsSender,
} from './modules/members/index.ts';
import {
  PaymentAgreementRepository,
  PaymentAgreementService,
  PaymentRepository,
  PaymentService,
  ReceiptRepository,
  ReceiptService,
} from './modules/payments/index.ts';
import { MerchantSettingsRepository, MerchantSettingsService } from './modules/settings/index.ts';
import {
  AuthService,
  StaffRepository,
  StaffService,
  TenancyAdminService,
  TenancyRepository,
  TenancyService,
} from './modules/tenancy/index.ts';

export interface Services {
  auth: AuthService;
  tenancy: TenancyService;
  tenancyAdmin: TenancyAdminService;
  staff: StaffService;
  devices: DeviceService;
  catalog: CatalogService;
  audit: AuditService;
  merchantSettings: MerchantSettingsService;
  members: MemberService;
  wallets: WalletService;
  payments: PaymentService;
  receipts: ReceiptService;
  vault: BiometricVault;
  consents: ConsentService;
  faceData: FaceDataService;
  agreements: PaymentAgreementService;
  facePay: FacePayService;
  faceCheck: FaceCheckService;
  livenessCaptures: LivenessCaptureService;
  gallery: MemberGallery;
  recognizer: () => Promise<Recognizer>;
  deadLetters: DeadLetterService;
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
  const members = new MemberService(new MemberRepository(db), otp, tenancy, transactions, now);

  const receipts = new ReceiptService(new ReceiptRepository(db));
  const payments = new PaymentService(db, tenancy, receipts, now);
  const agreements = new PaymentAgreementService(
    new PaymentAgreementRepository(db),
    new PaymentRepository(db),
    transactions,
    merchantSettings,
    audit,
    now,
  );

  const vault = new BiometricVault(new DataKeyRepository(db), options.masterKey ?? config.masterKey ?? randomBytes(32));
  const faceSessions = new FaceSessionRepository(db);
  const consentRecords = new ConsentRepository(db);
  const consentRegister = new ConsentRegister(consentRecords);
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
  );

  return {
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
    wallets: new WalletService(db, tenancy, receipts),
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
      // Promotions and loyalty register their steps after the member price.
      pricing: new PricingPipeline([memberPriceStep]),
      now,
    }),
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
  };
}
