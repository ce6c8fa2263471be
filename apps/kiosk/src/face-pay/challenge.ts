import type { CapturedFrame, ColourChallenge, ColourStep } from '@shualian/sdk';
import { playTimeline, type Timeline } from './timeline.ts';

/**
 * The screen-flash liveness challenge as the kiosk plays it: the overlay shows each of the server's colours on its
 * schedule (performance.now, not frame counting), and the camera is sampled every 160 ms meanwhile. Each frame carries
 * `atMs`, when the camera took it, and `shownAtMs` says when each colour really went up (a busy terminal is late by
 * tens of ms), both in ms since the first colour: that is how the server lines frames up with colours.
 */
// 16 frames (the most the server takes), one every 160 ms: at least one frame in nearly every step of the sequence,
// so the server sees each colour whatever a busy terminal does to a frame or two.
export const CAPTURE = { firstAtMs: 40, everyMs: 160, maxFrames: 16, jpegQuality: 0.8 };
const MAX_FRAME_AGE_MS = 500;

export function stepAt(challenge: ColourChallenge, atMs: number): ColourStep | undefined {
  return challenge.steps.find((s) => atMs >= s.startMs && atMs < s.startMs + s.durationMs);
}

/** When frames are taken, relative to the first colour: from 40 ms, every 160 ms, inside the challenge. */
export function captureTimes(challenge: ColourChallenge): number[] {
  const times: number[] = [];
  for (let at = CAPTURE.firstAtMs; at < challenge.totalMs && times.length < CAPTURE.maxFrames; at += CAPTURE.everyMs)
    times.push(at);
  return times;
}

/** A colour of the challenge as the server sends it: red, green and blue, 0-255. */
export type Rgb = ColourStep['rgb'];

export const cssColour = (rgb: Rgb) => `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;

export interface ChallengePlayer {
  /** Paint the overlay (undefined: the challenge is over). */
  show(rgb: Rgb | undefined): void;
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
  if (challenge.steps.length === 0) return { frames: [], shownAtMs: [] };
  const timeline: Timeline<ColourStep | undefined> = {
    totalMs: challenge.totalMs,
    stageAt: (atMs) => stepAt(challenge, atMs),
    changesAt: challenge.steps.map((s) => s.startMs),
    captureAt: captureTimes(challenge),
  };
  try {
    const endedAt = await playTimeline(timeline, {
      now,
      signal: player.signal,
      show: (step, atMs) => {
        player.show(step?.rgb);
        // A terminal stalled past a whole step never showed it: that colour's time span is empty.
        const upTo = step ? challenge.steps.indexOf(step) : challenge.steps.length;
        while (shownAtMs.length <= upTo && shownAtMs.length < challenge.steps.length)
          shownAtMs.push(Math.max(Math.round(atMs), challenge.steps[shownAtMs.length]!.startMs));
      },
      capture: (atMs) => {
        const reported = player.frameTakenAt?.();
        const age = reported === undefined ? 0 : now() - reported;
        // A preview that stopped updating has no better time to offer than the copy's.
        const takenAtMs = age < MAX_FRAME_AGE_MS ? atMs - age : atMs;
        const image = player.capture();
        frames.push(Promise.resolve(image).then((bytes) => ({ image: bytes, atMs: Math.round(takenAtMs) })));
      },
    });
    const ended = Math.max(Math.round(endedAt), challenge.totalMs);
    while (shownAtMs.length <= challenge.steps.length) shownAtMs.push(ended);
  } finally {
    player.show(undefined);
  }
  return { frames: await Promise.all(frames), shownAtMs };
}
