/**
 * Something that happened to one aggregate of one merchant, told to whoever subscribes after the change commits.
 * The payload carries ids and amounts, never phone numbers or face data: subscribers ask the owning module for more.
 */
export interface DomainEvent<Payload extends Record<string, unknown> = Record<string, unknown>> {
  type: string;
  merchantId: string;
  aggregate: { type: string; id: string };
  payload: Payload;
  /** When the change happened; the service's clock. */
  occurredAt?: Date;
}

/** An event as a subscriber receives it, with its place in the aggregate's history. */
export interface DeliveredEvent {
  id: number;
  type: string;
  merchantId: string;
  aggregate: { type: string; id: string };
  /** 1, 2, … per aggregate: a subscriber receives them in this order. */
  sequence: number;
  payload: Record<string, unknown>;
  occurredAt: Date;
  /** 1 on the first delivery to this subscriber, higher on retries. */
  attempt: number;
}

/** The channel a committed event is announced on (NOTIFY is sent only at commit, and never for a rollback). */
export const OUTBOX_CHANNEL = 'shualian_outbox';
