import type { CapturedFrame, HeadTurnChallenge } from '../kiosk-api.ts';

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
  const now = player.now ?? (() => performance.now());
  const pending = headTurnCaptureTimes(challenge);
  const frames: Array<Promise<CapturedFrame>> = [];
  let stage: TurnStage = 'look';
  player.prompt(stage);
  const t0 = now();
  for (;;) {
    if (player.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    const at = now() - t0;
    if (at >= challenge.totalMs) break;
    const next = stageAt(challenge, at);
    if (next !== stage) player.prompt((stage = next));
    if (pending.length > 0 && at >= pending[0]!) {
      pending.shift();
      const atMs = Math.round(at);
      frames.push(Promise.resolve(player.capture()).then((image) => ({ image, atMs })));
    }
    const nextEvent = Math.min(pending[0] ?? Infinity, stage === 'look' ? challenge.turnAtMs : stage === 'turn' ? challenge.backAtMs : challenge.totalMs);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextEvent - (now() - t0))));
  }
  return Promise.all(frames);
}
