import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../domain/actors.ts';
import { notFound } from '../../domain/errors.ts';
import type { TenancyService } from '../../services/tenancy.service.ts';
import { OutboxRepository, type DeadLetterRow } from './outbox.repository.ts';

/** Deliveries that failed every attempt, for the merchant's administrators to look at and send again. */
export class DeadLetterService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenancy: TenancyService,
  ) {}

  async list(actor: StaffActor, merchantId: string, options: { limit: number }): Promise<DeadLetterRow[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'events.manage');
    return new OutboxRepository(this.db).deadLetters(merchantId, options.limit);
  }

  /** Puts the delivery back in line (attempts counted afresh); the events of its aggregate held behind it follow. */
  async retry(actor: StaffActor, merchantId: string, key: { eventId: number; subscriber: string }): Promise<void> {
    await this.tenancy.merchantFor(actor, merchantId, 'events.manage');
    const retried = await new OutboxRepository(this.db).retryDead({ merchantId, ...key });
    if (!retried) throw notFound('dead_letter_not_found', 'no such dead letter (it may have been retried already)');
  }
}
