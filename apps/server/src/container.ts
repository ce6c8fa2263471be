import { randomBytes } from 'node:crypto';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Config } from './platform/config.ts';
import { AuditRepository } from './modules/audit/index.ts';
import { DeviceRepository } from './modules/devices/index.ts';
import { StaffRepository } from './modules/tenancy/index.ts';
import { TenancyRepository } from './modules/tenancy/index.ts';
import { AuditService } from './modules/audit/index.ts';
import { AuthService } from './modules/tenancy/index.ts';
import { BiometricVault } from './modules/biometrics/index.ts';
import { CatalogService } from './modules/catalog/index.ts';
import { DeviceService } from './modules/devices/index.ts';
import { MemberService } from './modules/members/index.ts';
import { LivenessCaptureService } from './modules/biometrics/index.ts';
import { MerchantSettingsService } from './modules/settings/index.ts';
import { OtpService } from './modules/members/index.ts';
import { PaymentService } from './modules/payments/index.ts';
import { ReceiptService } from './modules/payments/index.ts';
import { DeveloperOutboxSender, type SmsSender } from './modules/members/index.ts';
import { StaffService } from './modules/tenancy/index.ts';
import { TenancyAdminService } from './modules/tenancy/index.ts';
import { TenancyService } from './modules/tenancy/index.ts';
import { WalletService } from './modules/ledger/index.ts';
import { ConsentService } from './modules/consent/index.ts';
import { FaceCheckService } from './modules/biometrics/index.ts';
import { FaceDataService } from './modules/biometrics/index.ts';
import { FacePayService } from './modules/checkout/index.ts';
import type { MemberGallery, Recognizer } from './modules/biometrics/index.ts';
import { PaymentAgreementService } from './modules/payments/index.ts';

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
}

export interface ServiceOptions {
  now?: () => Date;
  sms?: SmsSender;
  masterKey?: Buffer;
  /** Face recognition and the member galleries; the server passes the engine-backed ones. */
  recognizer: () => Promise<Recognizer>;
  gallery: MemberGallery;
}

/** Wires repositories into services: the one place that knows how the domain is assembled. */
export function createServices(db: Kysely<Database>, config: Config, options: ServiceOptions): Services {
  const now = options.now ?? (() => new Date());
  const auditRepository = new AuditRepository(db);
  const tenancy = new TenancyService(new TenancyRepository(db));
  const receipts = new ReceiptService(db);
  const otp = new OtpService(db, options.sms ?? new DeveloperOutboxSender(db), now, {
    perPhonePerHour: config.smsPerPhonePerHour,
    perAddressPerHour: config.smsPerAddressPerHour,
    perMerchantPerHour: config.smsPerMerchantPerHour,
  });
  const vault = new BiometricVault(db, options.masterKey ?? config.masterKey ?? randomBytes(32));
  const payments = new PaymentService(db, tenancy, receipts, now);
  const agreements = new PaymentAgreementService(db, now);
  const { recognizer, gallery } = options;
  // Consent withdrawal deletes face data, and enrollment checks consent: the pair is wired through a late lookup.
  const consents: ConsentService = new ConsentService(db, (): FaceDataService => faceData, now);
  const faceData: FaceDataService = new FaceDataService(db, recognizer, gallery, vault, consents, now);
  return {
    auth: new AuthService(new StaffRepository(db), config.staffSessionTtlMinutes, now, {
      lockout: { maxFailures: config.staffLockoutFailures, lockSeconds: config.staffLockoutSeconds },
      audit: auditRepository,
    }),
    tenancy,
    tenancyAdmin: new TenancyAdminService(db, tenancy),
    staff: new StaffService(db, tenancy, now),
    devices: new DeviceService(
      new DeviceRepository(db),
      tenancy,
      auditRepository,
      {
        clockSkewSeconds: config.deviceClockSkewSeconds,
        offlineAfterSeconds: config.deviceOfflineAfterSeconds,
        activationCodeTtlHours: config.activationCodeTtlHours,
      },
      now,
    ),
    catalog: new CatalogService(db, tenancy),
    audit: new AuditService(auditRepository, tenancy),
    merchantSettings: new MerchantSettingsService(
      db,
      tenancy,
      {
        activationCodeTtlHours: config.activationCodeTtlHours,
        deviceOfflineAfterSeconds: config.deviceOfflineAfterSeconds,
      },
      (merchantId) => gallery.extent(merchantId),
    ),
    members: new MemberService(db, otp, tenancy, now),
    wallets: new WalletService(db, tenancy, receipts),
    payments,
    receipts,
    vault,
    consents,
    faceData,
    agreements,
    facePay: new FacePayService(db, recognizer, gallery, vault, agreements, payments, receipts, now),
    faceCheck: new FaceCheckService(db, recognizer, gallery, tenancy, now, config.identifyPerStaffPerHour),
    livenessCaptures: new LivenessCaptureService(db, recognizer, tenancy, now),
    gallery,
    recognizer,
  };
}
