import { createHash } from 'node:crypto';
import type { FrameAnalysis } from '../biometrics/index.ts';

/**
 * The first frame of a face-pay session, analysed while the kiosk is still flashing the rest of the challenge, so the
 * decision after the last frame has one engine pass less to make. Kept in this process only, for the session's
 * lifetime at most, and used only for the identical bytes: the final frames are still the evidence, and a request
 * that lands on another server process simply analyses the frame again.
 */
export class FirstLooks {
  private readonly looks = new Map<string, { digest: string; analysis: Promise<FrameAnalysis>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts (or joins) the analysis of a session's first frame. */
  start(sessionId: string, image: Buffer, analyze: (image: Buffer) => Promise<FrameAnalysis>): Promise<FrameAnalysis> {
    this.prune();
    const digest = digestOf(image);
    const known = this.looks.get(sessionId);
    if (known?.digest === digest) return known.analysis;
    const analysis = analyze(image);
    // A failed analysis is the caller's error to report, not a result to reuse.
    analysis.catch(() => {
      if (this.looks.get(sessionId)?.analysis === analysis) this.looks.delete(sessionId);
    });
    this.looks.set(sessionId, { digest, analysis, expiresAt: this.now() + this.ttlMs });
    return analysis;
  }

  /** The analysis of exactly this frame of the session, if one was started; forgotten once taken. */
  take(sessionId: string, image: Buffer): Promise<FrameAnalysis> | undefined {
    const known = this.looks.get(sessionId);
    this.looks.delete(sessionId);
    if (!known || known.expiresAt <= this.now() || known.digest !== digestOf(image)) return undefined;
    return known.analysis;
  }

  get size(): number {
    return this.looks.size;
  }

  private prune() {
    const now = this.now();
    for (const [id, look] of this.looks) if (look.expiresAt <= now) this.looks.delete(id);
    // Oldest first: a Map iterates in insertion order.
    for (const id of this.looks.keys()) {
      if (this.looks.size < this.capacity) break;
      this.looks.delete(id);
    }
  }
}

const digestOf = (image: Buffer) => createHash('sha256').update(image).digest('base64url');
