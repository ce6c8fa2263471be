#!/usr/bin/env node
// Finds the spec files of one suite and runs them with Node's test runner (TypeScript through tsx).
//   node scripts/run-tests.mjs                 unit and integration specs, embedded PGlite
//   node scripts/run-tests.mjs --suite pg      integration specs against a PostgreSQL server (TEST_DATABASE_URL)
//   node scripts/run-tests.mjs --suite shared  specs that read ../shared/datasets
//   node scripts/run-tests.mjs --suite e2e     browser end-to-end specs (headless Chromium)
// Extra arguments after `--` filter spec paths by substring.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const suiteFlag = args.indexOf('--suite');
const suite = suiteFlag >= 0 ? args[suiteFlag + 1] : 'default';
const dashDash = args.indexOf('--');
const filters = dashDash >= 0 ? args.slice(dashDash + 1) : [];

const suites = {
  default: (f) => f.endsWith('.spec.ts') && !/\.(shared|e2e)\.spec\.ts$/.test(f),
  pg: (f) => f.endsWith('.int.spec.ts'),
  shared: (f) => f.endsWith('.shared.spec.ts'),
  e2e: (f) => f.endsWith('.e2e.spec.ts'),
};
const select = suites[suite];
if (!select) {
  console.error(`unknown suite "${suite}"; one of ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield relative(root, path);
  }
}

const files = ['apps', 'packages']
  .flatMap((top) => [...walk(join(root, top))])
  .filter(select)
  .filter((f) => filters.length === 0 || filters.some((needle) => f.includes(needle)))
  .sort();

if (files.length === 0) {
  console.error(`no spec files found for suite "${suite}"`);
  process.exit(1);
}

const env = { ...process.env, SHUALIAN_TEST_SUITE: suite };
if (suite === 'pg') env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

console.log(`suite ${suite}: ${files.length} spec file(s)`);
// Browser specs run one file at a time: the screen-flash challenge is timed, and two face engines plus two browsers
// on a 2-core machine would starve it.
const concurrency = suite === 'e2e' ? 1 : 2;
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
