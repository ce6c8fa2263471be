import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Card numbers: `88` + the merchant's card sequence in 9 digits + a Luhn check digit (12 digits), shown in groups of
 * four (`8800 0000 0017`). Merchant-scoped: two merchants may hand out the same number, as their cards never meet.
 * The check digit catches a mistyped digit and most swapped neighbours when staff type a number in.
 */
export function cardNumber(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > 999_999_999) throw new Error(`card sequence ${seq} out of range`);
  const body = `88${String(seq).padStart(9, '0')}`;
  return body + luhnDigit(body);
}

export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether a typed card number (spaces allowed) has a valid shape and check digit. */
export function isCardNumber(typed: string): boolean {
  const digits = typed.replace(/ /g, '');
  return /^88\d{10}$/.test(digits) && luhnDigit(digits.slice(0, -1)) === digits.at(-1);
}

export const formatCardNumber = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** How long a card's QR code scans: long enough to show it at the till, too short for a screenshot to be worth keeping. */
export const CARD_QR_TTL_SECONDS = 60;

/**
 * The member app's QR payload: `SLC1.<merchant id>.<card number>.<expires, unix s>.<HMAC-SHA256, base64url>`, signed
 * with a key of the server's (derived from its master key), so only the server makes one and a copy stops scanning
 * after `CARD_QR_TTL_SECONDS`.
 */
export function signCardQr(key: Buffer, card: { merchantId: string; cardNumber: string }, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + CARD_QR_TTL_SECONDS;
  const body = `SLC1.${card.merchantId}.${card.cardNumber}.${expires}`;
  return `${body}.${mac(key, body)}`;
}

export type CardQrCheck =
  | { valid: true; merchantId: string; cardNumber: string; expiresAt: Date }
  | { valid: false; reason: 'malformed' | 'signature' | 'expired' };

export function verifyCardQr(key: Buffer, payload: string, now: Date): CardQrCheck {
  const parts = payload.split('.');
  if (parts.length !== 5 || parts[0] !== 'SLC1' || !/^\d{1,12}$/.test(parts[3]!))
    return { valid: false, reason: 'malformed' };
  const [, merchantId, number, expires, signature] = parts as [string, string, string, string, string];
  const expected = Buffer.from(mac(key, parts.slice(0, 4).join('.')));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false, reason: 'signature' };
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, merchantId, cardNumber: number, expiresAt };
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');
