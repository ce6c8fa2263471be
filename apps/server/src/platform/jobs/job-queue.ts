import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@shualian/db';
import PgBoss from 'pg-boss';
import { pgBossDatabase } from './pg-boss.database.ts';

export interface JobContext {
  id: string;
  name: string;
}

export type JobHandler<Payload> = (payload: Payload, job: JobContext) => Promise<void>;

export interface JobOptions {
  /** Runs after the first failure (default 3), waiting 2^n × `retryDelaySeconds` before each. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * The lease: a job running longer than this counts as failed (its process may have died) and is run again, by any
   * process, within a maintenance interval after. Default 5 minutes.
   */
  expireInSeconds?: number;
}

export interface ScheduleOptions {
  /** When to run: a moment, or a delay from now; now when neither is given. */
  runAt?: Date;
  delayMs?: number;
  /** While a job with this name and key waits to run, scheduling another is a no-op (returns null). */
  key?: string;
}

/**
 * Delayed and recurring work that survives restarts and runs once however many server processes there are.
 * Handlers are registered by name; a job carries only its name and a JSON payload, so it may run in another process.
 */
export interface JobQueue {
  /** Names the handler of a job; before `start`. */
  register<Payload extends object>(name: string, handler: JobHandler<Payload>, options?: JobOptions): void;
  /** Queues one job; its id, or null when `key` found one already waiting. */
  schedule(name: string, payload: object, options?: ScheduleOptions): Promise<string | null>;
  /**
   * Runs the job on a schedule: a five-field cron expression (UTC unless `timeZone`), or every n minutes (n divides an
   * hour, or is whole hours dividing a day). Once per slot across all processes; a minute is the finest slot.
   */
  every(name: string, schedule: string | { minutes: number }, payload?: object): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface PgBossJobQueueOptions {
  /** How often each job name is looked for (pg-boss polls per name; 0.5 s at least). */
  pollingIntervalSeconds?: number;
  /** How often expired leases and retention are handled. */
  maintenanceIntervalSeconds?: number;
  /** How often recurring schedules are checked (1 to 45 s). */
  cronMonitorIntervalSeconds?: number;
  timeZone?: string;
  onError?: (error: unknown, context: { job?: string }) => void;
}

/** Jobs of one name fetched together. */
const BATCH = 10;

interface Registration {
  handler: JobHandler<object>;
  options: JobOptions;
}

/** The job queue on pg-boss 10 (its tables in the `pgboss` schema), on PGlite or a PostgreSQL server alike. */
export class PgBossJobQueue implements JobQueue {
  private readonly handlers = new Map<string, Registration>();
  private readonly schedules = new Map<string, { cron: string; payload: object }>();
  private readonly queues = new Set<string>();
  private boss?: PgBoss;
  private readonly pollingIntervalSeconds: number;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'db' | 'native'>,
    private readonly options: PgBossJobQueueOptions = {},
  ) {
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  }

  register<Payload extends object>(name: string, handler: JobHandler<Payload>, options: JobOptions = {}): void {
    if (this.boss) throw new Error(`register job ${name} before the queue starts`);
    if (this.handlers.has(name)) throw new Error(`job ${name} already has a handler`);
    this.handlers.set(name, { handler: handler as JobHandler<object>, options });
  }

  async every(name: string, schedule: string | { minutes: number }, payload: object = {}): Promise<void> {
    const cron = typeof schedule === 'string' ? schedule : cronEvery(schedule.minutes);
    this.schedules.set(name, { cron, payload });
    if (this.boss) await this.applySchedule(this.boss, name);
  }

  async schedule(name: string, payload: object, options: ScheduleOptions = {}): Promise<string | null> {
    const boss = this.started();
    await this.ensureQueue(boss, name);
    const startAfter = options.runAt ?? (options.delayMs ? new Date(Date.now() + options.delayMs) : undefined);
    // Every job carries a key: the queues keep one waiting job per key (pg-boss's "short" policy).
    return boss.send(name, payload, { startAfter, singletonKey: options.key ?? randomUUID() });
  }

  async start(): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss({
      db: pgBossDatabase(this.database),
      schema: 'pgboss',
      maintenanceIntervalSeconds: this.options.maintenanceIntervalSeconds ?? 60,
      cronMonitorIntervalSeconds: this.options.cronMonitorIntervalSeconds ?? 30,
    });
    boss.on('error', (error) => this.options.onError?.(error, {}));
    await boss.start();
    this.boss = boss;
    for (const [name, { handler, options }] of this.handlers) {
      await this.ensureQueue(boss, name, options);
      // pg-boss fetches once per polling interval; a full batch asks for the next one at once, so a burst of due
      // jobs does not wait an interval per batch. Each job of a batch succeeds or fails on its own.
      let workerId = '';
      workerId = await boss.work<object>(
        name,
        { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: BATCH },
        async (batch) => {
          for (const job of batch) {
            try {
              await handler(job.data, { id: job.id, name });
            } catch (error) {
              this.options.onError?.(error, { job: name });
              await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
            }
          }
          if (batch.length === BATCH && workerId) boss.notifyWorker(workerId);
        },
      );
    }
    for (const name of this.schedules.keys()) await this.applySchedule(boss, name);
  }

  /** Waits for running handlers; jobs not yet started stay queued for the next start, in any process. */
  async stop(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = undefined;
    this.queues.clear();
    await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue has not started');
    return this.boss;
  }

  private async ensureQueue(boss: PgBoss, name: string, options: JobOptions = {}): Promise<void> {
    if (this.queues.has(name)) return;
    const queue: PgBoss.Queue = {
      name,
      policy: 'short',
      retryLimit: options.retryLimit ?? 3,
      retryDelay: options.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 300,
    };
    // Processes starting together may create the same queue (a table partition) at once; PostgreSQL then ends one
    // as a deadlock victim, and its next try finds the queue made.
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, queue);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt * Math.random()));
      }
    }
    // A queue made by an earlier release keeps its old settings unless told.
    if (this.handlers.has(name)) await boss.updateQueue(name, queue);
    this.queues.add(name);
  }

  private async applySchedule(boss: PgBoss, name: string): Promise<void> {
    const { cron, payload } = this.schedules.get(name)!;
    await this.ensureQueue(boss, name, this.handlers.get(name)?.options);
    await boss.schedule(name, cron, payload, { tz: this.options.timeZone ?? 'UTC' });
  }
}

/** A cron expression for "every n minutes", where n divides an hour or is whole hours dividing a day. */
export function cronEvery(minutes: number): string {
  if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 60 && 60 % minutes === 0)
    return minutes === 1 ? '* * * * *' : minutes === 60 ? '0 * * * *' : `*/${minutes} * * * *`;
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours >= 1 && 24 % hours === 0) return `0 */${hours} * * *`;
  throw new Error(`every ${minutes} minutes is not a cron slot: use a divisor of 60 minutes or of 24 hours`);
}
