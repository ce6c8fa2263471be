/**
 * The merchant's brand code (e.g. the `yabo` in /member/?m=yabo), which the member app needs in every link. The server
 * tells the kiosk in its device profile, which the kiosk reads on start and remembers on this device; a set-up link
 * /kiosk/?m=<code> is only a fallback until the profile has been read once.
 */
const STORAGE_KEY = 'shualian.kiosk.merchantCode';
const CODE = /^[a-z0-9-]{2,40}$/;

export function merchantCode(search = location.search): string | undefined {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && CODE.test(stored)) return stored;
  const given = new URLSearchParams(search).get('m')?.trim().toLowerCase();
  return given && CODE.test(given) ? given : undefined;
}

/** What the server said this kiosk's merchant is. */
export function rememberMerchantCode(code: string): void {
  if (CODE.test(code)) localStorage.setItem(STORAGE_KEY, code);
}

/** Where the member app shows a receipt. */
export function receiptUrl(origin: string, receiptId: string, code: string | undefined): string {
  return `${origin}/member/${code ? `?m=${encodeURIComponent(code)}` : ''}#/receipts/${receiptId}`;
}
