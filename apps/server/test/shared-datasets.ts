import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A dataset of `../shared/datasets` beside the project's root: the nearest folder up from here that holds
 * `shared/datasets/<name>` (the project may be checked out deeper, in a worktree).
 */
export function sharedDataset(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'datasets', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no shared/datasets/${name} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
