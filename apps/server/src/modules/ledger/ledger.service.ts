import type { LedgerAccountKind, LedgerTransactionKind } from '@shualian/db';
import type { Db } from '../../platform/db/repository.ts';
import { assertAmount, naturalBalance, payment, refund, topUp, type LedgerMovement } from './ledger-postings.ts';
import type { LedgerRepository } from './ledger.repository.ts';

/**
 * A movement on a member's wallet: the ledger transaction and the wallet's (principal) balance after it (may be below
 * zero: the caller refuses it), and the member's stored-value bonus after it where they hold one.
 */
export interface WalletMovement {
  transactionId: string;
  balanceFen: number;
  bonusFen?: number;
}

/** Which part of a member's stored value a payment spends first (the loyalty programme's rule, asked per payment). */
export type SpendingOrder = 'principal_first' | 'bonus_first' | 'proportional';
export type SpendingOrderOf = (trx: Db, merchantId: string) => Promise<SpendingOrder>;

/**
 * How a payment of `amountFen` divides between principal and bonus, under the order. When the two together cover it,
 * neither part goes below zero; when they do not, the principal takes the rest (and the payment is refused).
 * Proportional: bonus = floor(amount × bonus / (principal + bonus)), the principal the rest.
 */
export function splitPayment(
  amountFen: number,
  balances: { principalFen: number; bonusFen: number },
  order: SpendingOrder,
): { principalFen: number; bonusFen: number } {
  const principal = Math.max(0, balances.principalFen);
  const bonus = Math.max(0, balances.bonusFen);
  let fromBonus: number;
  if (order === 'bonus_first') fromBonus = Math.min(amountFen, bonus);
  else if (order === 'principal_first') fromBonus = Math.min(Math.max(0, amountFen - principal), bonus);
  else
    fromBonus =
      amountFen >= principal + bonus ? bonus : Math.floor((amountFen * bonus) / Math.max(1, principal + bonus));
  return { principalFen: amountFen - fromBonus, bonusFen: fromBonus };
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

/** A movement of a member's points: positive to the member (earned, granted), negative from them. */
export interface PointsMovementInput {
  merchantId: string;
  memberId: string;
  kind: Extract<LedgerTransactionKind, `points_${string}`>;
  points: number;
  reference: string;
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
  constructor(
    private readonly ledger: LedgerRepository,
    /** The loyalty programme's spending order; absent: principal first. */
    private readonly spendingOrder: SpendingOrderOf = async () => 'principal_first',
  ) {}

  /**
   * The member pays the merchant from their stored value: principal (wallet → revenue) and, where they hold bonus
   * (充值送), bonus (member_bonus → bonus_funding: the merchant's gift spent, not revenue), divided by the programme's
   * spending order. Both balances are locked before they are read. The balance returned is the principal after (below
   * zero when principal and bonus together fall short: the payment is refused), with the bonus after beside it.
   */
  async pay(trx: Db, input: WalletMovementInput): Promise<WalletMovement> {
    const ledger = this.ledger.with(trx);
    const bonusAccount = await ledger.findAccount(input.merchantId, 'member_bonus', input.memberId);
    if (!bonusAccount)
      return this.moveWallet(trx, input, 'merchant_revenue', (wallet, revenue) =>
        payment({ wallet, revenue }, input.amountFen),
      );
    assertAmount(input.amountFen);
    const wallet = await ledger.account(input.merchantId, 'member_wallet', input.memberId);
    const [first, second] = [wallet.id, bonusAccount.id].sort();
    const sums = new Map([
      [first!, await ledger.lockedSum(input.merchantId, first!)],
      [second!, await ledger.lockedSum(input.merchantId, second!)],
    ]);
    const split = splitPayment(
      input.amountFen,
      {
        principalFen: naturalBalance('member_wallet', sums.get(wallet.id)!),
        bonusFen: naturalBalance('member_bonus', sums.get(bonusAccount.id)!),
      },
      await this.spendingOrder(trx, input.merchantId),
    );
    const revenue = await ledger.account(input.merchantId, 'merchant_revenue');
    const funding = await ledger.account(input.merchantId, 'bonus_funding');
    const postings = [
      ...(split.principalFen > 0
        ? [
            { accountId: wallet.id, amountFen: split.principalFen },
            { accountId: revenue.id, amountFen: -split.principalFen },
          ]
        : []),
      ...(split.bonusFen > 0
        ? [
            { accountId: bonusAccount.id, amountFen: split.bonusFen },
            { accountId: funding.id, amountFen: -split.bonusFen },
          ]
        : []),
    ];
    const { transactionId, balances } = await ledger.post(input.merchantId, {
      kind: 'payment',
      postings,
      reference: input.reference,
      staffId: input.staffId,
      reason: input.reason,
    });
    const after = (id: string) => balances.get(id) ?? sums.get(id)!;
    return {
      transactionId,
      balanceFen: naturalBalance('member_wallet', after(wallet.id)),
      bonusFen: naturalBalance('member_bonus', after(bonusAccount.id)),
    };
  }

  /**
   * The merchant gives money back: revenue → wallet, and the bonus part of the payment (if it spent bonus) back to the
   * bonus in the payment's proportion, rounded down: floor(refund × bonus spent / payment). Give the payment's
   * ledger transaction as `paymentTransactionId`.
   */
  async refund(trx: Db, input: WalletMovementInput & { paymentTransactionId?: string }): Promise<WalletMovement> {
    const ledger = this.ledger.with(trx);
    const bonusAccount = await ledger.findAccount(input.merchantId, 'member_bonus', input.memberId);
    const paid =
      bonusAccount && input.paymentTransactionId
        ? await ledger.transactionAmounts(input.merchantId, input.paymentTransactionId)
        : undefined;
    const bonusPaid = paid && bonusAccount ? (paid.get(bonusAccount.id) ?? 0) : 0;
    const paidTotal = paid ? [...paid.values()].filter((v) => v > 0).reduce((a, b) => a + b, 0) : 0;
    if (!bonusAccount || bonusPaid <= 0 || paidTotal <= 0)
      return this.moveWallet(trx, input, 'merchant_revenue', (wallet, revenue) =>
        refund({ revenue, wallet }, input.amountFen),
      );
    assertAmount(input.amountFen);
    const bonusBack = Math.floor((input.amountFen * bonusPaid) / paidTotal);
    const principalBack = input.amountFen - bonusBack;
    const wallet = await ledger.account(input.merchantId, 'member_wallet', input.memberId);
    const revenue = await ledger.account(input.merchantId, 'merchant_revenue');
    const funding = await ledger.account(input.merchantId, 'bonus_funding');
    const postings = [
      ...(principalBack > 0
        ? [
            { accountId: revenue.id, amountFen: principalBack },
            { accountId: wallet.id, amountFen: -principalBack },
          ]
        : []),
      ...(bonusBack > 0
        ? [
            { accountId: funding.id, amountFen: bonusBack },
            { accountId: bonusAccount.id, amountFen: -bonusBack },
          ]
        : []),
    ];
    const { transactionId } = await ledger.post(input.merchantId, {
      kind: 'refund',
      postings,
      reference: input.reference,
      staffId: input.staffId,
      reason: input.reason,
    });
    const after = await this.lockStoredValue(trx, input.merchantId, input.memberId);
    return { transactionId, balanceFen: after.principalFen, bonusFen: after.bonusFen };
  }

  /** The member's principal and bonus, both balance rows locked until the caller's transaction ends. */
  async lockStoredValue(
    trx: Db,
    merchantId: string,
    memberId: string,
  ): Promise<{ principalFen: number; bonusFen: number }> {
    const ledger = this.ledger.with(trx);
    const wallet = await ledger.account(merchantId, 'member_wallet', memberId);
    const bonus = await ledger.account(merchantId, 'member_bonus', memberId);
    const [first, second] = [wallet.id, bonus.id].sort();
    const sums = new Map([
      [first!, await ledger.lockedSum(merchantId, first!)],
      [second!, await ledger.lockedSum(merchantId, second!)],
    ]);
    return {
      principalFen: naturalBalance('member_wallet', sums.get(wallet.id)!),
      bonusFen: naturalBalance('member_bonus', sums.get(bonus.id)!),
    };
  }

  /**
   * A stored-value plan bought (充值送): the principal taken at the till into the wallet (clearing → wallet), the bonus
   * the merchant gives into the member's bonus (bonus_funding → member_bonus), one ledger transaction.
   */
  async purchasePlan(
    trx: Db,
    input: Omit<WalletMovementInput, 'amountFen'> & { principalFen: number; bonusFen: number },
  ): Promise<WalletMovement> {
    assertAmount(input.principalFen, 'principalFen');
    const ledger = this.ledger.with(trx);
    const wallet = await ledger.account(input.merchantId, 'member_wallet', input.memberId);
    const bonus = await ledger.account(input.merchantId, 'member_bonus', input.memberId);
    const clearing = await ledger.account(input.merchantId, 'topup_clearing');
    const funding = await ledger.account(input.merchantId, 'bonus_funding');
    const { transactionId } = await ledger.post(input.merchantId, {
      kind: 'plan_purchase',
      postings: [
        { accountId: clearing.id, amountFen: input.principalFen },
        { accountId: wallet.id, amountFen: -input.principalFen },
        ...(input.bonusFen > 0
          ? [
              { accountId: funding.id, amountFen: input.bonusFen },
              { accountId: bonus.id, amountFen: -input.bonusFen },
            ]
          : []),
      ],
      reference: input.reference,
      staffId: input.staffId,
      reason: input.reason,
    });
    const after = await this.lockStoredValue(trx, input.merchantId, input.memberId);
    return { transactionId, balanceFen: after.principalFen + after.bonusFen };
  }

  /** A plan refunded: principal paid back out (wallet → clearing), bonus forfeited (member_bonus → bonus_funding). */
  async refundPlan(
    trx: Db,
    input: Omit<WalletMovementInput, 'amountFen'> & { principalFen: number; bonusFen: number },
  ): Promise<{ transactionId: string | null }> {
    const ledger = this.ledger.with(trx);
    const wallet = await ledger.account(input.merchantId, 'member_wallet', input.memberId);
    const bonus = await ledger.account(input.merchantId, 'member_bonus', input.memberId);
    const clearing = await ledger.account(input.merchantId, 'topup_clearing');
    const funding = await ledger.account(input.merchantId, 'bonus_funding');
    const postings = [
      ...(input.principalFen > 0
        ? [
            { accountId: wallet.id, amountFen: input.principalFen },
            { accountId: clearing.id, amountFen: -input.principalFen },
          ]
        : []),
      ...(input.bonusFen > 0
        ? [
            { accountId: bonus.id, amountFen: input.bonusFen },
            { accountId: funding.id, amountFen: -input.bonusFen },
          ]
        : []),
    ];
    if (!postings.length) return { transactionId: null };
    const { transactionId } = await ledger.post(input.merchantId, {
      kind: 'plan_refund',
      postings,
      reference: input.reference,
      staffId: input.staffId,
      reason: input.reason,
    });
    return { transactionId };
  }

  /** The merchant's stored value outstanding (deferred revenue): principal owed to members, and bonus not yet spent. */
  async storedValueOutstanding(merchantId: string): Promise<{ principalFen: number; bonusFen: number }> {
    const sums = await this.ledger.sumsByKind(merchantId, ['member_wallet', 'member_bonus']);
    return {
      principalFen: naturalBalance('member_wallet', sums.get('member_wallet') ?? 0),
      bonusFen: naturalBalance('member_bonus', sums.get('member_bonus') ?? 0),
    };
  }

  /** Money taken at the till or through a payment channel: clearing → wallet. */
  topUp(trx: Db, input: WalletMovementInput): Promise<WalletMovement> {
    return this.moveWallet(trx, input, 'topup_clearing', (wallet, clearing) =>
      topUp({ clearing, wallet }, input.amountFen),
    );
  }

  /**
   * The member's points balance, their points balance row locked until the caller's transaction ends: a caller that
   * decides how many points may leave (redemption, reversal, expiry, adjustment) decides against this number.
   */
  async lockPoints(trx: Db, merchantId: string, memberId: string): Promise<number> {
    const ledger = this.ledger.with(trx);
    const account = await ledger.account(merchantId, 'member_points', memberId);
    return naturalBalance('member_points', await ledger.lockedSum(merchantId, account.id));
  }

  /** Posts points to or from the member (member_points against points_program); returns the balance after. */
  async movePoints(trx: Db, input: PointsMovementInput): Promise<WalletMovement> {
    if (!Number.isSafeInteger(input.points) || input.points === 0)
      throw new Error(`a points movement needs a whole number of points other than 0, not ${input.points}`);
    const ledger = this.ledger.with(trx);
    const member = await ledger.account(input.merchantId, 'member_points', input.memberId);
    const program = await ledger.account(input.merchantId, 'points_program');
    const { transactionId, balances } = await ledger.post(input.merchantId, {
      kind: input.kind,
      postings: [
        { accountId: program.id, amountFen: input.points },
        { accountId: member.id, amountFen: -input.points },
      ],
      reference: input.reference,
      staffId: input.staffId,
      reason: input.reason,
    });
    return { transactionId, balanceFen: naturalBalance('member_points', balances.get(member.id)!) };
  }

  /** The member's points balance from the ledger entries, and their latest movements. */
  async points(
    merchantId: string,
    memberId: string,
    historyLimit = 0,
  ): Promise<{
    balance: number;
    history: Array<{ kind: string; points: number; reference: string | null; at: Date }>;
  }> {
    const account = await this.ledger.findAccount(merchantId, 'member_points', memberId);
    if (!account) return { balance: 0, history: [] };
    const [sum, history] = await Promise.all([
      this.ledger.entrySum(merchantId, account.id),
      historyLimit > 0 ? this.ledger.history(merchantId, account.id, historyLimit) : Promise.resolve([]),
    ]);
    return {
      balance: naturalBalance('member_points', sum),
      history: history.map((h) => ({
        kind: h.kind,
        points: naturalBalance('member_points', h.amount_fen),
        reference: h.reference,
        at: h.created_at,
      })),
    };
  }

  /** The member's stored value from the entries: principal (the wallet) and bonus (充值送, not yet spent). */
  async storedValue(merchantId: string, memberId: string): Promise<{ principalFen: number; bonusFen: number }> {
    const balance = async (kind: 'member_wallet' | 'member_bonus') => {
      const account = await this.ledger.findAccount(merchantId, kind, memberId);
      return account ? naturalBalance(kind, await this.ledger.entrySum(merchantId, account.id)) : 0;
    };
    const [principalFen, bonusFen] = await Promise.all([balance('member_wallet'), balance('member_bonus')]);
    return { principalFen, bonusFen };
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
