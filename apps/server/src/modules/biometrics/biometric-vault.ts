import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeyRepository } from './data-key.repository.ts';

/**
 * Encryption of biometric data at rest: AES-256-GCM under a per-merchant data key, itself wrapped (AES-256-GCM) by the
 * master key from configuration. Each ciphertext is bound to its row through the additional authenticated data, so a
 * template copied onto another member's row does not decrypt.
 */
export class BiometricVault {
  private readonly keys = new Map<string, { version: number; key: Buffer }>();

  constructor(
    private readonly dataKeys: DataKeyRepository,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
  }

  async encrypt(
    merchantId: string,
    plaintext: Uint8Array,
    binding: string,
  ): Promise<{ keyVersion: number; ciphertext: string }> {
    const { version, key } = await this.dataKey(merchantId);
    return { keyVersion: version, ciphertext: seal(key, plaintext, `${merchantId}|${binding}`) };
  }

  async decrypt(merchantId: string, keyVersion: number, ciphertext: string, binding: string): Promise<Buffer> {
    const { key } = await this.dataKey(merchantId, keyVersion);
    return open(key, ciphertext, `${merchantId}|${binding}`);
  }

  private async dataKey(merchantId: string, version?: number): Promise<{ version: number; key: Buffer }> {
    const cacheKey = `${merchantId}:${version ?? 'current'}`;
    const cached = this.keys.get(cacheKey);
    if (cached) return cached;
    let row = await this.dataKeys.find(merchantId, version);
    if (!row && version === undefined) {
      await this.dataKeys.insertFirst(merchantId, seal(this.masterKey, randomBytes(32), `data-key|${merchantId}|1`));
      row = await this.dataKeys.find(merchantId, 1);
    }
    if (!row) throw new Error(`data key version ${version} of merchant ${merchantId} is missing`);
    const entry = {
      version: row.version,
      key: open(this.masterKey, row.wrapped_key, `data-key|${merchantId}|${row.version}`),
    };
    this.keys.set(cacheKey, entry);
    return entry;
  }
}

function seal(key: Buffer, plaintext: Uint8Array, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}
