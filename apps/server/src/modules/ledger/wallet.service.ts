import type { Receipt } from '@shualian/db';
import type { Actor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { DomainError, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { MemberService } from '../members/index.ts';
import { maxTopUpFen, merchantSettings } from '../settings/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { assertAmount, naturalBalance } from './ledger-postings.ts';
import type { LedgerRepository } from './ledger.repository.ts';
import type { LedgerService } from './ledger.service.ts';

/** Where a top-up's receipt goes (the payments module's inbox; the ledger sits below payments, so it asks through this). */
export interface WalletReceipts {
  post(
    trx: Db,
    receipt: { merchantId: string; memberId: string; kind: Receipt['kind']; body: Record<string, unknown> },
  ): Promise<string>;
}

export type TopUpChannel = 'till' | 'test';

export interface TopUpResult {
  transactionId: string;
  memberId: string;
  amountFen: number;
  balanceFen: number;
  channel: TopUpChannel;
  /** Money from the test payment channel: no real payment stands behind it. */
  testMoney: boolean;
}

export const TOP_UP_REASON_MAX_LENGTH = 200;

export interface WalletView {
  memberId: string;
  /** The principal: money the member paid in (top-ups, stored-value plans' price). */
  balanceFen: number;
  /** Stored-value bonus (充值送) not yet spent; payments spend it beside the principal in the merchant's order. */
  bonusFen: number;
  /** The cached balance agrees with the sum of ledger entries. */
  verified: boolean;
  history: Array<{
    transactionId: string;
    kind: string;
    amountFen: number;
    reference: string | null;
    testMoney: boolean;
    at: string;
  }>;
}

/** The member's stored-value wallet: top-ups and a view derived from the ledger. */
export class WalletService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly postings: LedgerService,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    private readonly receipts: WalletReceipts,
  ) {}

  /**
   * Cash or card at the till (staff, with a reason, up to their role's limit), or the test payment channel (the
   * member, where the merchant allows it). The ledger transaction names the staff member; the audit log has every one.
   */
  async topUp(
    actor: Actor,
    input: {
      merchantId: string;
      memberId: string;
      amountFen: number;
      idempotencyKey: string;
      channel: TopUpChannel;
      reason?: string;
    },
  ): Promise<TopUpResult> {
    assertAmount(input.amountFen);
    const reason = input.reason?.trim() || null;
    await this.authorizeTopUp(actor, { ...input, reason });
    const staffId = actor.type === 'staff' ? actor.staffId : null;
    const testMoney = input.channel === 'test';
    return this.transactions.once(
      {
        merchantId: input.merchantId,
        scope: 'top_up',
        key: input.idempotencyKey,
        request: { ...input, reason, actor: actor.type },
      },
      async (trx) => {
        const member = await this.members.find(input.merchantId, input.memberId, trx);
        if (!member) throw notFound('member_not_found', 'no such member');
        const { transactionId, balanceFen } = await this.postings.topUp(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          amountFen: input.amountFen,
          reference: `top_up:${input.channel}`,
          staffId,
          reason,
        });
        await this.receipts.post(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          kind: 'top_up',
          body: { transactionId, amountFen: input.amountFen, channel: input.channel, testMoney, balanceFen },
        });
        await this.audit.record(
          {
            merchantId: input.merchantId,
            actorType: actor.type,
            actorId: staffId ?? (actor.type === 'member' ? actor.memberId : null),
            action: 'wallet.topped_up',
            targetType: 'member',
            targetId: input.memberId,
            details: { transactionId, amountFen: input.amountFen, channel: input.channel, testMoney, reason },
          },
          trx,
        );
        return {
          transactionId,
          memberId: input.memberId,
          amountFen: input.amountFen,
          balanceFen,
          channel: input.channel,
          testMoney,
        };
      },
    );
  }

  async view(actor: Actor, merchantId: string, memberId: string, historyLimit = 50): Promise<WalletView> {
    if (actor.type === 'member') {
      if (actor.merchantId !== merchantId || actor.memberId !== memberId)
        throw forbidden('forbidden', 'a member sees only their own wallet');
    } else if (actor.type === 'staff') {
      await this.tenancy.merchantFor(actor, merchantId, 'wallet.read');
    } else {
      throw forbidden('forbidden', 'devices do not read wallets');
    }
    if (!(await this.members.find(merchantId, memberId))) throw notFound('member_not_found', 'no such member');
    const ledger = this.ledger;
    const wallet = await ledger.findAccount(merchantId, 'member_wallet', memberId);
    if (!wallet) return { memberId, balanceFen: 0, bonusFen: 0, verified: true, history: [] };
    const [entrySum, cachedSum, history, { bonusFen }] = await Promise.all([
      ledger.entrySum(merchantId, wallet.id),
      ledger.cachedSum(merchantId, wallet.id),
      ledger.history(merchantId, wallet.id, historyLimit),
      this.postings.storedValue(merchantId, memberId),
    ]);
    return {
      memberId,
      balanceFen: naturalBalance('member_wallet', entrySum),
      bonusFen,
      verified: entrySum === cachedSum,
      history: history.map((h) => ({
        transactionId: h.transaction_id,
        kind: h.kind,
        amountFen: naturalBalance('member_wallet', h.amount_fen),
        reference: h.reference,
        testMoney: h.reference === 'top_up:test',
        at: h.created_at.toISOString(),
      })),
    };
  }

  private async authorizeTopUp(
    actor: Actor,
    input: { merchantId: string; memberId: string; amountFen: number; channel: TopUpChannel; reason: string | null },
  ) {
    if (actor.type === 'staff' && input.channel === 'till') {
      const merchant = await this.tenancy.merchantFor(actor, input.merchantId, 'wallet.top_up');
      if (!input.reason)
        throw invalid('reason_required', 'say why the wallet is topped up (e.g. cash received, receipt number)');
      if (input.reason.length > TOP_UP_REASON_MAX_LENGTH) {
        throw invalid('reason_too_long', `the reason is at most ${TOP_UP_REASON_MAX_LENGTH} characters`);
      }
      const limit = maxTopUpFen(merchantSettings(merchant.settings), actor.role);
      if (input.amountFen > limit) {
        throw new DomainError(
          'forbidden',
          'top_up_over_role_limit',
          `your role (${actor.role}) may top up at most ${limit} fen at once`,
          {
            maxTopUpFen: limit,
            role: actor.role,
          },
        );
      }
      return;
    }
    if (
      actor.type === 'member' &&
      input.channel === 'test' &&
      actor.merchantId === input.merchantId &&
      actor.memberId === input.memberId
    ) {
      const merchant = await this.tenancy.merchant(input.merchantId);
      if (merchant && merchantSettings(merchant.settings).testPaymentChannel) return;
      throw forbidden('test_channel_disabled', 'this merchant does not take test-channel top-ups');
    }
    throw forbidden(
      'forbidden',
      'top-ups are made by store staff at the till, or by the member through a payment channel',
    );
  }
}
