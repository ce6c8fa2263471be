// The ledger module: postings on double-entry accounts, and the member wallet on them.
// Other modules import only from here (lint: shualian/module-door).
export { assertAmount, naturalBalance, payment, refund, topUp } from './ledger-postings.ts';
export {
  LedgerService,
  splitPayment,
  type PointsMovementInput,
  type SpendingOrder,
  type SpendingOrderOf,
  type WalletMovement,
} from './ledger.service.ts';
export { walletRoutes } from './wallet.routes.ts';
export { TOP_UP_REASON_MAX_LENGTH, WalletService, type WalletReceipts } from './wallet.service.ts';

import * as pointsAndStoredValueBonus from './migrations/0011-points-and-stored-value-bonus.ts';
/** The ledger's tables' migrations after the baseline (see schema-migrations.ts). */
export const migrations = { '0011-points-and-stored-value-bonus': pointsAndStoredValueBonus };
