import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Opaque bearer tokens: the client holds the token, the database only its hash. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const MERCHANT_TOKEN = /^m([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[\w-]+$/;

/**
 * A bearer token that names its merchant, `m<merchantId>.<secret>`, so its session is looked up on that merchant's
 * shard alone. The whole token is hashed; the merchant id in it is not secret.
 */
export function newMerchantToken(merchantId: string): string {
  return `m${merchantId}.${newToken()}`;
}

/** The merchant a token names; null for a token issued before tokens named their merchant. */
export function tokenMerchant(token: string): string | null {
  return MERCHANT_TOKEN.exec(token)?.[1] ?? null;
}

// No 0/O, 1/I/L: activation codes are read off a console screen and typed on a kiosk.
const ACTIVATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const ACTIVATION_SECRET_LENGTH = 15;

/**
 * A one-time device activation code led by the merchant's code, e.g. "YABO-K7QM2-XRP9T-CH4Z8" (the secret part is
 * about 74 bits): the merchant part keeps the lookup on that merchant's rows.
 */
export function newActivationCode(merchantCode: string): string {
  return `${merchantCode.toUpperCase()}-${newActivationSecret()}`;
}

function newActivationSecret(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += ACTIVATION_ALPHABET[randomInt(ACTIVATION_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Codes are compared case- and separator-insensitively, as people type them. */
export function normaliseActivationCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/**
 * Splits a typed activation code into the merchant code before it (null when there is none: a code issued before
 * codes named their merchant, or only the secret typed) and the normalised secret, its last 15 letters and digits.
 */
export function parseActivationCode(typed: string): { merchantCode: string | null; secret: string } {
  let seen = 0;
  let start = typed.length;
  while (start > 0 && seen < ACTIVATION_SECRET_LENGTH) {
    start--;
    if (/[0-9A-Za-z]/.test(typed[start]!)) seen++;
  }
  const merchantCode = typed
    .slice(0, start)
    .trim()
    .replace(/[^0-9A-Za-z]+$/, '')
    .toLowerCase();
  return { merchantCode: merchantCode || null, secret: normaliseActivationCode(typed.slice(start)) };
}
