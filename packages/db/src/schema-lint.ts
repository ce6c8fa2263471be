import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { DISTRIBUTION_COLUMN, MIGRATOR_TABLES, REFERENCE_TABLES } from './distribution.ts';

/**
 * The rules that keep the schema distributable by merchant, read from the catalogue after the migrations:
 * every table is a reference table or a tenant table with `merchant_id uuid not null`; a tenant table's primary key
 * leads with it and every unique constraint or index includes it; a tenant table's foreign keys pair `merchant_id`
 * with `merchant_id` (one merchant's rows) or point at a reference table; a reference table points at no tenant
 * table; and no triggers on either. Returns one line per breach, naming the table and the constraint.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reads the catalogue of any schema
export async function lintSchema(db: Kysely<any>): Promise<string[]> {
  const tables = (
    await sql<{
      oid: number;
      name: string;
      merchant_attnum: number | null;
      merchant_type: string | null;
      merchant_not_null: boolean | null;
    }>`
      select c.oid::int as oid, c.relname as name, a.attnum as merchant_attnum,
             format_type(a.atttypid, a.atttypmod) as merchant_type, a.attnotnull as merchant_not_null
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        left join pg_attribute a on a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN} and not a.attisdropped
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       order by c.relname`.execute(db)
  ).rows;
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const kind = (name: string) =>
    MIGRATOR_TABLES.has(name) ? 'migrator' : REFERENCE_TABLES.has(name) ? 'reference' : 'tenant';
  const problems: string[] = [];

  for (const t of tables) {
    if (kind(t.name) !== 'tenant') continue;
    if (t.merchant_attnum === null) {
      problems.push(
        `${t.name}: tenant table without merchant_id (give it merchant_id, or put it on the reference list)`,
      );
    } else if (t.merchant_type !== 'uuid' || !t.merchant_not_null) {
      problems.push(
        `${t.name}: merchant_id must be uuid not null (it is ${t.merchant_type}${t.merchant_not_null ? ' not null' : ''})`,
      );
    }
  }

  const uniques = (
    await sql<{ table_oid: number; name: string; primary: boolean; keys: number[]; definition: string }>`
      select i.indrelid::int as table_oid, ic.relname as name, i.indisprimary as primary,
             i.indkey::int2[] as keys, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i join pg_class ic on ic.oid = i.indexrelid
       where i.indisunique and i.indrelid in (select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                               where n.nspname = 'public')
       order by ic.relname`.execute(db)
  ).rows;
  const tenantsWithPrimaryKey = new Set<number>();
  for (const u of uniques) {
    const t = byOid.get(u.table_oid);
    if (!t || kind(t.name) !== 'tenant' || t.merchant_attnum === null) continue;
    const keys = u.keys.map(Number);
    if (u.primary) {
      tenantsWithPrimaryKey.add(t.oid);
      if (keys[0] !== t.merchant_attnum)
        problems.push(`${t.name}: primary key ${u.name} does not lead with merchant_id`);
    } else if (!keys.includes(t.merchant_attnum)) {
      problems.push(
        `${t.name}: unique ${u.name} does not include merchant_id (${u.definition.replace(/^.* USING /, '')})`,
      );
    }
  }
  for (const t of tables) {
    if (kind(t.name) === 'tenant' && t.merchant_attnum !== null && !tenantsWithPrimaryKey.has(t.oid)) {
      problems.push(`${t.name}: tenant table without a primary key`);
    }
  }

  const foreignKeys = (
    await sql<{
      name: string;
      from_oid: number;
      to_oid: number;
      from_keys: number[];
      to_keys: number[];
      definition: string;
    }>`
      select conname as name, conrelid::int as from_oid, confrelid::int as to_oid, conkey::int2[] as from_keys,
             confkey::int2[] as to_keys, pg_get_constraintdef(oid) as definition
        from pg_constraint where contype = 'f' order by conname`.execute(db)
  ).rows;
  for (const fk of foreignKeys) {
    const from = byOid.get(fk.from_oid);
    const to = byOid.get(fk.to_oid);
    if (!from || !to) continue;
    const fromKind = kind(from.name);
    const toKind = kind(to.name);
    if (fromKind === 'reference' && toKind === 'tenant') {
      problems.push(`${from.name}: foreign key ${fk.name} points from a reference table into tenant table ${to.name}`);
    } else if (fromKind === 'tenant' && toKind === 'tenant') {
      const at = fk.from_keys.map(Number).indexOf(from.merchant_attnum ?? -1);
      if (at < 0 || Number(fk.to_keys[at]) !== to.merchant_attnum) {
        problems.push(
          `${from.name}: foreign key ${fk.name} may cross merchants: it does not pair merchant_id with ${to.name}.merchant_id (${fk.definition})`,
        );
      }
    } else if (fromKind === 'tenant' && toKind === 'migrator') {
      problems.push(
        `${from.name}: foreign key ${fk.name} points at ${to.name}, which is neither a tenant nor a reference table`,
      );
    }
  }

  const triggers = (
    await sql<{ table_oid: number; name: string }>`
      select tgrelid::int as table_oid, tgname as name from pg_trigger where not tgisinternal order by tgname`.execute(
      db,
    )
  ).rows;
  for (const trigger of triggers) {
    const t = byOid.get(trigger.table_oid);
    if (t && kind(t.name) !== 'migrator') {
      problems.push(`${t.name}: trigger ${trigger.name} (triggers do not run on distributed or reference tables)`);
    }
  }
  return problems;
}

// Functions Citus refuses in an upsert's DO UPDATE SET (it wants immutable ones): clocks, randomness, sequences.
const VOLATILE_CALL =
  /\b(now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|random|gen_random_uuid|uuid_generate_v\d|nextval|txid_current)\s*\(|\b(current_timestamp|current_date|current_time|localtimestamp|localtime)\b/i;

/**
 * Upserts whose update part calls a volatile or stable function: Kysely's `doUpdateSet(...)` with such a call in an
 * sql`…` template, or raw SQL `on conflict … do update set …`. The application passes the time as a parameter
 * instead (or `excluded.<column>`). Returns `file:line: …` per finding.
 */
