/**
 * A keyboard-wedge barcode scanner types the code's digits in a fast burst and presses Enter. People type far slower,
 * so a burst of digits ending in Enter, fast on average (a busy terminal may delay a key or two), is a scan; anything
 * slower is left alone.
 */
export const WEDGE_RULES = { maxGapMs: 150, maxMeanGapMs: 45, minLength: 8, maxLength: 14 };

export class WedgeDetector {
  private buffer = '';
  private startedAt = 0;
  private lastAt = -Infinity;

  /** Feed every key; returns the scanned code when Enter completes a burst. */
  key(key: string, atMs: number): string | undefined {
    const gap = atMs - this.lastAt;
    this.lastAt = atMs;
    if (key === 'Enter') {
      const meanGap = (atMs - this.startedAt) / Math.max(1, this.buffer.length);
      const fast = gap <= WEDGE_RULES.maxGapMs && meanGap <= WEDGE_RULES.maxMeanGapMs;
      const code = fast && this.buffer.length >= WEDGE_RULES.minLength ? this.buffer : undefined;
      this.buffer = '';
      return code;
    }
    if (/^\d$/.test(key)) {
      if (gap > WEDGE_RULES.maxGapMs || this.buffer.length >= WEDGE_RULES.maxLength) {
        this.buffer = '';
        this.startedAt = atMs;
      }
      this.buffer += key;
      return undefined;
    }
    this.buffer = '';
    return undefined;
  }
}

/** Listens on the whole page while `onScan` is set; a completed scan's Enter does not also press a focused button. */
export function listenForWedgeScans(onScan: (code: string) => void): () => void {
  const detector = new WedgeDetector();
  const listener = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const code = detector.key(event.key, event.timeStamp);
    if (code) {
      event.preventDefault();
      event.stopPropagation();
      onScan(code);
    }
  };
  window.addEventListener('keydown', listener, true);
  return () => window.removeEventListener('keydown', listener, true);
}
