import type { FaceLook } from './face-pay/face-check.ts';

/**
 * Decides when someone has walked up to the idle kiosk: a face near enough in two looks in a row, after a look with no
 * one near. Requiring the empty look first means a shopper still standing at the terminal after paying does not open
 * a new basket; the next person's arrival does.
 */
export const ARRIVAL = { lookEveryMs: 500, minWidthShare: 0.15, looksInARow: 2 };

export function arrivalWatcher(): (look: FaceLook | undefined) => boolean {
  let seenEmpty = false;
  let inARow = 0;
  return (look) => {
    if (!look) return false;
    const near = look.faces > 0 && look.widthShare >= ARRIVAL.minWidthShare;
    if (!near) {
      seenEmpty = true;
      inARow = 0;
      return false;
    }
    inARow += 1;
    return seenEmpty && inARow >= ARRIVAL.looksInARow;
  };
}
