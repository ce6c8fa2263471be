import { Command, InvalidArgumentError } from 'commander';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { Recommender, type Purchase } from '../modules/recommendations/index.ts';

/**
 * `shualian recs recommend`: trains the recommender on TX.csv (member,at,item) with the shipped parameters (nothing
 * fitted on the input) and prints one JSON line per member of MEMBERS.csv: {"member","items":[…k, best first]}.
 */

export const MAX_K = 1000;

/** A CSV's header and rows: BOM, CRLF and quoted fields handled, cells trimmed, blank lines skipped. */
async function readCsv(path: string): Promise<{ header: string[]; rows: string[][] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new Error(`${path}: not a readable CSV (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  const [header, ...rows] = records;
  if (!header) throw new Error(`${path}: empty, expected a header line`);
  return { header: header.map((h) => h.toLowerCase()), rows };
}

const AT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO date or date-time as the store's wall clock: the calendar date as written makes the basket, whatever the
 * offset (a purchase at 00:30+08:00 belongs to that day's basket, not the day before in UTC). Undefined when invalid.
 */
export function parseAt(text: string): Date | undefined {
  const match = AT.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = match.slice(1);
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const sameDay =
    at.getUTCFullYear() === Number(y) && at.getUTCMonth() === Number(mo) - 1 && at.getUTCDate() === Number(d);
  return sameDay && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 ? at : undefined;
}

/** The purchases of a member,at,item CSV (columns found by name in the header). */
export async function readPurchases(path: string): Promise<Purchase[]> {
  const { header, rows } = await readCsv(path);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${path}: no "${name}" column; expected a header member,at,item`);
    return index;
  };
  const [m, a, i] = [column('member'), column('at'), column('item')];
  return rows.map((row, n) => {
    const [member, atText, item] = [row[m] ?? '', row[a] ?? '', row[i] ?? ''];
    const line = n + 2;
    if (!member || !item) throw new Error(`${path}, row ${line}: member and item must not be empty`);
    const at = parseAt(atText);
    if (!at) throw new Error(`${path}, row ${line}: "${atText}" is not an ISO date or date-time`);
    return { member, at, item };
  });
}

/** The members of a CSV's first column (header skipped), once each, in file order. */
export async function readMembers(path: string): Promise<string[]> {
  const { rows } = await readCsv(path);
  return [...new Set(rows.map((row) => row[0] ?? '').filter(Boolean))];
}

export function parseK(text: string): number {
  const k = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(k) || k < 1 || k > MAX_K) {
    throw new InvalidArgumentError(`k must be a whole number from 1 to ${MAX_K}`);
  }
  return k;
}

export async function recommend(options: { transactions: string; members: string; k: number }): Promise<void> {
  const [purchases, members] = await Promise.all([readPurchases(options.transactions), readMembers(options.members)]);
  if (purchases.length === 0) throw new Error(`${options.transactions}: no purchases to learn from`);
  const model = Recommender.train(purchases);
  const lines = members.map((member) => JSON.stringify({ member, items: model.recommend(member, options.k) }));
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}

export function recsCommand(): Command {
  const recs = new Command('recs').description('"猜你喜欢" recommendations from purchase history, offline');
  recs
    .command('recommend')
    .description(
      'train on TX.csv (member,at,item; at an ISO date or date-time) and print {"member","items":[k item ids, best first]} per member of MEMBERS.csv',
    )
    .requiredOption('--transactions <file>', 'CSV with a header: member,at,item (one row per item bought)')
    .requiredOption('--members <file>', 'CSV with a header; first column member')
    .option('--k <number>', `items per member, 1 to ${MAX_K}`, parseK, 10)
    .action(recommend);
  return recs;
}
