import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from './config.ts';

/**
 * The key that wraps every merchant's biometric data key. Production sets SHUALIAN_MASTER_KEY (from a secrets
 * manager). A demo or development install gets a key file in its data folder, made once, readable by the owner only.
 */
export async function resolveMasterKey(config: Config): Promise<{ key: Buffer; generated: boolean; file?: string }> {
  if (config.masterKey) return { key: config.masterKey, generated: false };
  const file = join(config.dataDir, 'master.key');
  try {
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return { key, generated: false, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, generated: true, file };
}
