import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { installedClusterTemplate, type ClusterTemplate } from './pglite-template.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, an embedded PGlite database is used. */
  url?: string;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** Pool size for a PostgreSQL server. */
  poolSize?: number;
  /**
   * Told when a pooled connection is lost, idle or in use (server restart, failover, an administrator ending sessions).
   * The pool drops that connection and opens a new one on demand; a query it was running fails.
   */
  onConnectionLost?: (error: Error) => void;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, without credentials: for logs and the start-up banner. */
  location: string;
  /** The driver under Kysely, for a library that speaks SQL itself (the job queue) and for LISTEN. */
  native: { pglite: PGlite; pool?: undefined } | { pool: pg.Pool; pglite?: undefined };
  close(): Promise<void>;
}

// Money is bigint fen in the schema. Both drivers hand int8 back as a JavaScript number: exact up to 2^53 fen
// (90 trillion yuan), far beyond any wallet or day's takings.
const parseInt8 = (value: string) => Number(value);
pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url)
    return openServer(options.url, options.poolSize ?? 10, options.onConnectionLost ?? warnConnectionLost);
  return openEmbedded(options.dataDir ?? './data/pg');
}

const CLOSE_GRACE_MS = 5_000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

function warnConnectionLost(error: Error): void {
  process.emitWarning(`database connection lost: ${error.message}`, { code: 'SHUALIAN_DB_CONNECTION_LOST' });
}

async function openServer(
  url: string,
  poolSize: number,
  onConnectionLost: (error: Error) => void,
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const open = new Set<pg.ClientBase>();
  const closed = new Map<pg.ClientBase, () => void>();
  pool.on('connect', (client) => {
    open.add(client);
    // The pool listens for errors only while a connection is idle. One lost while checked out (mid-transaction, or
    // between two queries of a request) fails its query, then emits 'error' on the client: without this listener that
    // event would end the process. Reported once: a lost connection emits again when its socket closes.
    let reported = false;
    client.on('error', (error) => {
      if (reported) return;
      reported = true;
      onConnectionLost(error);
    });
  });
  // The pool re-emits an idle connection's loss; the listener above has already reported it.
  pool.on('error', () => {});
  pool.on('remove', (client) => {
    open.delete(client);
    closed.get(client)?.();
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // pg's pool.end() resolves once it has asked each connection to end, not once the sockets are gone; wait for
  // every one, so whoever closes the handle (a test dropping its database, a graceful shutdown) sees no stragglers.
  const close = async () => {
    const ending = [...open].map((client) => new Promise<void>((resolve) => closed.set(client, resolve)));
    await db.destroy();
    await Promise.race([Promise.all(ending), delay(CLOSE_GRACE_MS)]);
  };
  return { db, kind: 'postgres', location: redact(url), native: { pool }, close };
}

async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : resolve(dataDir);
  if (!inMemory) mkdirSync(location, { recursive: true });
  const client = await createPGlite(inMemory ? undefined : location);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', location, native: { pglite: client }, close: () => db.destroy() };
}

/** A new cluster starts from the installation's kept initdb (pglite-template.ts); an existing one opens as it is. */
export async function createPGlite(
  dataDir: string | undefined,
  template: ClusterTemplate = installedClusterTemplate,
): Promise<PGlite> {
  const options = { dataDir, parsers: { [types.INT8]: parseInt8 } };
  // Only an empty folder is new: anything else (a cluster, or files of someone else's) is left to PGlite as it was.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  if (dataDir && readdirSync(dataDir).length > 0) return PGlite.create(options);
  const kept = template.read();
  if (kept) {
    try {
      return await PGlite.create({ ...options, loadDataDir: kept });
    } catch {
      template.forget();
      if (dataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        mkdirSync(dataDir, { recursive: true });
      }
    }
  }
  const client = await PGlite.create(options);
  await template.keep(client);
  return client;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable url)';
  }
}

// SQLSTATEs of a session the server ended or could not start: class 08 (connection exception), 57P01-57P03 (admin or
// crash shutdown, not accepting connections yet) and 53300 (too many connections).
const LOST_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const LOST_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// What pg says of a connection that died under it, or of a pool that could not hand one out in time.
const LOST_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)/;

/**
 * Whether an error means the database connection went away, rather than the query being wrong: the same request may
 * be tried again once the database answers. An open transaction on it was rolled back; only a lost COMMIT leaves it
 * unknown whether the work was kept, which is why money moves under an idempotency key.
 */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && (LOST_SQLSTATE.test(code) || LOST_SOCKET.has(code))) return true;
  return LOST_MESSAGE.test(error.message);
}
