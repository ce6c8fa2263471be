import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/actors.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { assertAmount, naturalBalance, topUp } from '../domain/ledger.ts';
import { merchantSettings } from '../domain/merchant-settings.ts';
import { LedgerRepository } from '../repositories/ledger.repository.ts';
import { MemberRepository } from '../repositories/member.repository.ts';
import { TenancyRepository } from '../repositories/tenancy.repository.ts';
import { runIdempotent } from './idempotency.ts';
import type { ReceiptService } from './receipt.service.ts';
import type { TenancyService } from './tenancy.service.ts';

export interface TopUpResult {
  transactionId: string;
  memberId: string;
  amountFen: number;
  balanceFen: number;
}

export interface WalletView {
  memberId: string;
  balanceFen: number;
  /** The cached balance agrees with the sum of ledger entries. */
  verified: boolean;
  history: Array<{ transactionId: string; kind: string; amountFen: number; reference: string | null; at: string }>;
}

/** The member's stored-value wallet: top-ups and a view derived from the ledger. */
export class WalletService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenancy: TenancyService,
    private readonly receipts: ReceiptService,
  ) {}

  /** Cash or card at the till (staff), or the test payment channel (the member, where the merchant allows it). */
  async topUp(
    actor: Actor,
    input: { merchantId: string; memberId: string; amountFen: number; idempotencyKey: string; channel: 'till' | 'test' },
  ): Promise<TopUpResult> {
    assertAmount(input.amountFen);
    await this.authorizeTopUp(actor, input);
    return runIdempotent(
      this.db,
      { merchantId: input.merchantId, scope: 'top_up', key: input.idempotencyKey, request: { ...input, actor: actor.type } },
      async (trx) => {
        const member = await new MemberRepository(trx).get(input.merchantId, input.memberId);
        if (!member) throw notFound('member_not_found', 'no such member');
        const ledger = new LedgerRepository(trx);
        const wallet = await ledger.account(input.merchantId, 'member_wallet', input.memberId);
        const clearing = await ledger.account(input.merchantId, 'topup_clearing');
        const movement = topUp({ clearing: clearing.id, wallet: wallet.id }, input.amountFen);
        const { transactionId, balances } = await ledger.post(input.merchantId, { ...movement, reference: `top_up:${input.channel}` });
        const balanceFen = naturalBalance('member_wallet', balances.get(wallet.id)!);
        await this.receipts.post(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          kind: 'top_up',
          body: { transactionId, amountFen: input.amountFen, channel: input.channel, balanceFen },
        });
        return { transactionId, memberId: input.memberId, amountFen: input.amountFen, balanceFen };
      },
    );
  }

  async view(actor: Actor, merchantId: string, memberId: string, historyLimit = 50): Promise<WalletView> {
    if (actor.type === 'member') {
      if (actor.merchantId !== merchantId || actor.memberId !== memberId) throw forbidden('forbidden', 'a member sees only their own wallet');
    } else if (actor.type === 'staff') {
      await this.tenancy.merchantFor(actor, merchantId, 'wallet.read');
    } else {
      throw forbidden('forbidden', 'devices do not read wallets');
    }
    if (!(await new MemberRepository(this.db).get(merchantId, memberId))) throw notFound('member_not_found', 'no such member');
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
        at: h.created_at.toISOString(),
      })),
    };
  }

  private async authorizeTopUp(actor: Actor, input: { merchantId: string; memberId: string; channel: 'till' | 'test' }) {
    if (actor.type === 'staff' && input.channel === 'till') {
      await this.tenancy.merchantFor(actor, input.merchantId, 'wallet.top_up');
      return;
    }
    if (actor.type === 'member' && input.channel === 'test' && actor.merchantId === input.merchantId && actor.memberId === input.memberId) {
      const merchant = await new TenancyRepository(this.db).getMerchant(input.merchantId);
      if (merchant && merchantSettings(merchant.settings).testPaymentChannel) return;
      throw forbidden('test_channel_disabled', 'this merchant does not take test-channel top-ups');
    }
    throw forbidden('forbidden', 'top-ups are made by store staff at the till, or by the member through a payment channel');
  }
}
