/**
 * Start-up time of the main job: `shualian serve` on a fresh embedded database with the demo store, as the README's
 * first command runs it. Prints, per run, the time from spawn to the banner (listening, migrations done) and to
 * /readyz answering 200 (face engine loaded, galleries built, demo member enrolled).
 *
 * With --base DIR (another checkout with its own node_modules), the runs alternate between that checkout and this
 * one, so both are measured under the same load, and the ratios this/base are printed.
 *
 * Each checkout keeps an initialised embedded cluster (node_modules/.cache/shualian, see
 * packages/db/src/pglite-template.ts; `npm ci` prepares it); --without-kept-cluster removes it before every run, so each
 * run is the first start of an install that skipped its postinstall (`npm ci --ignore-scripts`).
 *
 *   npx tsx apps/server/bench/start-up-bench.ts [--runs 5] [--base /path/to/other/checkout] [--without-kept-cluster]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    base: { type: 'string' },
    'without-kept-cluster': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const here = fileURLToPath(new URL('../../..', import.meta.url));
const checkouts = values.base ? { base: values.base, this: here } : { this: here };

interface StartUp {
  listeningMs: number;
  readyMs: number;
}

async function startOnce(checkout: string): Promise<StartUp> {
  if (values['without-kept-cluster'])
    rmSync(join(checkout, 'node_modules/.cache/shualian'), { recursive: true, force: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'shualian-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(checkout, 'apps/server/bin/shualian.mjs'), 'serve'], {
    cwd: checkout,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SHUALIAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /running at http:\/\/[^:\s]+:(\d+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`the server exited while starting (code ${code})\n${output}`)));
    });
    const listeningMs = performance.now() - started;
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) break;
      if (performance.now() - started > 300_000) throw new Error(`not ready after 300 s\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { listeningMs, readyMs: performance.now() - started };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Record<string, StartUp[]> = Object.fromEntries(Object.keys(checkouts).map((name) => [name, []]));
for (let run = 1; run <= runs; run++) {
  for (const [name, checkout] of Object.entries(checkouts)) {
    const result = await startOnce(checkout);
    results[name]!.push(result);
    console.log(
      `run ${run} ${name.padEnd(4)}  listening ${Math.round(result.listeningMs)} ms  ready ${Math.round(result.readyMs)} ms`,
    );
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = Object.fromEntries(
  Object.entries(results).map(([name, list]) => [
    name,
    { listening: median(list.map((r) => r.listeningMs)), ready: median(list.map((r) => r.readyMs)) },
  ]),
);
for (const [name, medians] of Object.entries(summary))
  console.log(
    `median ${name.padEnd(4)}  listening ${Math.round(medians.listening)} ms  ready ${Math.round(medians.ready)} ms`,
  );
if (summary.base && summary.this)
  console.log(
    `this / base  listening ${(summary.this.listening / summary.base.listening).toFixed(2)}  ready ${(summary.this.ready / summary.base.ready).toFixed(2)}`,
  );
