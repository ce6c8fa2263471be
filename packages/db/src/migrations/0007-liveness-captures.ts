import { sql, type Kysely } from 'kysely';

/**
 * Calibration captures: a merchant's technician records labelled live and attack attempts at a real kiosk, so the
 * liveness thresholds can be set from field data. Only the checks' measurements are kept, never the frames.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('liveness_captures')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('label', 'text', (c) =>
      c.notNull().check(sql`label in ('live', 'print', 'screen', 'mask', 'other_attack')`),
    )
    .addColumn('note', 'text')
    .addColumn('started_by', 'uuid', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addPrimaryKeyConstraint('liveness_captures_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint('liveness_captures_device_fk', ['merchant_id', 'device_id'], 'devices', [
      'merchant_id',
      'id',
    ])
    .execute();
  // One open capture per kiosk: its attempts belong to exactly one label.
  await db.schema
    .createIndex('liveness_captures_open_per_device')
    .on('liveness_captures')
    .columns(['merchant_id', 'device_id'])
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('liveness_capture_attempts')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('capture_id', 'uuid', (c) => c.notNull())
    .addColumn('challenge', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('awaiting_frames', 'assessed')`))
    .addColumn('passed', 'boolean')
    .addColumn('verdict', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('liveness_capture_attempts_pk', ['merchant_id', 'id'])
    .addForeignKeyConstraint(
      'liveness_capture_attempts_capture_fk',
      ['merchant_id', 'capture_id'],
      'liveness_captures',
      ['merchant_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('liveness_capture_attempts_by_capture')
    .on('liveness_capture_attempts')
    .columns(['merchant_id', 'capture_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('liveness_capture_attempts').execute();
  await db.schema.dropTable('liveness_captures').execute();
}
