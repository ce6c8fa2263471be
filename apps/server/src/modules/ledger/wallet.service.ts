import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actors.ts';
import { DomainError, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import { assertAmount, naturalBalance, topUp } from './ledger-postings.ts';
import { maxTopUpFen, merchantSettings } from '../settings/index.ts';
import { AuditRepository } from '../audit/index.ts';
import { LedgerRepository } from './ledger.repository.ts';
import { MemberRepository } from '../members/index.ts';
import { TenancyRepository } from '../tenancy/index.ts';
import { runIdempotent } from '../../platform/db/idempotency.ts';
import type { ReceiptService } from '../payments/index.ts';
import type { TenancyService } from '../tenancy/index.ts';

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
  balanceFen: number;
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
    private readonly db: Kysely<Database>,
    private readonly tenancy: TenancyService,
    private readonly receipts: ReceiptService,
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
    return runIdempotent(
      this.db,
      {
        merchantId: input.merchantId,
        scope: 'top_up',
        key: input.idempotencyKey,
        request: { ...input, reason, actor: actor.type },
      },
      async (trx) => {
        const member = await new MemberRepository(trx).get(input.merchantId, input.memberId);
        if (!member) throw notFound('member_not_found', 'no such member');
        const ledger = new LedgerRepository(trx);
        const wallet = await ledger.account(input.merchantId, 'member_wallet', input.memberId);
        const clearing = await ledger.account(input.merchantId, 'topup_clearing');
        const movement = topUp({ clearing: clearing.id, wallet: wallet.id }, input.amountFen);
        const { transactionId, balances } = await ledger.post(input.merchantId, {
          ...movement,
          reference: `top_up:${input.channel}`,
          staffId,
          reason,
        });
        const balanceFen = naturalBalance('member_wallet', balances.get(wallet.id)!);
        await this.receipts.post(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          kind: 'top_up',
          body: { transactionId, amountFen: input.amountFen, channel: input.channel, testMoney, balanceFen },
        });
        await new AuditRepository(trx).record({
          merchantId: input.merchantId,
          actorType: actor.type,
          actorId: staffId ?? (actor.type === 'member' ? actor.memberId : null),
          action: 'wallet.topped_up',
          targetType: 'member',
          targetId: input.memberId,
          details: { transactionId, amountFen: input.amountFen, channel: input.channel, testMoney, reason },
        });
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
    if (!(await new MemberRepository(this.db).get(merchantId, memberId)))
      throw notFound('member_not_found', 'no such member');
    const ledger = new LedgerRepository(this.db);
    const wallet = await ledger.findAccount(merchantId, 'member_wallet', memberId);
    if (!wallet) return { memberId, balanceFen: 0, verified: true, history: [] };
    const [entrySum, cachedSum, history] = await Promise.all([
      ledger.entrySum(merchantId, wallet.id),
      ledger.cachedSum(merchantId, wallet.id),
      ledger.history(merchantId, wallet.id, historyLimit),
    ]);
    return {
      memberId,
      balanceFen: naturalBalance('member_wallet', entrySum),
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
      const merchant = await new TenancyRepository(this.db).getMerchant(input.merchantId);
      if (merchant && merchantSettings(merchant.settings).testPaymentChannel) return;
      throw forbidden('test_channel_disabled', 'this merchant does not take test-channel top-ups');
    }
    throw forbidden(
      'forbidden',
      'top-ups are made by store staff at the till, or by the member through a payment channel',
    );
  }
}
