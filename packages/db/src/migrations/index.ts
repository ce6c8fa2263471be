import type { Migration } from 'kysely';
import * as tenancy from './0001-tenancy.ts';
import * as membersAndPayments from './0002-members-and-payments.ts';
import * as faceDataUnderConcurrency from './0003-face-data-under-concurrency.ts';
import * as accessAndMoneyControls from './0004-access-and-money-controls.ts';
import * as productCategories from './0005-product-categories.ts';
import * as demoMerchant from './0006-demo-merchant.ts';
import * as livenessCaptures from './0007-liveness-captures.ts';
import * as outboxAndJobs from './0008-outbox-and-jobs.ts';
import * as distributableByMerchant from './0009-distributable-by-merchant.ts';

/**
 * The baseline: every migration from before the server was cut into modules, in order. Names sort lexically; never
 * rename or edit one that has shipped. Later migrations live in the module that owns their tables
 * (`apps/server/src/modules/<name>/migrations/`), numbered after these.
 */
export const migrations: Record<string, Migration> = {
  '0001-tenancy': tenancy,
  '0002-members-and-payments': membersAndPayments,
  '0003-face-data-under-concurrency': faceDataUnderConcurrency,
  '0004-access-and-money-controls': accessAndMoneyControls,
  '0005-product-categories': productCategories,
  '0006-demo-merchant': demoMerchant,
  '0007-liveness-captures': livenessCaptures,
  '0008-outbox-and-jobs': outboxAndJobs,
  '0009-distributable-by-merchant': distributableByMerchant,
};
