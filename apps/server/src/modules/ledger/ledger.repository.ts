import { randomUUID } from 'node:crypto';
import type { LedgerAccount, LedgerAccountKind, LedgerTransactionKind } from '@shualian/db';
import { sql } from 'kysely';
import { assertBalanced, type Posting } from './ledger-postings.ts';
import { Repository } from '../../platform/db/repository.ts';

export class LedgerRepository extends Repository {
  /** The merchant's account of this kind (for a member wallet, that member's), if it exists yet. */
  findAccount(
    merchantId: string,
    kind: LedgerAccountKind,
    memberId: string | null = null,
  ): Promise<LedgerAccount | undefined> {
    let query = this.db
      .selectFrom('ledger_accounts')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('kind', '=', kind);
    query = memberId ? query.where('member_id', '=', memberId) : query.where('member_id', 'is', null);
    return query.executeTakeFirst();
  }

  /** The account, made on first use (inside the transaction that moves money into or out of it). */
  async account(merchantId: string, kind: LedgerAccountKind, memberId: string | null = null): Promise<LedgerAccount> {
    const existing = await this.findAccount(merchantId, kind, memberId);
    if (existing) return existing;
    await sql`insert into ledger_accounts (merchant_id, id, kind, member_id) values (${merchantId}, ${randomUUID()}, ${kind}, ${memberId})
              on conflict do nothing`.execute(this.db);
    const created = await this.findAccount(merchantId, kind, memberId);
    if (!created) throw new Error(`ledger account ${kind} could not be made`);
    return created;
  }

  /**
   * Writes a balanced transaction and moves the cached balances. The balance rows are updated in place, which locks
   * them until commit: two movements on one wallet queue up rather than both reading the old balance.
   * Returns the new raw entry sum per account.
   *
   * The entries are the legs of one chain, written in one statement: each leg opens at the running total the leg
   * before closed at, and the last closes at zero. The database refuses any other shape (see migration 0009).
   */
  async post(
    merchantId: string,
    movement: {
      kind: LedgerTransactionKind;
      reference: string | null;
      postings: Posting[];
      staffId?: string | null;
      reason?: string | null;
    },
  ): Promise<{ transactionId: string; balances: Map<string, number> }> {
    assertBalanced(movement.postings);
    const transactionId = randomUUID();
    await this.db
      .insertInto('ledger_transactions')
      .values({
        merchant_id: merchantId,
        id: transactionId,
        kind: movement.kind,
        reference: movement.reference,
        staff_id: movement.staffId ?? null,
        reason: movement.reason ?? null,
      })
      .execute();
    await this.db
      .insertInto('ledger_entries')
      .values(
        legs(movement.postings).map((p) => ({
          merchant_id: merchantId,
          transaction_id: transactionId,
          account_id: p.accountId,
          amount_fen: p.amountFen,
          leg: p.leg,
          last_leg: p.lastLeg,
          opening_fen: p.openingFen,
        })),
      )
      .execute();
    const balances = new Map<string, number>();
    // A fixed order keeps two concurrent transactions from locking the same balance rows in opposite orders.
    for (const p of [...movement.postings].sort((a, b) => a.accountId.localeCompare(b.accountId))) {
      const row = await this.db
        .insertInto('account_balances')
        .values({ merchant_id: merchantId, account_id: p.accountId, balance_fen: p.amountFen })
        .onConflict((oc) =>
          oc.columns(['merchant_id', 'account_id']).doUpdateSet({
            balance_fen: sql`account_balances.balance_fen + ${p.amountFen}`,
            updated_at: sql`excluded.updated_at`,
          }),
        )
        .returning('balance_fen')
        .executeTakeFirstOrThrow();
      balances.set(p.accountId, row.balance_fen);
    }
    return { transactionId, balances };
  }

