import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VisitTracker, type Sighting, type TrackerRules, type VisitChange } from './visit-tracker.ts';

/**
 * The tracker's rules on hand-made unit vectors (the rules, not the face engine: the engine's own faces are in
 * entrance.int.spec.ts and entrance.shared.spec.ts). A face is a direction; a capture of it is that direction nudged.
 */
const D = 8;
const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v, (x) => x / n);
};
const face = (axis: number, lean = 0, towards = (axis + 1) % D) =>
  unit(Array.from({ length: D }, (_, i) => (i === axis ? 1 : i === towards ? lean : 0)));
const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const rules: TrackerRules = { windowMs: 10 * 60_000, sameFace: 0.95, similarity: dot };
const T0 = Date.parse('2026-12-03T02:00:00Z');

let ids = 0;
const tracker = () => new VisitTracker(() => `v${++ids}`);
const seen = (over: Partial<Sighting> & { embedding: Float32Array }): Sighting => ({
  atMs: T0,
  camera: 'door',
  role: 'entry',
  member: null,
  age: null,
  gender: null,
  ...over,
});
const types = (changes: VisitChange[]) => changes.map((c) => c.type);

test('the same face seen many times is one visit, which ends a window after it was last seen', () => {
  const t = tracker();
  const first = t.observe(seen({ embedding: face(0) }), rules);
  assert.deepEqual(types(first.changes), ['started']);
  for (let i = 1; i <= 5; i++) {
    const again = t.observe(seen({ atMs: T0 + i * 60_000, embedding: face(0, 0.1 * (i % 3)) }), rules);
    assert.deepEqual(types(again.changes), ['seen']);
    assert.equal(again.visit?.visitId, first.visit?.visitId);
  }
  assert.equal(t.open[0]!.sightings, 6);
  assert.deepEqual(t.expire(T0 + 5 * 60_000 + rules.windowMs, rules.windowMs), [], 'not yet: exactly the window');
  const ended = t.expire(T0 + 5 * 60_000 + rules.windowMs + 1, rules.windowMs);
  assert.equal(ended.length, 1);
  assert.deepEqual(ended[0], {
    type: 'ended',
    visit: { ...ended[0]!.visit },
    reason: 'timeout',
    leftAtMs: T0 + 5 * 60_000,
  });
  assert.equal(t.size, 0, 'its face is gone with it');
});

test('two different people are two visits, and a face seen again after the window starts a new one', () => {
  const t = tracker();
  const a = t.observe(seen({ embedding: face(0) }), rules).visit!;
  const b = t.observe(seen({ atMs: T0 + 1000, embedding: face(1) }), rules).visit!;
  assert.notEqual(a.visitId, b.visitId);
  assert.equal(t.open.length, 2);
  const back = t.observe(seen({ atMs: T0 + 1000 + rules.windowMs + 1, embedding: face(0) }), rules);
  assert.deepEqual(types(back.changes), ['ended', 'ended', 'started'], 'both ended unseen; the first is back');
  assert.notEqual(back.visit!.visitId, a.visitId);
});

test('look-alikes below the same-face score stay apart; a crop between them joins the nearer', () => {
  const t = tracker();
  const a = face(0);
  const b = unit([...a].map((x, i) => x + (i === 1 ? 0.4 : 0)));
  assert.ok(dot(a, b) < rules.sameFace && dot(a, b) > 0.9, 'look-alikes: close, not the same');
  const va = t.observe(seen({ embedding: a }), rules).visit!;
  const vb = t.observe(seen({ embedding: b }), rules).visit!;
  assert.notEqual(va.visitId, vb.visitId);
  const nearA = unit([...a].map((x, i) => x + (i === 1 ? 0.12 : 0)));
  assert.ok(dot(nearA, a) >= rules.sameFace && dot(nearA, b) >= rules.sameFace && dot(nearA, a) > dot(nearA, b));
  assert.equal(t.observe(seen({ embedding: nearA }), rules).visit!.visitId, va.visitId);
});

test('an exit camera ends the visit it sees, and starts none for someone it never saw come in', () => {
  const t = tracker();
  const entered = t.observe(seen({ embedding: face(2) }), rules).visit!;
  const left = t.observe(seen({ atMs: T0 + 90_000, camera: 'out', role: 'exit', embedding: face(2, 0.1) }), rules);
  assert.deepEqual(types(left.changes), ['seen', 'ended']);
  const ended = left.changes[1] as Extract<VisitChange, { type: 'ended' }>;
  assert.equal(ended.reason, 'exit');
  assert.equal(ended.leftAtMs, T0 + 90_000);
  assert.equal(ended.visit.visitId, entered.visitId);
  assert.equal(ended.visit.lastCamera, 'out');
  assert.equal(t.size, 0);
  const stranger = t.observe(seen({ atMs: T0 + 91_000, role: 'exit', embedding: face(3) }), rules);
  assert.deepEqual(stranger, { changes: [], visit: null });
  assert.equal(t.size, 0);
  // A camera both ways counts like an entrance.
  assert.deepEqual(types(t.observe(seen({ role: 'both', atMs: T0 + 92_000, embedding: face(3) }), rules).changes), [
    'started',
  ]);
});

