import type { CapturedFrame, HeadTurnChallenge } from '@shualian/sdk';
import { playTimeline, type Timeline } from './timeline.ts';

/**
 * The head-turn step-up as the kiosk plays it: "look at the screen", then at the server's moment "turn your head to
 * the left/right", then "look back", with frames taken evenly over the whole challenge (the server takes at most 16).
 * Each frame carries `atMs`, the time since capture started, which the server compares with the moments it chose.
 */
export type TurnStage = 'look' | 'turn' | 'back';

export const HEAD_TURN_CAPTURE = { maxFrames: 15, jpegQuality: 0.8 };

export function stageAt(challenge: HeadTurnChallenge, atMs: number): TurnStage {
  return atMs < challenge.turnAtMs ? 'look' : atMs < challenge.backAtMs ? 'turn' : 'back';
}

export function headTurnCaptureTimes(challenge: HeadTurnChallenge): number[] {
  const every = Math.ceil(challenge.totalMs / HEAD_TURN_CAPTURE.maxFrames);
  const times: number[] = [];
  for (let at = Math.round(every / 2); at < challenge.totalMs; at += every) times.push(at);
  return times;
}

export interface HeadTurnPlayer {
  prompt(stage: TurnStage): void;
  capture(): string | Promise<string>;
  now?: () => number;
  signal?: AbortSignal;
}

export async function playHeadTurn(challenge: HeadTurnChallenge, player: HeadTurnPlayer): Promise<CapturedFrame[]> {
  const frames: Array<Promise<CapturedFrame>> = [];
  const timeline: Timeline<TurnStage> = {
    totalMs: challenge.totalMs,
    stageAt: (atMs) => stageAt(challenge, atMs),
    changesAt: [challenge.turnAtMs, challenge.backAtMs],
    captureAt: headTurnCaptureTimes(challenge),
  };
  await playTimeline(timeline, {
    now: player.now,
    signal: player.signal,
    show: (stage) => player.prompt(stage),
    capture: (atMs) =>
      frames.push(Promise.resolve(player.capture()).then((image) => ({ image, atMs: Math.round(atMs) }))),
  });
  return Promise.all(frames);
}
