/**
 * The merchant's brand code (e.g. the `yabo` in /member/?m=yabo), which the member app needs in every link. The
 * server tells a device its merchant by id only, so the code comes from how the kiosk was set up: opened once as
 * /kiosk/?m=<code>, it is remembered on this device. Without it, receipt links carry no code.
 */
const STORAGE_KEY = 'shualian.kiosk.merchantCode';
const CODE = /^[a-z0-9-]{2,40}$/;

export function merchantCode(search = location.search): string | undefined {
  const given = new URLSearchParams(search).get('m')?.trim().toLowerCase();
  if (given && CODE.test(given)) {
    localStorage.setItem(STORAGE_KEY, given);
    return given;
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored && CODE.test(stored) ? stored : undefined;
}

/** Where the member app shows a receipt. */
export function receiptUrl(origin: string, receiptId: string, code: string | undefined): string {
  return `${origin}/member/${code ? `?m=${encodeURIComponent(code)}` : ''}#/receipts/${receiptId}`;
}
