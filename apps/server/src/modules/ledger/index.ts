// The ledger module: postings on double-entry accounts, and the member wallet on them.
// Other modules import only from here (lint: shualian/module-door).
export { assertAmount, naturalBalance, payment, refund, topUp } from './ledger-postings.ts';
export { LedgerRepository } from './ledger.repository.ts';
export { walletRoutes } from './wallet.routes.ts';
export { TOP_UP_REASON_MAX_LENGTH, WalletService } from './wallet.service.ts';
