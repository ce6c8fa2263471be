import type { StaffActor } from '../actors.ts';
import { notFound } from '../domain-errors.ts';
import type { OutboxRepository, DeadLetterRow } from './outbox.repository.ts';

/** Whether a staff member may manage this merchant's events (tenancy answers; a refusal throws). */
export interface EventsAccess {
  merchantFor(actor: StaffActor, merchantId: string, permission: 'events.manage'): Promise<unknown>;
}

/** Deliveries that failed every attempt, for the merchant's administrators to look at and send again. */
export class DeadLetterService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly tenancy: EventsAccess,
  ) {}

  async list(actor: StaffActor, merchantId: string, options: { limit: number }): Promise<DeadLetterRow[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'events.manage');
    return this.outbox.deadLetters(merchantId, options.limit);
  }

  /** Puts the delivery back in line (attempts counted afresh); the events of its aggregate held behind it follow. */
  async retry(actor: StaffActor, merchantId: string, key: { eventId: number; subscriber: string }): Promise<void> {
    await this.tenancy.merchantFor(actor, merchantId, 'events.manage');
    const retried = await this.outbox.retryDead({ merchantId, ...key });
    if (!retried) throw notFound('dead_letter_not_found', 'no such dead letter (it may have been retried already)');
  }
}
