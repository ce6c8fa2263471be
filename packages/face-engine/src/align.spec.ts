import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHIP_TEMPLATE, fitSimilarity } from './align.ts';
import type { Point } from './image.ts';

test('the fitted similarity recovers a known rotation, scale and shift', () => {
  const angle = 0.3;
  const scale = 1.7;
  const moved: Point[] = CHIP_TEMPLATE.map(([x, y]) => [
    scale * (Math.cos(angle) * x - Math.sin(angle) * y) + 12,
    scale * (Math.sin(angle) * x + Math.cos(angle) * y) - 5,
  ]);
  const t = fitSimilarity(CHIP_TEMPLATE, moved);
  assert.ok(Math.abs(Math.hypot(t.a, t.b) - scale) < 1e-9);
  assert.ok(Math.abs(Math.atan2(t.b, t.a) - angle) < 1e-9);
  assert.ok(Math.abs(t.tx - 12) < 1e-6 && Math.abs(t.ty + 5) < 1e-6);
});
