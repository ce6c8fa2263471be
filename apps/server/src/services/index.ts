import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DeviceRepository } from '../repositories/device.repository.ts';
import { ProductRepository } from '../repositories/product.repository.ts';
import { StaffRepository } from '../repositories/staff.repository.ts';
import { TenancyRepository } from '../repositories/tenancy.repository.ts';
import { AuditService } from './audit.service.ts';
import { AuthService } from './auth.service.ts';
import { CatalogService } from './catalog.service.ts';
import { DeviceService } from './device.service.ts';
import { TenancyService } from './tenancy.service.ts';

export interface Services {
  auth: AuthService;
  tenancy: TenancyService;
  devices: DeviceService;
  catalog: CatalogService;
  audit: AuditService;
}

/** Wires repositories into services: the one place that knows how the domain is assembled. */
export function createServices(db: Kysely<Database>, config: Config, now: () => Date = () => new Date()): Services {
  const auditRepository = new AuditRepository(db);
  const tenancy = new TenancyService(new TenancyRepository(db));
  return {
    auth: new AuthService(new StaffRepository(db), config.staffSessionTtlMinutes, now),
    tenancy,
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
    catalog: new CatalogService(new ProductRepository(db), tenancy),
    audit: new AuditService(auditRepository, tenancy),
  };
}
