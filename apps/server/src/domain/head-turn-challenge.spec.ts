import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createHeadTurn,
  HEAD_TURN_RULES,
  verifyHeadTurn,
  type HeadTurnChallenge,
  type TurnObservation,
} from './head-turn-challenge.ts';

const challenge: HeadTurnChallenge = { side: 'left', turnAtMs: 800, backAtMs: 2200, totalMs: 3100 };

/** Frames every 180 ms of a face whose `turn` reads `frontal`, plus `turnBy(atMs)`, with ±1° of wobble. */
function frames(frontal: number, turnBy: (atMs: number) => number): TurnObservation[] {
  const out: TurnObservation[] = [];
  for (let at = 40, i = 0; at < challenge.totalMs; at += 180, i++)
    out.push({ atMs: at, faceCount: 1, turn: frontal + turnBy(at) + (i % 2 ? 1 : -1) });
  return out;
}

/** A shopper who reacts 300 ms after each prompt and turns over 300 ms. */
const shopper = (degrees: number) => (at: number) => {
  const turning = Math.min(1, Math.max(0, (at - challenge.turnAtMs - 300) / 300));
  const back = Math.min(1, Math.max(0, (at - challenge.backAtMs - 300) / 300));
  return degrees * (turning - back);
};

test('a shopper who turns to the asked side after the prompt and looks back passes, whatever their frontal reading', () => {
  for (const frontal of [-20, 0, 17]) {
    const verdict = verifyHeadTurn(challenge, frames(frontal, shopper(12)));
    assert.equal(verdict.passed, true, JSON.stringify(verdict));
    assert.ok(verdict.peakDeg >= 11);
  }
  // Their own right is the picture's left: a negative turn.
  assert.equal(verifyHeadTurn({ ...challenge, side: 'right' }, frames(5, shopper(-12))).passed, true);
});

test('a still photo, the wrong side, a turn before the prompt or no look back fail with their reason', () => {
  assert.equal(
    verifyHeadTurn(
      challenge,
      frames(15, () => 0),
    ).reason,
    'no_turn',
  );
  assert.equal(verifyHeadTurn(challenge, frames(15, shopper(-12))).reason, 'wrong_side');
  // A video that turns both ways, hoping one of them is right, fails when its first turn is the wrong one.
  assert.equal(
    verifyHeadTurn(
      challenge,
      frames(15, (at) => -shopper(12)(at) + shopper(12)(at - 700)),
    ).reason,
    'wrong_side',
  );
  // Turning already while the shopper should look at the screen: a recording, not a reaction.
  assert.equal(
    verifyHeadTurn(
      challenge,
      frames(15, (at) => (at < 500 ? 12 : shopper(12)(at))),
    ).reason,
    'not_steady',
  );
  assert.equal(
    verifyHeadTurn(
      challenge,
      frames(15, (at) => (at > challenge.turnAtMs + 300 ? 12 : 0)),
    ).reason,
    'did_not_look_back',
  );
});

test('a slow shopper who looks back 900 ms after the prompt still passes', () => {
  const c = createHeadTurn(() => 0);
  const slow = (at: number) => {
    const turning = Math.min(1, Math.max(0, (at - c.turnAtMs - 500) / 400));
    const back = Math.min(1, Math.max(0, (at - c.backAtMs - 500) / 400));
    return 12 * (turning - back);
  };
  const seen: TurnObservation[] = [];
  for (let at = 100, i = 0; at < c.totalMs; at += Math.ceil(c.totalMs / 16), i++)
    seen.push({ atMs: at, faceCount: 1, turn: slow(at) + (i % 2 ? 1 : -1) });
  const verdict = verifyHeadTurn(c, seen);
  assert.equal(verdict.passed, true, JSON.stringify(verdict));
});

test('a wide turn whose later readings flip to the other side (landmarks past the jaw’s edge) still counts', () => {
  const flipping = (at: number) =>
    at > challenge.turnAtMs + 600 && at < challenge.backAtMs + 300 ? -15 : shopper(12)(at);
  assert.equal(verifyHeadTurn(challenge, frames(0, flipping)).passed, true);
});

test('a turn that is too small, or too few frames with a face, is not enough', () => {
  assert.equal(verifyHeadTurn(challenge, frames(0, shopper(HEAD_TURN_RULES.minTurnDeg - 3))).reason, 'no_turn');
  const lost = frames(0, shopper(12)).map((o) =>
    o.atMs > challenge.turnAtMs ? { ...o, faceCount: 0, turn: null } : o,
  );
  assert.equal(verifyHeadTurn(challenge, lost).reason, 'too_few_frames');
  const crowd = frames(0, shopper(12)).map((o, i) => (i === 6 ? { ...o, faceCount: 2, turn: null } : o));
  assert.equal(verifyHeadTurn(challenge, crowd).reason, 'several_faces');
});

test('the side and the moment are the server’s random choice', () => {
  const sides = new Set<string>();
  const moments = new Set<number>();
  for (let i = 0; i < 200; i++) {
    const c = createHeadTurn();
    sides.add(c.side);
    moments.add(c.turnAtMs);
    assert.ok(c.turnAtMs >= HEAD_TURN_RULES.minTurnAtMs && c.turnAtMs <= HEAD_TURN_RULES.maxTurnAtMs);
    assert.equal(c.backAtMs - c.turnAtMs, HEAD_TURN_RULES.turnWindowMs);
    assert.equal(c.totalMs - c.backAtMs, HEAD_TURN_RULES.lookBackMs);
  }
  assert.deepEqual([...sides].sort(), ['left', 'right']);
  assert.ok(moments.size > 50);
});
