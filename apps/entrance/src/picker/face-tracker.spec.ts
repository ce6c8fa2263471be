import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaceTracker, overlap, TRACKING } from './face-tracker.ts';

const box = (x: number, y: number, size = 100) => ({ x, y, width: size, height: size });

test('overlap is intersection over union', () => {
  assert.equal(overlap(box(0, 0), box(0, 0)), 1);
  assert.equal(overlap(box(0, 0), box(200, 0)), 0);
  assert.ok(Math.abs(overlap(box(0, 0), box(50, 0)) - 1 / 3) < 1e-9);
});

test('a face walking across the picture keeps its track; someone else starts another', () => {
  const tracker = new FaceTracker();
  const [first] = tracker.update(0, [box(100, 100)]);
  let t = 0;
  for (let x = 120; x <= 600; x += 20) {
    t += 150;
    assert.deepEqual(tracker.update(t, [box(x, 100)]), [first]);
  }
  const ids = tracker.update(t + 150, [box(620, 100), box(100, 300)]);
  assert.equal(ids[0], first);
  assert.notEqual(ids[1], first);
  assert.equal(tracker.started, 2);
  assert.equal(tracker.facesInView, 2);
});

test('a fast step that leaves little overlap continues the track when the face is near and about the same size', () => {
  const tracker = new FaceTracker();
  const [id] = tracker.update(0, [box(100, 100)]);
  assert.ok(overlap(box(100, 100), box(170, 100)) < TRACKING.minOverlap);
  assert.deepEqual(tracker.update(150, [box(170, 100)]), [id], 'near, the same size');
  assert.notDeepEqual(tracker.update(300, [box(400, 100)]), [id], 'far away: someone else');

  const other = new FaceTracker();
  const [big] = other.update(0, [box(100, 100)]);
  assert.notDeepEqual(other.update(150, [box(130, 130, 40)]), [big], 'near but far smaller: someone else');
});

test('two people side by side keep their own tracks as they pass each other closely', () => {
  const tracker = new FaceTracker();
  const [a, b] = tracker.update(0, [box(100, 100), box(260, 100)]);
  const [b2, a2] = tracker.update(150, [box(250, 100), box(110, 100)]);
  assert.equal(a2, a);
  assert.equal(b2, b);
});

test('a track unseen for longer than the forgetting time is over: the same place later is a new face', () => {
  const tracker = new FaceTracker();
  const [id] = tracker.update(0, [box(100, 100)]);
  tracker.update(100, []);
  assert.equal(tracker.facesInView, 0);
  assert.deepEqual(tracker.update(TRACKING.forgetAfterMs - 100, [box(100, 100)]), [id], 'a blink is not a new person');
  assert.notDeepEqual(tracker.update(2 * TRACKING.forgetAfterMs + 100, [box(100, 100)]), [id]);
});

test('a track may give a crop again only after 1/perSecond seconds', () => {
  const tracker = new FaceTracker();
  const [id] = tracker.update(0, [box(100, 100)]);
  assert.ok(tracker.mayCrop(id!, 0, 3));
  tracker.noteCrop(id!, 0);
  assert.ok(!tracker.mayCrop(id!, 300, 3));
  assert.ok(tracker.mayCrop(id!, 334, 3));
  assert.ok(!tracker.mayCrop(id!, 10_000, 0), 'zero a second: never');
  assert.ok(!tracker.mayCrop(999, 0, 3), 'an unknown track: never');
});