test("a named member's visit is theirs; their unnamed crops join it; an anonymous visit named later becomes theirs", () => {
  const t = tracker();
  const member = t.observe(seen({ member: 'm1', embedding: face(4) }), rules).visit!;
  assert.equal(member.member, 'm1');
  const unnamed = t.observe(seen({ atMs: T0 + 1000, embedding: face(4, 0.1) }), rules);
  assert.equal(unnamed.visit!.visitId, member.visitId, 'a crop too unclear to name still joins by face');
  // Named again from a crop that no longer looks like the kept ones: still the member's own visit.
  assert.equal(
    t.observe(seen({ atMs: T0 + 2000, member: 'm1', embedding: face(5) }), rules).visit!.visitId,
    member.visitId,
  );

  const anonymous = t.observe(seen({ atMs: T0 + 3000, embedding: face(6) }), rules).visit!;
  assert.equal(anonymous.member, null);
  const named = t.observe(seen({ atMs: T0 + 4000, member: 'm2', embedding: face(6, 0.1) }), rules);
  assert.deepEqual(types(named.changes), ['identified', 'seen']);
  assert.equal(named.visit!.visitId, anonymous.visitId);
  assert.equal(named.visit!.member, 'm2');
  // Another member's face that matches m1's track starts m3's own visit, never joins m1's.
  const other = t.observe(seen({ atMs: T0 + 5000, member: 'm3', embedding: face(4) }), rules);
  assert.deepEqual(types(other.changes), ['started']);
  assert.equal(other.visit!.member, 'm3');
});

test('a withdrawn member is dropped at once: their next crop starts an anonymous visit', () => {
  const t = tracker();
  t.observe(seen({ member: 'm1', embedding: face(0) }), rules);
  const ended = t.endMember('m1', 'consent_withdrawn');
  assert.deepEqual(types(ended), ['ended']);
  assert.equal(t.size, 0);
  const next = t.observe(seen({ atMs: T0 + 1000, embedding: face(0) }), rules);
  assert.deepEqual(types(next.changes), ['started']);
  assert.equal(next.visit!.member, null);
});

test("an anonymous visit's age band is the median estimate's and its gender the majority's", () => {
  const t = tracker();
  const at = (i: number, age: number | null, gender: 'female' | 'male' | null) =>
    t.observe(seen({ atMs: T0 + i, embedding: face(7, 0.05 * (i % 2)), age, gender }), rules).visit!;
  at(0, 31, 'female');
  at(1, 44, 'male');
  at(2, 33, 'female');
  const last = at(3, null, null);
  assert.equal(last.ageBand, '25-34', 'median of 31, 33, 44');
  assert.equal(last.gender, 'female');
  assert.equal(at(4, 70, 'male').gender, null, 'a tie says nothing');
});

test('no view the tracker hands out holds an embedding, and a failed transaction leaves it as it was', async () => {
  const t = tracker();
  const changes = [
    ...t.observe(seen({ embedding: face(0) }), rules).changes,
    ...t.observe(seen({ member: 'm1', embedding: face(1) }), rules).changes,
    ...t.endAll('end_of_sequence'),
  ];
  const holdsVectors = (value: unknown): boolean =>
    ArrayBuffer.isView(value) ||
    (typeof value === 'object' && value !== null && Object.values(value).some(holdsVectors));
  assert.ok(!holdsVectors(changes));
  assert.ok(!holdsVectors(t.open));

  t.observe(seen({ embedding: face(2) }), rules);
  const before = JSON.stringify(t.open);
  await assert.rejects(
    t.rollbackOnFailure(async () => {
      t.observe(seen({ atMs: T0 + 1, embedding: face(2, 0.1) }), rules);
      t.observe(seen({ atMs: T0 + 2, embedding: face(3) }), rules);
      throw new Error('the database said no');
    }),
    /said no/,
  );
  assert.equal(JSON.stringify(t.open), before);
  assert.deepEqual(types(t.observe(seen({ atMs: T0 + 3, embedding: face(2, 0.1) }), rules).changes), ['seen']);
});
