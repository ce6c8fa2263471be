import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PairRow {
  fileX: string;
  fileY: string;
  /** from a third "Decision" column (Yes/No), when the file has one */
  same?: boolean;
}

/** pairs CSV with a header; the first two columns are image paths, an optional third Yes/No. */
export async function readPairs(csvPath: string): Promise<PairRow[]> {
  const lines = (await readFile(csvPath, 'utf8'))
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const [fileX = '', fileY = '', decision] = line.split(',').map((c) => c.trim());
    const same = decision === undefined ? undefined : /^(yes|true|1|same)$/i.test(decision);
    return { fileX, fileY, same };
  });
}

export const imageFilesOf = (pairs: PairRow[]) => [...new Set(pairs.flatMap((p) => [p.fileX, p.fileY]))];

export const labelOf = (file: string) => file.split('/')[0] ?? file;

export function readImage(dir: string, file: string): Promise<Buffer> {
  return readFile(join(dir, file));
}
