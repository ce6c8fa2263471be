/**
 * What both liveness challenges have in common: a screen that changes at set moments (colours, head-turn prompts) and
 * camera frames taken at set moments, all timed by performance.now() from when the first stage went up — never by
 * counting frames or timer ticks, which a busy terminal delays.
 */
export interface Timeline<Stage> {
  totalMs: number;
  stageAt(atMs: number): Stage;
  /** The moments the stage may change: the player wakes for these and for the captures. */
  changesAt: number[];
  captureAt: number[];
}

export interface TimelinePlayer<Stage> {
  /** The stage to put up, and when (ms since the first went up; 0 for the first). */
  show(stage: Stage, atMs: number): void;
  /** Take a frame now; `atMs` is now, in ms since the first stage went up. */
  capture(atMs: number): void;
  now?: () => number;
  signal?: AbortSignal;
}

/** Plays the timeline to its end and returns when it ended (ms since the first stage went up). */
export async function playTimeline<Stage>(timeline: Timeline<Stage>, player: TimelinePlayer<Stage>): Promise<number> {
  const now = player.now ?? (() => performance.now());
  const pending = [...timeline.captureAt];
  let stage = timeline.stageAt(0);
  player.show(stage, 0);
  const t0 = now();
  for (;;) {
    if (player.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    const at = now() - t0;
    if (at >= timeline.totalMs) return at;
    const next = timeline.stageAt(at);
    if (next !== stage) player.show((stage = next), at);
    if (pending.length > 0 && at >= pending[0]!) {
      pending.shift();
      player.capture(now() - t0);
    }
    const nextEvent = Math.min(pending[0] ?? Infinity, timeline.changesAt.find((c) => c > at) ?? timeline.totalMs);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextEvent - (now() - t0))));
  }
}
