import { sql, type Kysely } from 'kysely';

/**
 * The schema as a database distributed by merchant (Citus) needs it; on one server nothing changes for the product.
 *
 * - Staff are a reference table (copied to every node), so they may not point into a merchant's rows: the store a
 *   store manager or cashier belongs to is checked by the staff service, and stores are never deleted.
 * - Activation codes are unique per merchant; new codes lead with the merchant's code, so activation finds the
 *   device among that merchant's rows. Codes issued before this version are still found across merchants.
 * - Member sessions are keyed by merchant, then token hash; new tokens name their merchant. The index on the hash
 *   alone serves tokens issued before this version until they expire (30 days).
 * - A ledger transaction's entries are the legs of a chain instead of rows a deferred trigger sums at commit
 *   (triggers do not distribute). Each leg opens at the running total the leg before closed at (`follows`), each but
 *   the last is followed by the next (`continues`), the first opens at zero and the last closes at zero. So the
 *   entries of every transaction sum to zero whatever code writes them: a lone or unbalanced set is refused when the
 *   statement ends, with the check's 23514 (or the chain's 23503 for a missing leg), and an entry that others chain
 *   to cannot be changed or deleted. A transaction's legs are written in one statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table staff_users drop constraint staff_store_fk`.execute(db);

  await sql`alter table devices drop constraint devices_activation_code_hash_key`.execute(db);
  await sql`alter table devices add constraint devices_activation_code_unique unique (merchant_id, activation_code_hash)`.execute(
    db,
  );

  await sql`alter table member_sessions drop constraint member_sessions_pkey`.execute(db);
  await sql`alter table member_sessions add constraint member_sessions_pk primary key (merchant_id, token_hash)`.execute(
    db,
  );
  await sql`create index member_sessions_token_hash on member_sessions (token_hash)`.execute(db);

  await sql`drop trigger ledger_entries_balanced on ledger_entries`.execute(db);
  await sql`drop function ledger_check_balanced()`.execute(db);
  await sql`
    alter table ledger_entries
      add column leg integer not null default 1,
      add column last_leg boolean not null default true,
      add column opening_fen bigint not null default 0`.execute(db);
  // Entries written before: legs in the order they were written (every transaction was balanced at its commit).
  await sql`
    update ledger_entries e
       set leg = o.leg, last_leg = o.leg = o.legs, opening_fen = o.running - e.amount_fen
      from (select merchant_id, id,
                   row_number() over w as leg,
                   count(*) over (partition by merchant_id, transaction_id) as legs,
                   sum(amount_fen) over w as running
              from ledger_entries
            window w as (partition by merchant_id, transaction_id order by id)) o
     where e.merchant_id = o.merchant_id and e.id = o.id`.execute(db);
  await sql`
    alter table ledger_entries
      add column closing_fen bigint generated always as (opening_fen + amount_fen) stored,
      add column previous_leg integer generated always as (case when leg > 1 then leg - 1 end) stored,
      add column next_leg integer generated always as (case when not last_leg then leg + 1 end) stored,
      add constraint ledger_entries_leg_positive check (leg >= 1),
      add constraint ledger_entries_opens_at_zero check (leg > 1 or opening_fen = 0),
      add constraint ledger_entries_refuse_unbalanced check (not last_leg or closing_fen = 0),
      add constraint ledger_entries_leg_unique unique (merchant_id, transaction_id, leg),
      add constraint ledger_entries_leg_closing unique (merchant_id, transaction_id, leg, closing_fen),
      add constraint ledger_entries_leg_opening unique (merchant_id, transaction_id, leg, opening_fen)`.execute(db);
  await sql`
    alter table ledger_entries
      add constraint ledger_entries_follows_fk foreign key (merchant_id, transaction_id, previous_leg, opening_fen)
        references ledger_entries (merchant_id, transaction_id, leg, closing_fen),
      add constraint ledger_entries_continues_fk foreign key (merchant_id, transaction_id, next_leg, closing_fen)
        references ledger_entries (merchant_id, transaction_id, leg, opening_fen)`.execute(db);
  // The legs' unique key leads with the same columns.
  await sql`drop index ledger_entries_tx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index ledger_entries_tx on ledger_entries (merchant_id, transaction_id)`.execute(db);
  await sql`
    alter table ledger_entries
      drop constraint ledger_entries_continues_fk,
      drop constraint ledger_entries_follows_fk,
      drop column next_leg,
      drop column previous_leg,
      drop column closing_fen,
      drop column opening_fen,
      drop column last_leg,
      drop column leg`.execute(db);
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

  await sql`drop index member_sessions_token_hash`.execute(db);
  await sql`alter table member_sessions drop constraint member_sessions_pk`.execute(db);
  await sql`alter table member_sessions add constraint member_sessions_pkey primary key (token_hash)`.execute(db);

  await sql`alter table devices drop constraint devices_activation_code_unique`.execute(db);
  await sql`alter table devices add constraint devices_activation_code_hash_key unique (activation_code_hash)`.execute(
    db,
  );

  await sql`alter table staff_users add constraint staff_store_fk foreign key (merchant_id, store_id)
            references stores (merchant_id, id)`.execute(db);
}
