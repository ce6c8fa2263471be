import type { DatabaseHandle } from '@shualian/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Services } from './container.ts';
import { PgBossJobQueue, type JobQueue } from './platform/jobs/job-queue.ts';
import { registerSweeps } from './sweep.jobs.ts';
import { loyaltySubscribers, registerLoyaltyJobs } from './modules/loyalty/index.ts';
import { registerPresenceJobs } from './modules/presence/index.ts';
import { promotionSubscribers } from './modules/promotions/index.ts';
import { OutboxDispatcher, type Subscriber } from './platform/outbox/outbox.dispatcher.ts';

export interface BackgroundWork {
  dispatcher: OutboxDispatcher;
  jobs: JobQueue;
  stop(): Promise<void>;
}

/**
 * Starts what runs beside the requests: the outbox dispatcher (events to their subscribers after commit) and the job
 * queue (delayed and recurring jobs, the sweeps among them). Modules hand their subscribers here; their jobs they
 * register on `jobs` before it starts (see docs/architecture.md, "Events and jobs").
 */
export async function startBackgroundWork(
  database: DatabaseHandle,
  services: Services,
  log: FastifyBaseLogger,
  extensions: { subscribers?: Subscriber[]; jobs?: (jobs: JobQueue) => Promise<void> } = {},
): Promise<BackgroundWork> {
  const dispatcher = new OutboxDispatcher(database, {
    onError: (err, context) => log.warn({ err, ...context }, 'event delivery failed'),
  });
  const loyalty = {
    cards: services.memberCards,
    points: services.points,
    birthdays: services.birthdayGifts,
    upgrades: services.tierUpgradeGifts,
  };
  // Every module's subscribers, in one place: loyalty's cards and points, promotions' welcome coupon, 刷脸红包 and
  // coupons given back on refunds.
  const subscribers = [
    ...loyaltySubscribers(loyalty),
    ...promotionSubscribers(services.coupons),
    ...(extensions.subscribers ?? []),
  ];
  for (const subscriber of subscribers) dispatcher.subscribe(subscriber);
  const jobs = new PgBossJobQueue(database, { onError: (err, context) => log.warn({ err, ...context }, 'job failed') });
  await registerSweeps(jobs, { db: database.db, services, now: () => new Date() });
  await registerLoyaltyJobs(jobs, loyalty);
  // Visits end by sweep (unseen for the window, consent withdrawn) in whichever process runs it; every process drops
  // its own expired anonymous faces from memory on a timer.
  await registerPresenceJobs(jobs, services.entrance);
  await extensions.jobs?.(jobs);
  await dispatcher.start();
  try {
    await jobs.start();
  } catch (error) {
    await dispatcher.stop();
    throw error;
  }
  services.entrance.startExpiry();
  return {
    dispatcher,
    jobs,
    stop: async () => {
      services.entrance.stopExpiry();
      await jobs.stop();
      await dispatcher.stop();
    },
  };
}
