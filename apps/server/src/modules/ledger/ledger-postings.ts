import type { LedgerAccountKind, LedgerTransactionKind } from '@shualian/db';
import { invalid } from '../../platform/domain-errors.ts';

/**
 * Double-entry postings. An entry's amount is positive for a debit and negative for a credit; every transaction's
 * entries sum to zero. Member wallets and merchant revenue are credit-normal (what the merchant owes the member, what
 * it has earned); top-up clearing is debit-normal (money received at the till or through a payment channel).
 */
export interface Posting {
  accountId: string;
  amountFen: number;
}

export interface LedgerMovement {
  kind: LedgerTransactionKind;
  postings: Posting[];
}

export const creditNormal: Record<LedgerAccountKind, boolean> = {
  member_wallet: true,
  merchant_revenue: true,
  topup_clearing: false,
  merchant_receivable: false,
  member_bonus: true,
  bonus_funding: false,
  member_points: true,
  points_program: false,
};

/** Accounts kept in whole points; every other account is in fen. A transaction never mixes the two. */
export const POINTS_ACCOUNTS: readonly LedgerAccountKind[] = ['member_points', 'points_program'];

/** The balance as a person reads it (a wallet with money in it is positive), from the raw sum of its entries. */
export function naturalBalance(kind: LedgerAccountKind, entrySum: number): number {
  return creditNormal[kind] ? 0 - entrySum : entrySum; // 0 - 0 is +0, where -0 would not equal 0
}

export function assertAmount(amountFen: number, field = 'amountFen'): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw invalid('amount_invalid', `${field} must be a positive whole number of fen`, { [field]: amountFen });
  }
}

export function assertBalanced(postings: Posting[]): void {
  if (postings.length < 2) throw new Error('a ledger transaction needs at least two entries');
  let total = 0;
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountFen) || p.amountFen === 0) throw new Error(`bad entry amount ${p.amountFen}`);
    total += p.amountFen;
  }
  if (total !== 0) throw new Error(`unbalanced ledger transaction: entries sum to ${total} fen`);
}

function move(
  kind: LedgerTransactionKind,
  debitAccountId: string,
  creditAccountId: string,
  amountFen: number,
): LedgerMovement {
  assertAmount(amountFen);
  return {
    kind,
    postings: [
      { accountId: debitAccountId, amountFen },
      { accountId: creditAccountId, amountFen: -amountFen },
    ],
  };
}

export const topUp = (accounts: { clearing: string; wallet: string }, amountFen: number) =>
  move('top_up', accounts.clearing, accounts.wallet, amountFen);

export const payment = (accounts: { wallet: string; revenue: string }, amountFen: number) =>
  move('payment', accounts.wallet, accounts.revenue, amountFen);

export const refund = (accounts: { revenue: string; wallet: string }, amountFen: number) =>
  move('refund', accounts.revenue, accounts.wallet, amountFen);
