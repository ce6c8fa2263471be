import { sql, type Kysely } from 'kysely';

/**
 * How the schema spreads over a Citus cluster. Tenant tables are distributed by `merchant_id` and colocated, so one
 * merchant's rows of every table sit on one node and a merchant's queries, joins and transactions stay there.
 * The tables below are small and read everywhere; they are reference tables, copied to every node.
 *
 * - merchants: read on most requests (settings), found by its global code (member app links, activation codes), and
 *   staff point at it; a few thousand rows at most. Tenant tables reference it with an ordinary foreign key.
 * - staff_users and staff_sessions: a provider admin belongs to no merchant, and sign-in finds staff by username.
 * - outbox_subscriptions: which subscriber wants which event types, written by the dispatchers on start.
 */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set([
  'service_providers',
  'merchants',
  'staff_users',
  'staff_sessions',
  'outbox_subscriptions',
]);

/** The migrator's own bookkeeping: stays on the coordinator, outside the rules. */
export const MIGRATOR_TABLES: ReadonlySet<string> = new Set(['kysely_migration', 'kysely_migration_lock']);

export const DISTRIBUTION_COLUMN = 'merchant_id';

export type Placement = 'reference' | 'distributed' | 'coordinator';

export interface TableShape {
  name: string;
  /** Has a `merchant_id` column. */
  hasMerchantId: boolean;
  /** Tables its foreign keys point at (itself excluded). */
  references: string[];
}

export class DistributionError extends Error {
  override name = 'DistributionError';
}

/** Reference list first, then the rule: a table with `merchant_id` is a tenant table, distributed by it. */
export function placementOf(table: Pick<TableShape, 'name' | 'hasMerchantId'>): Placement {
  if (MIGRATOR_TABLES.has(table.name)) return 'coordinator';
  if (REFERENCE_TABLES.has(table.name)) return 'reference';
  if (table.hasMerchantId) return 'distributed';
  throw new DistributionError(
    `table ${table.name} has no ${DISTRIBUTION_COLUMN} and is not on the reference list: give it ${DISTRIBUTION_COLUMN} or add it to REFERENCE_TABLES`,
  );
}

/**
 * The Citus calls that place `pending` tables, in an order Citus accepts: reference tables before distributed ones,
 * and a table only after the tables its foreign keys point at. Distributed tables are colocated with `anchor` (a
 * table already distributed), or with the first one placed here.
 */
export function distributionPlan(pending: TableShape[], anchor: string | null): string[] {
  const placed = pending
    .map((table) => ({ table, placement: placementOf(table) }))
    .filter((p) => p.placement !== 'coordinator');
  const statements: string[] = [];
  let colocateWith = anchor;
  for (const kind of ['reference', 'distributed'] as const) {
    for (const table of dependencyOrder(placed.filter((p) => p.placement === kind).map((p) => p.table))) {
      const name = quoteLiteral(table.name);
      if (kind === 'reference') {
        statements.push(`select create_reference_table(${name})`);
      } else {
        const colocation = colocateWith ? quoteLiteral(colocateWith) : `'none'`;
        statements.push(
          `select create_distributed_table(${name}, '${DISTRIBUTION_COLUMN}', colocate_with => ${colocation})`,
        );
        colocateWith ??= table.name;
      }
    }
  }
  return statements;
}

function dependencyOrder(tables: TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableShape[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableShape, path: string[]) => {
    const seen = state.get(table.name);
    if (seen === 'done') return;
    if (seen === 'visiting')
      throw new DistributionError(`foreign keys form a cycle: ${[...path, table.name].join(' → ')}`);
    state.set(table.name, 'visiting');
    for (const target of [...table.references].sort()) {
      const next = byName.get(target);
      if (next && next !== table) visit(next, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}

function quoteLiteral(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** The tables of the public schema with their `merchant_id` and the tables their foreign keys point at. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reads the catalogue of any schema
export async function readTableShapes(db: Kysely<any>): Promise<TableShape[]> {
  const { rows } = await sql<{ name: string; has_merchant_id: boolean; references: string[] | null }>`
    select c.relname as name,
           exists (select 1 from pg_attribute a
                    where a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN} and not a.attisdropped) as has_merchant_id,
           (select array_agg(distinct t.relname::text) from pg_constraint f join pg_class t on t.oid = f.confrelid
             where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as references
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`.execute(db);
  return rows.map((r) => ({ name: r.name, hasMerchantId: r.has_merchant_id, references: r.references ?? [] }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function hasCitus(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql`select 1 from pg_extension where extname = 'citus'`.execute(db);
  return rows.length > 0;
}

/**
 * On a Citus coordinator, places every table not placed yet (new ones, and the "Citus local" tables Citus makes of a
 * new table with a foreign key to a reference table); elsewhere it does nothing. The migrator calls it after each
 * migration, inside the migration's transaction. Returns the statements it ran.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function distributeNewTables(db: Kysely<any>): Promise<string[]> {
  if (!(await hasCitus(db))) return [];
  // Citus refuses parallel shard commands after a reference table was written in the same transaction.
  await sql`set local citus.multi_shard_modify_mode to 'sequential'`.execute(db);
  const { rows } = await sql<{ name: string; partmethod: string; repmodel: string }>`
    select c.relname as name, p.partmethod, p.repmodel
      from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public'`.execute(db);
  // partmethod 'h': hash-distributed; 'n' with repmodel 't': reference; 'n' with 's': a Citus local table.
  const placed = new Set(rows.filter((r) => r.partmethod === 'h' || r.repmodel === 't').map((r) => r.name));
  const anchor =
    rows
      .filter((r) => r.partmethod === 'h')
      .map((r) => r.name)
      .sort()[0] ?? null;
  const pending = (await readTableShapes(db)).filter((t) => !placed.has(t.name));
  const statements = distributionPlan(pending, anchor);
  for (const statement of statements) await sql.raw(statement).execute(db);
  return statements;
}
