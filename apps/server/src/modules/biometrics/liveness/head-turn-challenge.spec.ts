import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createHeadTurn,
  HEAD_TURN_RULES,
  verifyHeadTurn,
  verifyParallax,
  type HeadTurnChallenge,
  type TurnObservation,
} from './head-turn-challenge.ts';
import type { Point2 } from './homography.ts';

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

/**
 * 68 landmarks of a head, in metres from the eyes' midpoint (x across, y down, z away from the camera): a seeded
 * scatter over the face with a nose standing 2–3 cm proud and the mouth 1 cm, or all of it flat (a photo).
 */
function head(flat: boolean): Array<[number, number, number]> {
  let s = 11;
  const random = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 68 }, (_, i) => {
    const x = (random() - 0.5) * 0.12;
    const y = -0.03 + random() * 0.12;
    const nose = i >= 27 && i <= 35 ? -0.02 - random() * 0.01 : 0;
    const mouth = i >= 48 ? -0.01 : 0;
    const cheek = 0.02 * (x / 0.06) ** 2;
    return [x, y, flat ? 0 : nose + mouth + cheek];
  });
}

/** The landmarks as a camera 45 cm away sees them with the head turned `degrees`, each off by `noise` pixels. */
function seen(points: Array<[number, number, number]>, degrees: number, noise: number, seed: number): Point2[] {
  let s = seed;
  const random = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const a = (degrees * Math.PI) / 180;
  return points.map(([x, y, z]) => {
    const xr = x * Math.cos(a) + z * Math.sin(a);
    const zr = -x * Math.sin(a) + z * Math.cos(a) + 0.45;
    return [320 + (554 * xr) / zr + (random() - 0.5) * noise, 240 + (554 * y) / zr + (random() - 0.5) * noise];
  });
}

test("a head's landmarks move non-rigidly when it turns; a turned photo's move by one homography", () => {
  const live = verifyParallax([seen(head(false), 0, 1, 1), seen(head(false), 0, 1, 2)], seen(head(false), 30, 1, 3))!;
  assert.equal(live.passed, true, JSON.stringify(live));
  assert.ok(live.excessIod > 0.05 && live.chancePlanar < 1e-6, JSON.stringify(live));
  const photo = verifyParallax([seen(head(true), 0, 1, 1), seen(head(true), 0, 1, 2)], seen(head(true), 30, 1, 3))!;
  assert.equal(photo.passed, false, JSON.stringify(photo));
  assert.equal(photo.excessIod, 0);
});

test('the parallax verdict rides on the head turn; it refuses only where the merchant asks for it', () => {
  const withMarks = (points: Array<[number, number, number]>) =>
    frames(15, shopper(12)).map((o, i) => ({
      ...o,
      landmarks: seen(points, o.turn! - 15 + (i % 2 ? -1 : 1), 1, i + 1),
    }));
  const photo = withMarks(head(true));
  const reported = verifyHeadTurn(challenge, photo);
  assert.equal(reported.passed, true);
  assert.equal(reported.parallax?.passed, false);
  const required = verifyHeadTurn(challenge, photo, { requireParallax: true });
  assert.equal(required.passed, false);
  assert.equal(required.reason, 'flat');
  // A real head turning as the shopper does passes with the check required.
  const real = verifyHeadTurn(
    challenge,
    withMarks(head(false)).map((o) => ({ ...o, landmarks: seen(head(false), 2.5 * (o.turn! - 15), 1, o.atMs) })),
    {
      requireParallax: true,
    },
  );
  assert.equal(real.passed, true, JSON.stringify(real));
});
