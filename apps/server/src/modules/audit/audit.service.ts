import type { AuditEvent } from '@shualian/db';
import type { StaffActor } from '../../platform/actors.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { TenancyService } from '../tenancy/index.ts';

export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly tenancy: TenancyService,
  ) {}

  async list(actor: StaffActor, merchantId: string, options: { limit: number; beforeId?: number }): Promise<AuditEvent[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'audit.read');
    return this.audit.list(merchantId, options);
  }
}