  /**
   * The account's raw cached sum, its balance row locked until the caller's transaction ends (made at zero first if the
   * account has never moved): whoever decides against this balance holds it until the movement is posted.
   */
  async lockedSum(merchantId: string, accountId: string): Promise<number> {
    await this.db
      .insertInto('account_balances')
      .values({ merchant_id: merchantId, account_id: accountId, balance_fen: 0 })
      .onConflict((oc) => oc.columns(['merchant_id', 'account_id']).doNothing())
      .execute();
    const row = await this.db
      .selectFrom('account_balances')
      .select('balance_fen')
      .where('merchant_id', '=', merchantId)
      .where('account_id', '=', accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return Number(row.balance_fen);
  }

  /** The raw sum of every account of these kinds of the merchant, per kind (from the entries). */
  async sumsByKind(merchantId: string, kinds: readonly LedgerAccountKind[]): Promise<Map<LedgerAccountKind, number>> {
    const rows = await this.db
      .selectFrom('ledger_entries')
      .innerJoin('ledger_accounts', (join) =>
        join
          .onRef('ledger_accounts.merchant_id', '=', 'ledger_entries.merchant_id')
          .onRef('ledger_accounts.id', '=', 'ledger_entries.account_id'),
      )
      .select(['ledger_accounts.kind', (eb) => eb.fn.sum<number>('ledger_entries.amount_fen').as('total')])
      .where('ledger_entries.merchant_id', '=', merchantId)
      .where('ledger_accounts.kind', 'in', [...kinds])
      .groupBy('ledger_accounts.kind')
      .execute();
    return new Map(rows.map((r) => [r.kind, Number(r.total)]));
  }

  /** A transaction's raw amount per account. */
  async transactionAmounts(merchantId: string, transactionId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('ledger_entries')
      .select(['account_id', 'amount_fen'])
      .where('merchant_id', '=', merchantId)
      .where('transaction_id', '=', transactionId)
      .execute();
    const amounts = new Map<string, number>();
    for (const r of rows) amounts.set(r.account_id, (amounts.get(r.account_id) ?? 0) + r.amount_fen);
    return amounts;
  }

  /** The raw entry sum of an account, from the entries themselves (the source of truth). */
  async entrySum(merchantId: string, accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), sql<number>`0`).as('total'))
      .where('merchant_id', '=', merchantId)
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(row.total);
  }

  async cachedSum(merchantId: string, accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('account_balances')
      .select('balance_fen')
      .where('merchant_id', '=', merchantId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row?.balance_fen ?? 0;
  }

  history(merchantId: string, accountId: string, limit: number) {
    return this.db
      .selectFrom('ledger_entries')
      .innerJoin('ledger_transactions', (join) =>
        join
          .onRef('ledger_transactions.merchant_id', '=', 'ledger_entries.merchant_id')
          .onRef('ledger_transactions.id', '=', 'ledger_entries.transaction_id'),
      )
      .select([
        'ledger_entries.id',
        'ledger_entries.amount_fen',
        'ledger_entries.created_at',
        'ledger_transactions.kind',
        'ledger_transactions.reference',
        'ledger_transactions.id as transaction_id',
      ])
      .where('ledger_entries.merchant_id', '=', merchantId)
      .where('ledger_entries.account_id', '=', accountId)
      .orderBy('ledger_entries.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Accounts whose cached balance differs from their entries, and transactions that do not sum to zero. */
  async inconsistencies(merchantId: string): Promise<{ accounts: string[]; transactions: string[] }> {
    const accounts = await sql<{ account_id: string }>`
      select a.id as account_id from ledger_accounts a
        left join account_balances b on b.merchant_id = a.merchant_id and b.account_id = a.id
        left join (select account_id, sum(amount_fen) as total from ledger_entries where merchant_id = ${merchantId} group by account_id) e
          on e.account_id = a.id
       where a.merchant_id = ${merchantId} and coalesce(b.balance_fen, 0) <> coalesce(e.total, 0)`.execute(this.db);
    const transactions = await sql<{ transaction_id: string }>`
      select transaction_id from ledger_entries where merchant_id = ${merchantId}
       group by transaction_id having sum(amount_fen) <> 0`.execute(this.db);
    return {
      accounts: accounts.rows.map((r) => r.account_id),
      transactions: transactions.rows.map((r) => r.transaction_id),
    };
  }
}

/** Postings as the legs of one chain: numbered from 1, each opening at the running total before it. */
function legs(postings: Posting[]): Array<Posting & { leg: number; lastLeg: boolean; openingFen: number }> {
  let running = 0;
  return postings.map((p, i) => {
    const openingFen = running;
    running += p.amountFen;
    return { ...p, leg: i + 1, lastLeg: i === postings.length - 1, openingFen };
  });
}
