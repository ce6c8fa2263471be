import { sql, type Kysely } from 'kysely';

const ACCOUNTS_BEFORE = `'member_wallet', 'merchant_revenue', 'topup_clearing', 'merchant_receivable'`;
const ACCOUNTS = `${ACCOUNTS_BEFORE}, 'member_bonus', 'bonus_funding', 'member_points', 'points_program'`;
const KINDS_BEFORE = `'top_up', 'payment', 'refund'`;
const KINDS = `${KINDS_BEFORE}, 'plan_purchase', 'plan_refund', 'points_earn', 'points_reverse', 'points_redeem', 'points_expire', 'points_adjust'`;

/**
 * The ledger carries two more things beside the member wallet:
 * - stored-value bonus (充值送): `member_bonus` (credit-normal, what the merchant gave on top of the principal and the
 *   member may still spend) against `bonus_funding` (debit-normal, its mirror on the merchant's side); the principal
 *   stays in `member_wallet`;
 * - points: `member_points` (credit-normal) against `points_program` (debit-normal), in whole points.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table ledger_accounts drop constraint ledger_accounts_kind_check`).execute(db);
  await sql
    .raw(`alter table ledger_accounts add constraint ledger_accounts_kind_check check (kind in (${ACCOUNTS}))`)
    .execute(db);
  await sql.raw(`alter table ledger_transactions drop constraint ledger_transactions_kind_check`).execute(db);
  await sql
    .raw(`alter table ledger_transactions add constraint ledger_transactions_kind_check check (kind in (${KINDS}))`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table ledger_accounts drop constraint ledger_accounts_kind_check`).execute(db);
  await sql
    .raw(`alter table ledger_accounts add constraint ledger_accounts_kind_check check (kind in (${ACCOUNTS_BEFORE}))`)
    .execute(db);
  await sql.raw(`alter table ledger_transactions drop constraint ledger_transactions_kind_check`).execute(db);
  await sql
    .raw(
      `alter table ledger_transactions add constraint ledger_transactions_kind_check check (kind in (${KINDS_BEFORE}))`,
    )
    .execute(db);
}
