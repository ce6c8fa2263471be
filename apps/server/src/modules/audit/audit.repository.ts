import type { AuditEvent } from '@shualian/db';
import { Repository } from '../../platform/db/repository.ts';
import type { AuditAction } from './audit-actions.ts';

export interface AuditEntry {
  merchantId: string;
  actorType: AuditEvent['actor_type'];
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export class AuditRepository extends Repository {
  /** What a staff member did to one thing of a merchant (a product, a staff account, …). */
  recordStaffAction(
    actor: { staffId: string },
    merchantId: string,
    action: AuditAction,
    target: { type: string; id: string },
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.record({
      merchantId,
      actorType: 'staff',
      actorId: actor.staffId,
      action,
      targetType: target.type,
      targetId: target.id,
      details,
    });
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        merchant_id: entry.merchantId,
        actor_type: entry.actorType,
        actor_id: entry.actorId,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        details: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  list(merchantId: string, options: { limit: number; beforeId?: number }): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_events').selectAll().where('merchant_id', '=', merchantId);
    if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
    return query.orderBy('id', 'desc').limit(options.limit).execute();
  }

  /** How many times an actor did one thing since a moment (risk rules count a device's flags in the last hour). */
  async countSince(
    merchantId: string,
    actor: { type: AuditEvent['actor_type']; id: string },
    action: AuditAction,
    since: Date,
  ): Promise<number> {
    const row = await this.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('merchant_id', '=', merchantId)
      .where('actor_type', '=', actor.type)
      .where('actor_id', '=', actor.id)
      .where('action', '=', action)
      .where('at', '>', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
