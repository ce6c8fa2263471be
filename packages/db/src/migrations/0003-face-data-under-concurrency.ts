import { sql, type Kysely } from 'kysely';

/**
 * Face data and face sessions under concurrency. `members.face_data_deletions` counts how often the member's face data
 * was deleted (by the member, or with a consent withdrawal): an enrollment that sees it move while it analyses stores
 * nothing. The partial indexes find, without scanning a merchant's history, the sessions still holding a sealed
 * probe (few: only a face-comparing step-up keeps one) and the member's open sessions a deletion ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('members')
    .addColumn('face_data_deletions', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index face_sessions_holding_probe on face_sessions (merchant_id) where decision ? 'probe'`.execute(
    db,
  );
  await sql`create index face_sessions_open on face_sessions (merchant_id, expires_at) where status in ('step_up', 'approved')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('face_sessions_open').execute();
  await db.schema.dropIndex('face_sessions_holding_probe').execute();
  await db.schema.alterTable('members').dropColumn('face_data_deletions').execute();
}
