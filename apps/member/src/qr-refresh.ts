/** Fetch a fresh code this long before the one shown expires, so the code at the till always still scans. */
const REFRESH_AHEAD_MS = 15_000;
/** Never sooner than this, whatever the phone's clock says (a wrong clock must not make the app call in a loop). */
export const MIN_REFRESH_MS = 5_000;
/** The server signs member codes for 60 s (docs/architecture.md, Loyalty). */
const CODE_LIFETIME_MS = 60_000;

/**
 * When to fetch the next member code, in ms from `now`: shortly before it expires. The lifetime is read as
 * `expiresAt` (server clock) less the moment the code arrived (phone clock), capped at the server's 60 s, so a phone
 * clock that is behind cannot stretch it; a clock that is ahead only makes the app fetch sooner, never more often than
 * every MIN_REFRESH_MS.
 */
export function refreshDelayMs(card: { qr: { expiresAt: string } }, receivedAt: number, now = Date.now()): number {
  const lifetime = Math.min(Date.parse(card.qr.expiresAt) - receivedAt, CODE_LIFETIME_MS);
  return Math.max(MIN_REFRESH_MS, receivedAt + lifetime - REFRESH_AHEAD_MS - now);
}
