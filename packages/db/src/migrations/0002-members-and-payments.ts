import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const emptyJson = sql`'{}'::jsonb`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('phone_suffix', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('members_pk', ['merchant_id', 'id'])
    .addUniqueConstraint('members_phone_unique', ['merchant_id', 'phone'])
    .execute();

  await db.schema
    .createTable('otp_challenges')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed_at', 'timestamptz')
    .addColumn('client_ip', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('otp_challenges_pk', ['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('otp_challenges_phone')
    .on('otp_challenges')
    .columns(['merchant_id', 'phone', 'created_at'])
    .execute();
  await db.schema
    .createIndex('otp_challenges_ip')
    .on('otp_challenges')
    .columns(['merchant_id', 'client_ip', 'created_at'])
    .execute();

  await db.schema
    .createTable('sms_outbox')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('sms_outbox_pk', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('member_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'member_sessions_member_fk',
      ['merchant_id', 'member_id'],
      'members',
      ['merchant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('device_id', 'uuid')
    .addColumn('client_ip', 'text')
    .addColumn('user_agent', 'text')
    .addPrimaryKeyConstraint('consents_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('consents_member_fk', ['merchant_id', 'member_id'], 'members', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('merchant_data_keys')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('merchant_data_keys_pk', ['merchant_id', 'version'])
    .execute();

  await db.schema
    .createTable('face_templates')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('quality', 'jsonb', (c) => c.notNull().defaultTo(emptyJson))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('face_templates_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('face_templates_member_fk', ['merchant_id', 'member_id'], 'members', ['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('face_templates_member')
    .on('face_templates')
    .columns(['merchant_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('face_images')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('face_images_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('face_images_member_fk', ['merchant_id', 'member_id'], 'members', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('enrollment_reviews')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('matched_member_id', 'uuid', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('enrollment_reviews_pk', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('payment_agreements')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('password_free', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('per_payment_limit_fen', 'bigint', (c) => c.notNull().check(sql`per_payment_limit_fen >= 0`))
    .addColumn('daily_limit_fen', 'bigint', (c) => c.notNull().check(sql`daily_limit_fen >= 0`))
    .addColumn('pin_hash', 'text')
    .addColumn('pin_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pin_locked_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('payment_agreements_pk', ['merchant_id', 'member_id'])
    .addForeignKeyConstraint('payment_agreements_member_fk', ['merchant_id', 'member_id'], 'members', [
      'merchant_id',
      'id',
    ])
    .execute();

  // Double-entry ledger. An account's balance is the sum of its entries; `account_balances` is a cache kept in the
  // same transaction (and row-locked, which serialises movements on one wallet) and checked against the entries.
  await db.schema
    .createTable('ledger_accounts')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('member_wallet', 'merchant_revenue', 'topup_clearing', 'merchant_receivable')`),
    )
    .addColumn('member_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('ledger_accounts_pk', ['merchant_id', 'id'])
    .execute();
  await sql`create unique index ledger_accounts_one_per_kind on ledger_accounts
            (merchant_id, kind, coalesce(member_id, '00000000-0000-0000-0000-000000000000'))`.execute(db);

  await db.schema
    .createTable('ledger_transactions')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('top_up', 'payment', 'refund')`))
    .addColumn('reference', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('ledger_transactions_pk', ['merchant_id', 'id'])
    .execute();

  // amount_fen > 0 is a debit, < 0 a credit; a transaction's entries sum to zero.
  await db.schema
    .createTable('ledger_entries')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('transaction_id', 'uuid', (c) => c.notNull())
    .addColumn('account_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen <> 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('ledger_entries_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('ledger_entries_tx_fk', ['merchant_id', 'transaction_id'], 'ledger_transactions', [
      'merchant_id',
      'id',
    ])
    .addForeignKeyConstraint('ledger_entries_account_fk', ['merchant_id', 'account_id'], 'ledger_accounts', [
      'merchant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('ledger_entries_account')
    .on('ledger_entries')
    .columns(['merchant_id', 'account_id'])
    .execute();
  await db.schema
    .createIndex('ledger_entries_tx')
    .on('ledger_entries')
    .columns(['merchant_id', 'transaction_id'])
    .execute();

  // The database itself refuses an unbalanced transaction at commit, whatever code wrote it.
  await sql`
    create function ledger_check_balanced() returns trigger language plpgsql as $$
    declare total bigint;
    begin
      select coalesce(sum(amount_fen), 0) into total from ledger_entries
       where merchant_id = new.merchant_id and transaction_id = new.transaction_id;
      if total <> 0 then
        raise exception 'ledger transaction % is unbalanced by % fen', new.transaction_id, total
          using errcode = '23514';
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create constraint trigger ledger_entries_balanced after insert or update on ledger_entries
    deferrable initially deferred for each row execute function ledger_check_balanced()`.execute(db);

  await db.schema
    .createTable('account_balances')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('account_id', 'uuid', (c) => c.notNull())
    .addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('account_balances_pk', ['merchant_id', 'account_id'])
    .addForeignKeyConstraint('account_balances_account_fk', ['merchant_id', 'account_id'], 'ledger_accounts', [
      'merchant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('idempotency_records')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('idempotency_records_pk', ['merchant_id', 'scope', 'key'])
    .execute();

  await db.schema
    .createTable('face_sessions')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('store_id', 'uuid', (c) => c.notNull())
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('challenge', 'jsonb', (c) => c.notNull())
    .addColumn('candidates', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('step_up', 'text')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('member_id', 'uuid')
    .addColumn('decision', 'jsonb', (c) => c.notNull().defaultTo(emptyJson))
    .addColumn('payment_id', 'uuid')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('face_sessions_pk', ['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('face_sessions_device')
    .on('face_sessions')
    .columns(['merchant_id', 'device_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('store_id', 'uuid', (c) => c.notNull())
    .addColumn('device_id', 'uuid')
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('face_session_id', 'uuid')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('refunded_fen', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`refunded_fen >= 0`),
    )
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('transaction_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('payments_pk', ['merchant_id', 'id'])
    .addCheckConstraint('payments_refund_bound', sql`refunded_fen <= amount_fen`)
    .execute();
  await sql`create unique index payments_one_per_face_session on payments (merchant_id, face_session_id)
            where face_session_id is not null`.execute(db);
  await db.schema
    .createIndex('payments_member_time')
    .on('payments')
    .columns(['merchant_id', 'member_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('refunds')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('payment_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('reason', 'text')
    .addColumn('transaction_id', 'uuid', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('refunds_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('refunds_payment_fk', ['merchant_id', 'payment_id'], 'payments', ['merchant_id', 'id'])
    .execute();

  await db.schema
    .createTable('receipts')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'refund', 'top_up', 'notice')`))
    .addColumn('payment_id', 'uuid')
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('receipts_pk', ['merchant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('receipts_member')
    .on('receipts')
    .columns(['merchant_id', 'member_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'receipts',
    'refunds',
    'payments',
    'face_sessions',
    'idempotency_records',
    'account_balances',
    'ledger_entries',
    'ledger_transactions',
    'ledger_accounts',
    'payment_agreements',
    'enrollment_reviews',
    'face_images',
    'face_templates',
    'merchant_data_keys',
    'consents',
    'member_sessions',
    'sms_outbox',
    'otp_challenges',
    'members',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function ledger_check_balanced`.execute(db);
}