export function volatileUpserts(text: string, file: string): string[] {
  // Comments out (line breaks kept, for line numbers): a stray backtick in prose would pair with the wrong one.
  const source = text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/^\s*\/\/.*$/gm, '');
  const findings: string[] = [];
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  for (const match of source.matchAll(/\.doUpdateSet\s*\(/g)) {
    const start = match.index + match[0].length;
    const body = source.slice(start, closingParen(source, start));
    // Only SQL counts: `this.now()` in TypeScript is a parameter, not a database call.
    for (const template of body.matchAll(/`([^`]*)`/g)) {
      const call = VOLATILE_CALL.exec(template[1]!);
      if (call) findings.push(`${file}:${lineOf(match.index)}: doUpdateSet calls ${call[0].trim()} in the database`);
    }
  }
  for (const template of source.matchAll(/`([^`]*)`/g)) {
    const text = template[1]!;
    const update = /on\s+conflict[\s\S]*?do\s+update\s+set/i.exec(text);
    if (!update) continue;
    const call = VOLATILE_CALL.exec(text.slice(update.index + update[0].length));
    if (call)
      findings.push(
        `${file}:${lineOf(template.index + 1 + update.index)}: on conflict do update calls ${call[0].trim()}`,
      );
  }
  return findings;
}

function closingParen(source: string, from: number): number {
  let depth = 1;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i;
  }
  return source.length;
}

/** volatileUpserts over every TypeScript source (not specs) under the folders, paths relative to `root`. */
export function lintUpsertSources(root: string, folders: string[]): string[] {
  const findings: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name)) {
        findings.push(...volatileUpserts(readFileSync(path, 'utf8'), relative(root, path)));
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return findings;
}
