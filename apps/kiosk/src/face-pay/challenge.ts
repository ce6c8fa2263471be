import type { CapturedFrame, ColourChallenge, ColourStep } from '../kiosk-api.ts';

/**
 * The screen-flash liveness challenge as the kiosk plays it: the overlay shows each of the server's colours on its
 * schedule (performance.now, not frame counting), and the camera is sampled every 160 ms meanwhile. Each frame carries
 * `atMs`, when the camera took it, and `shownAtMs` says when each colour really went up (a busy terminal is late by
 * tens of ms), both in ms since the first colour: that is how the server lines frames up with colours.
 */
// 16 frames (the most the server takes), one every 160 ms: the more frames, the steadier the colour correlation when
// a busy terminal delays a frame or two.
export const CAPTURE = { firstAtMs: 40, everyMs: 160, maxFrames: 16, jpegQuality: 0.8 };
const MAX_FRAME_AGE_MS = 500;

export function stepAt(challenge: ColourChallenge, atMs: number): ColourStep | undefined {
  return challenge.steps.find((s) => atMs >= s.startMs && atMs < s.startMs + s.durationMs);
}

/** When frames are taken, relative to the first colour: from 40 ms, every 160 ms, inside the challenge. */
export function captureTimes(challenge: ColourChallenge): number[] {
  const times: number[] = [];
  for (let at = CAPTURE.firstAtMs; at < challenge.totalMs && times.length < CAPTURE.maxFrames; at += CAPTURE.everyMs) times.push(at);
  return times;
}

export const cssColour = (rgb: [number, number, number]) => `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;

export interface ChallengePlayer {
  /** Paint the overlay (undefined: the challenge is over). */
  show(rgb: [number, number, number] | undefined): void;
  /** A frame from the camera as base64 JPEG (copied at the call, encoded whenever it is ready). */
  capture(): string | Promise<string>;
  /** When the camera took the frame `capture` copies (same clock as `now`); the copy time when unknown. */
  frameTakenAt?: () => number | undefined;
  now?: () => number;
  signal?: AbortSignal;
}

export interface PlayedChallenge {
  frames: CapturedFrame[];
  /** When each colour actually went up (ms since the first) and, last, when the flash came down. */
  shownAtMs: number[];
}

export async function playChallenge(challenge: ColourChallenge, player: ChallengePlayer): Promise<PlayedChallenge> {
  const now = player.now ?? (() => performance.now());
  const frames: Array<Promise<CapturedFrame>> = [];
  const shownAtMs: number[] = [];
  const pending = captureTimes(challenge);
  const boundaries = challenge.steps.map((s) => s.startMs).concat(challenge.totalMs);
  const first = challenge.steps[0];
  if (!first) return { frames: [], shownAtMs: [] };
  player.show(first.rgb);
  const t0 = now();
  shownAtMs.push(0);
  let shown: ColourStep | undefined = first;
  try {
    for (;;) {
      if (player.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const at = now() - t0;
      if (at >= challenge.totalMs) break;
      const step = stepAt(challenge, at);
      if (step !== shown) {
        shown = step;
        player.show(step?.rgb);
        // A terminal stalled past a whole step never showed it: that colour's time span is empty.
        const shownAt = Math.round(now() - t0);
        const upTo = step ? challenge.steps.indexOf(step) : challenge.steps.length;
        while (shownAtMs.length <= upTo && shownAtMs.length < challenge.steps.length) shownAtMs.push(Math.max(shownAt, challenge.steps[shownAtMs.length]!.startMs));
      }
      if (pending.length > 0 && at >= pending[0]!) {
        pending.shift();
        const copiedAt = now();
        const reported = player.frameTakenAt?.();
        // A preview that stopped updating has no better time to offer than the copy's.
        const takenAt = reported !== undefined && copiedAt - reported < MAX_FRAME_AGE_MS ? reported : copiedAt;
        const image = player.capture();
        const atMs = Math.round(takenAt - t0);
        frames.push(Promise.resolve(image).then((bytes) => ({ image: bytes, atMs })));
      }
      const nextEvent = Math.min(pending[0] ?? Infinity, boundaries.find((b) => b > at) ?? challenge.totalMs);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextEvent - (now() - t0))));
    }
  } finally {
    player.show(undefined);
  }
  const endedAt = Math.max(Math.round(now() - t0), challenge.totalMs);
  while (shownAtMs.length < challenge.steps.length) shownAtMs.push(endedAt);
  shownAtMs.push(endedAt);
  return { frames: await Promise.all(frames), shownAtMs };
}
