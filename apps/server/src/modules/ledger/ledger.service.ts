import type { LedgerAccountKind } from '@shualian/db';
import type { Db } from '../../platform/db/repository.ts';
import { naturalBalance, payment, refund, topUp, type LedgerMovement } from './ledger-postings.ts';
import type { LedgerRepository } from './ledger.repository.ts';

/** A movement on a member's wallet: the ledger transaction and the wallet's balance after it (may be below zero). */
export interface WalletMovement {
  transactionId: string;
  balanceFen: number;
}

interface WalletMovementInput {
  merchantId: string;
  memberId: string;
  amountFen: number;
  reference: string;
  /** The staff member who moved the money, and why (top-ups at the till, refunds). */
  staffId?: string | null;
  reason?: string | null;
}

/**
 * The ledger for other modules: each movement is posted inside the caller's transaction, so it commits with the
 * payment, refund or top-up it belongs to, or not at all. Posting moves the cached balances in place, which locks the
 * wallet until that transaction ends. A movement that leaves the wallet below zero is still returned: the caller
 * refuses it and its transaction rolls back.
 */
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  /** The member pays the merchant: wallet → revenue. */
  pay(trx: Db, input: WalletMovementInput): Promise<WalletMovement> {
    return this.moveWallet(trx, input, 'merchant_revenue', (wallet, revenue) =>
      payment({ wallet, revenue }, input.amountFen),
    );
  }

  /** The merchant gives money back: revenue → wallet. */
  refund(trx: Db, input: WalletMovementInput): Promise<WalletMovement> {
    return this.moveWallet(trx, input, 'merchant_revenue', (wallet, revenue) =>
      refund({ revenue, wallet }, input.amountFen),
    );
  }

  /** Money taken at the till or through a payment channel: clearing → wallet. */
  topUp(trx: Db, input: WalletMovementInput): Promise<WalletMovement> {
    return this.moveWallet(trx, input, 'topup_clearing', (wallet, clearing) =>
      topUp({ clearing, wallet }, input.amountFen),
    );
  }

  /** Accounts whose cached balance disagrees with their entries, and transactions whose entries do not balance. */
  inconsistencies(merchantId: string): Promise<{ accounts: string[]; transactions: string[] }> {
    return this.ledger.inconsistencies(merchantId);
  }

  private async moveWallet(
    trx: Db,
    input: WalletMovementInput,
    counterpart: LedgerAccountKind,
    movement: (walletId: string, counterpartId: string) => LedgerMovement,
  ): Promise<WalletMovement> {
    const ledger = this.ledger.with(trx);
    const wallet = await ledger.account(input.merchantId, 'member_wallet', input.memberId);
    const other = await ledger.account(input.merchantId, counterpart);
    const { transactionId, balances } = await ledger.post(input.merchantId, {
      ...movement(wallet.id, other.id),
      reference: input.reference,
      staffId: input.staffId,
      reason: input.reason,
    });
    return { transactionId, balanceFen: naturalBalance('member_wallet', balances.get(wallet.id)!) };
  }
}
