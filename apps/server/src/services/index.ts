import { randomBytes } from 'node:crypto';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DeviceRepository } from '../repositories/device.repository.ts';
import { StaffRepository } from '../repositories/staff.repository.ts';
import { TenancyRepository } from '../repositories/tenancy.repository.ts';
import { AuditService } from './audit.service.ts';
import { AuthService } from './auth.service.ts';
import { BiometricVault } from './biometric-vault.ts';
import { CatalogService } from './catalog.service.ts';
import { DeviceService } from './device.service.ts';
import { MemberService } from './member.service.ts';
import { LivenessCaptureService } from './face/liveness-capture.service.ts';
import { MerchantSettingsService } from './merchant-settings.service.ts';
import { OtpService } from './otp.service.ts';
import { PaymentService } from './payment.service.ts';
import { ReceiptService } from './receipt.service.ts';
import { DeveloperOutboxSender, type SmsSender } from './sms.ts';
import { StaffService } from './staff.service.ts';
import { TenancyAdminService } from './tenancy-admin.service.ts';
import { TenancyService } from './tenancy.service.ts';
import { WalletService } from './wallet.service.ts';
import { ConsentService } from './consent.service.ts';
import { FaceCheckService } from './face/face-check.service.ts';
import { FaceDataService } from './face/face-data.service.ts';
import { FacePayService } from './face/face-pay.service.ts';
import type { MemberGallery, Recognizer } from './face/ports.ts';
import { PaymentAgreementService } from './payment-agreement.service.ts';
import { DeadLetterService } from '../platform/outbox/dead-letter.service.ts';

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
  deadLetters: DeadLetterService;
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
    deadLetters: new DeadLetterService(db, tenancy),
    gallery,
    recognizer,
  };
}
