import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { sql, type Migration } from 'kysely';
import { migrations } from './migrations/index.ts';
import { migrateToLatest } from './migrator.ts';
import { lintSchema, lintUpsertSources, volatileUpserts } from './schema-lint.ts';
import { createTestDatabase } from './testing.ts';
import type { DatabaseHandle } from './connect.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

let shipped: DatabaseHandle;
before(async () => {
  shipped = await createTestDatabase();
});
after(() => shipped.close());

test('the shipped schema is distributable by merchant', async () => {
  assert.deepEqual(await lintSchema(shipped.db), []);
});

test('no upsert in the sources updates with a volatile function', () => {
  assert.deepEqual(lintUpsertSources(root, ['apps', 'packages']), []);
});

test('a migration that breaks each rule is named, breach by breach', async () => {
  const scratch = await createTestDatabase({ migrate: false });
  try {
    const careless: Migration = {
      async up(db) {
        await sql`create table coupons (
                    merchant_id uuid not null references merchants (id), id uuid not null, code text not null,
                    primary key (merchant_id, id), unique (code))`.execute(db);
        await sql`create table coupon_uses (
                    id uuid not null, merchant_id uuid not null, coupon_merchant_id uuid not null, coupon_id uuid not null,
                    primary key (id, merchant_id),
                    constraint coupon_uses_coupon_fk foreign key (coupon_merchant_id, coupon_id) references coupons (merchant_id, id))`.execute(
          db,
        );
        await sql`create table coupon_templates (id uuid primary key, body text)`.execute(db);
        await sql`create table coupon_notes (merchant_id text not null, id uuid not null, primary key (merchant_id, id))`.execute(
          db,
        );
        await sql`create unique index coupon_uses_once on coupon_uses (coupon_id)`.execute(db);
        await sql`create function coupons_touch() returns trigger language plpgsql as $$ begin return new; end $$`.execute(
          db,
        );
        await sql`create trigger coupons_touched before update on coupons for each row execute function coupons_touch()`.execute(
          db,
        );
        await sql`alter table staff_users add constraint staff_home_store_fk foreign key (merchant_id, store_id)
                  references stores (merchant_id, id)`.execute(db);
      },
    };
    await migrateToLatest(scratch.db, { ...migrations, '9000-careless': careless });
    const problems = await lintSchema(scratch.db);
    const expected = [
      /^coupons: unique coupons_code_key does not include merchant_id \(btree \(code\)\)$/,
      /^coupon_uses: primary key coupon_uses_pkey does not lead with merchant_id$/,
      /^coupon_uses: unique coupon_uses_once does not include merchant_id/,
      /^coupon_uses: foreign key coupon_uses_coupon_fk may cross merchants/,
      /^coupon_templates: tenant table without merchant_id/,
      /^coupon_notes: merchant_id must be uuid not null/,
      /^coupons: trigger coupons_touched/,
      /^staff_users: foreign key staff_home_store_fk points from a reference table into tenant table stores$/,
    ];
    for (const pattern of expected) {
      assert.ok(
        problems.some((p) => pattern.test(p)),
        `${pattern} among:\n${problems.join('\n')}`,
      );
    }
    assert.equal(problems.length, expected.length, problems.join('\n'));
  } finally {
    await scratch.close();
  }
});

test('volatile functions in an upsert are found, in Kysely and in raw SQL; parameters and excluded are not', () => {
  const source = [
    "await db.insertInto('wallets').values(row)",
    "  .onConflict((oc) => oc.column('id').doUpdateSet({ balance: sql`wallets.balance + ${n}`, updated_at: sql`now()` }));",
    "await db.insertInto('wallets').values(row).onConflict((oc) => oc.column('id').doUpdateSet({ updated_at: this.now() }));",
    "await db.insertInto('wallets').values(row).onConflict((oc) => oc.column('id').doUpdateSet({ at: sql`excluded.at` }));",
    'await sql`insert into counters (merchant_id, key) values (${m}, ${k})',
    '          on conflict (merchant_id, key) do update set seen_at = current_timestamp`.execute(db);',
    '// on conflict do update set at = now() — a comment, with a stray ` in it',
    'await sql`insert into marks (id, at) values (${id}, now()) on conflict (id) do nothing`.execute(db);',
  ].join('\n');
  assert.deepEqual(volatileUpserts(source, 'wallet.repository.ts'), [
    'wallet.repository.ts:2: doUpdateSet calls now( in the database',
    'wallet.repository.ts:6: on conflict do update calls current_timestamp',
  ]);
});
