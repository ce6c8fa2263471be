import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@shualian/db';
import pg from 'pg';
import { OUTBOX_CHANNEL, type DeliveredEvent } from './domain-event.ts';
import { OutboxRepository, type ClaimedDelivery } from './outbox.repository.ts';

/**
 * A part of the system that reacts to events after they commit. Delivery is at least once (a crash between the
 * handler's work and its acknowledgement repeats it), so `handle` must be idempotent: the event id, or the
 * aggregate and sequence, make a good idempotency key.
 */
/** Merchants served per round of a drain; the next round starts again from the oldest waiting event. */
const MERCHANTS_PER_ROUND = 50;

export interface Subscriber {
  /** Stable across releases: deliveries are recorded per name. */
  name: string;
  eventTypes: readonly string[];
  handle(event: DeliveredEvent): Promise<void>;
}

export interface DispatcherOptions {
  now?: () => Date;
  /** How often to look for work nobody announced (another process without LISTEN, retries coming due). */
  pollIntervalMs?: number;
  batchSize?: number;
  /** Attempts before a delivery is parked as a dead letter. */
  maxAttempts?: number;
  /** How long a claimed delivery is kept from other dispatchers while its handler runs. */
  leaseMs?: number;
  /** Wait before attempt n + 1 after n failures. */
  backoffMs?: (failures: number) => number;
  onError?: (error: unknown, context: { subscriber?: string; eventId?: number; type?: string }) => void;
}

const DEFAULT_BACKOFF = (failures: number) => Math.min(300_000, 1_000 * 2 ** (failures - 1));

/**
 * Delivers committed events to subscribers: woken by NOTIFY when an event commits (on PGlite the announcing process
 * is this one; on a server, any process), and by a poll. Several dispatchers may run against one database, each in
 * its own process; each delivery runs once per subscriber at a time (see `OutboxRepository.claim`).
 */
export class OutboxDispatcher {
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly repository: OutboxRepository;
  private readonly now: () => Date;
  private readonly options: Required<Omit<DispatcherOptions, 'now' | 'onError'>> & Pick<DispatcherOptions, 'onError'>;
  private poll?: NodeJS.Timeout;
  private unlisten?: () => Promise<void>;
  private draining?: Promise<number>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'db' | 'native'>,
    options: DispatcherOptions = {},
  ) {
    this.repository = new OutboxRepository(database.db);
    this.now = options.now ?? (() => new Date());
    this.options = {
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      batchSize: options.batchSize ?? 20,
      maxAttempts: options.maxAttempts ?? 8,
      leaseMs: options.leaseMs ?? 60_000,
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF,
      onError: options.onError,
    };
  }

  subscribe(subscriber: Subscriber): void {
    if (this.subscribers.has(subscriber.name)) throw new Error(`subscriber ${subscriber.name} is already registered`);
    this.subscribers.set(subscriber.name, subscriber);
  }

  /**
   * Writes the subscriptions, so events recorded from now on (by any process) get a delivery for each. A subscriber
   * receives the events recorded after its first registration, not the history before it.
   */
  async register(): Promise<void> {
    await this.repository.saveSubscriptions(
      [...this.subscribers.values()].map((s) => ({ name: s.name, eventTypes: s.eventTypes })),
      this.now(),
    );
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.register();
    this.unlisten = await this.listen().catch((error: unknown) => {
      this.options.onError?.(error, {});
      return undefined;
    });
    this.poll = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.poll.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.unlisten?.();
    this.unlisten = undefined;
    await this.draining;
  }

  /** Looks for due deliveries now; a wake during a pass makes another pass after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => {
        this.options.onError?.(error, {});
        return 0;
      })
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Delivers everything due now, batch after batch; returns how many handler runs it made (passed or failed). */
  async drain(): Promise<number> {
    const names = [...this.subscribers.keys()];
    if (names.length === 0) return 0;
    let runs = 0;
    for (;;) {
      const merchants = await this.repository.merchantsWithDue(names, this.now(), MERCHANTS_PER_ROUND);
      let claimedAny = false;
      for (const merchantId of merchants) {
        const token = randomUUID();
        const claimed = await this.repository.claim(
          merchantId,
          names,
          this.now(),
          this.options.leaseMs,
          this.options.batchSize,
          token,
        );
        claimedAny ||= claimed.length > 0;
        for (const delivery of claimed) {
          await this.deliver(delivery);
          runs++;
        }
        if (this.stopped) return runs;
      }
      // Nothing left, or what is left is held by other dispatchers' leases or waits behind an earlier event.
      if (!claimedAny) return runs;
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const subscriber = this.subscribers.get(delivery.subscriber)!;
    const key = { merchantId: delivery.merchant_id, eventId: delivery.event_id, subscriber: delivery.subscriber };
    const { maxAttempts } = this.options;
    // Claimed again after its lease ran out (the dispatcher running it died) more often than it may be tried.
    if (delivery.attempts > maxAttempts) {
      const now = this.now();
      await this.repository.markFailed(key, delivery.lease_token, {
        error: `the handler never finished (${maxAttempts} leases ran out)`,
        dead: true,
        retryAt: now,
        now,
      });
      return;
    }
    try {
      await subscriber.handle({
        id: delivery.event_id,
        type: delivery.type,
        merchantId: delivery.merchant_id,
        aggregate: { type: delivery.aggregate_type, id: delivery.aggregate_id },
        sequence: delivery.sequence,
        payload: delivery.payload,
        occurredAt: delivery.occurred_at,
        attempt: delivery.attempts,
      });
    } catch (error) {
      this.options.onError?.(error, { subscriber: subscriber.name, eventId: delivery.event_id, type: delivery.type });
      const now = this.now();
      await this.repository.markFailed(key, delivery.lease_token, {
        error: error instanceof Error ? error.message : String(error),
        dead: delivery.attempts >= maxAttempts,
        retryAt: new Date(now.getTime() + this.options.backoffMs(delivery.attempts)),
        now,
      });
      return;
    }
    await this.repository.markDelivered(key, delivery.lease_token, this.now());
  }

  /** LISTEN on the outbox channel: NOTIFY arrives only after the recording transaction commits. */
  private async listen(): Promise<() => Promise<void>> {
    const { native, db } = this.database;
    if (native.pglite) {
      const pglite = native.pglite;
      // PGlite is one session: LISTEN waits its turn behind any open transaction, as every query through Kysely does.
      const unlisten = await db.connection().execute(() => pglite.listen(OUTBOX_CHANNEL, () => this.wake()));
      return () => db.connection().execute(() => unlisten());
    }
    return listenOnServer(native.pool, () => this.wake(), this.options.onError);
  }
}

/**
 * A connection of its own that LISTENs (a pooled one would be handed to other queries). When it is lost, the poll
 * goes on delivering and a new one is opened a few seconds later.
 */
async function listenOnServer(
  pool: pg.Pool,
  onNotify: () => void,
  onError: DispatcherOptions['onError'],
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client(pool.options);
    next.on('notification', onNotify);
    next.on('error', (error) => {
      onError?.(error, {});
      next.end().catch(() => {});
      if (client === next) client = undefined;
      if (!closed) retry = setTimeout(() => void connect().catch((e: unknown) => onError?.(e, {})), 5_000).unref();
    });
    await next.connect();
    await next.query(`listen ${OUTBOX_CHANNEL}`);
    if (closed) await next.end();
    else client = next;
  };
  await connect();
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end();
  };
}
