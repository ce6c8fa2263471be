import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A freshly initialised PGlite cluster, kept once per installation. Initialising a cluster (initdb, in WebAssembly)
 * takes 2–3 s; unpacking one that was initialised before takes a fraction of that. So the first embedded database an
 * installation makes is dumped right after its initdb, before anything is written to it, into
 * `node_modules/.cache/shualian/`, and every later new database (a fresh data folder, each test's in-memory database)
 * starts from that dump. Keyed by PGlite's version: another version initialises again. A dump PGlite cannot start
 * from is dropped, and the cluster is initialised as before.
 */
export class ClusterTemplate {
  constructor(readonly file: string) {}

  /** The kept cluster, or undefined when there is none yet. */
  read(): Blob | undefined {
    try {
      return new Blob([readFileSync(this.file)], { type: 'application/x-tar' });
    } catch {
      return undefined;
    }
  }

  /** Keeps a cluster that has just been initialised, nothing written to it yet. Best effort: a read-only install skips it. */
  async keep(client: PGlite): Promise<void> {
    try {
      const dump = await client.dumpDataDir('none');
      mkdirSync(dirname(this.file), { recursive: true });
      // Written aside and renamed: a process starting meanwhile reads the old file or the whole new one.
      const partial = `${this.file}.${process.pid}.${Date.now()}`;
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      renameSync(partial, this.file);
    } catch {
      // Nothing lost: the next new database initialises again.
    }
  }

  forget(): void {
    rmSync(this.file, { force: true });
  }
}

const require = createRequire(import.meta.url);
// PGlite exports no package.json: its folder is found from its entry point.
const pgliteDir = packageFolder(require.resolve('@electric-sql/pglite'));
const version = (JSON.parse(readFileSync(join(pgliteDir, 'package.json'), 'utf8')) as { version: string }).version;

/** This installation's template, beside its PGlite. */
export const installedClusterTemplate = new ClusterTemplate(
  join(pgliteDir, '..', '..', '.cache', 'shualian', `pglite-${version}-initdb.tar`),
);

function packageFolder(entry: string): string {
  let folder = dirname(entry);
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/**
 * Initialises and keeps this installation's cluster now, unless it is kept already: `npm ci` runs it (postinstall),
 * so even the first start after an install opens its new database from the kept cluster.
 */
export async function prepareInstalledClusterTemplate(): Promise<'kept' | 'already kept'> {
  if (installedClusterTemplate.read()) return 'already kept';
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create();
  try {
    await installedClusterTemplate.keep(client);
  } finally {
    await client.close();
  }
  return 'kept';
}
