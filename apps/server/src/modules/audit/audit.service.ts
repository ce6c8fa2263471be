import type { AuditEvent } from '@shualian/db';
import type { StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { AuditAction } from './audit-actions.ts';
import type { AuditEntry, AuditRepository } from './audit.repository.ts';

/** Who may read a merchant's log: tenancy answers it (the audit module sits below tenancy, so it asks through this). */
export interface MerchantAccess {
  merchantFor(actor: StaffActor, merchantId: string, permission: 'audit.read'): Promise<unknown>;
}

/** The merchant's audit log: every module records into it, inside its own transaction when it passes one. */
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly access: MerchantAccess,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(
    actor: StaffActor,
    merchantId: string,
    options: { limit: number; beforeId?: number },
  ): Promise<AuditEvent[]> {
    await this.access.merchantFor(actor, merchantId, 'audit.read');
    return this.events.list(merchantId, options);
  }

  /** Records one event; `trx` is the caller's transaction, so the event commits (or not) with what it describes. */
  record(entry: AuditEntry, trx?: Db): Promise<void> {
    return (trx ? this.events.with(trx) : this.events).record(entry);
  }

  /** What a staff member did to one thing of a merchant (a product, a staff account, …). */
  recordStaffAction(
    actor: { staffId: string },
    merchantId: string,
    action: AuditAction,
    target: { type: string; id: string },
    details: Record<string, unknown>,
    trx?: Db,
  ): Promise<void> {
    return (trx ? this.events.with(trx) : this.events).recordStaffAction(actor, merchantId, action, target, details);
  }

  /** How often a device was flagged for this action in the last hour (the per-device risk rules). */
  deviceFlagsLastHour(device: { merchantId: string; deviceId: string }, action: AuditAction): Promise<number> {
    return this.events.countSince(
      device.merchantId,
      { type: 'device', id: device.deviceId },
      action,
      new Date(this.now().getTime() - 3_600_000),
    );
  }
}

export type { AuditEntry };
