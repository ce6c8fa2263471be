import { solveLinear } from './linear-system.ts';
/**
 * The plane-to-plane map (a homography) that best carries one set of picture points onto another: how a flat picture
 * moves when it is turned, tilted or moved in front of a camera. Fitted by linear least squares with the last entry
 * fixed at 1 on points centred and scaled to unit spread (Hartley's normalisation), which is sound for the gentle
 * turns of a face in front of a kiosk.
 */
export type Point2 = [number, number];

function normaliser(points: Point2[]) {
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  const spread = points.reduce((s, p) => s + Math.hypot(p[0] - cx, p[1] - cy), 0) / points.length || 1;
  const k = Math.SQRT2 / spread;
  return {
    apply: (p: Point2): Point2 => [(p[0] - cx) * k, (p[1] - cy) * k],
    undo: (p: Point2): Point2 => [p[0] / k + cx, p[1] / k + cy],
  };
}

/**
 * Fits `to ≈ H(from)` and returns, for each point, how far `H(from)` lands from `to` (in `to`'s pixels); undefined
 * with fewer than 5 points or a degenerate layout.
 */
export function homographyResiduals(from: Point2[], to: Point2[]): number[] | undefined {
  if (from.length !== to.length || from.length < 5) return undefined;
  const nf = normaliser(from);
  const nt = normaliser(to);
  const a = from.map(nf.apply);
  const b = to.map(nt.apply);
  const xtx = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const xty = new Array<number>(8).fill(0);
  const add = (row: number[], y: number) => {
    for (let i = 0; i < 8; i++) {
      xty[i]! += row[i]! * y;
      for (let j = 0; j < 8; j++) xtx[i]![j]! += row[i]! * row[j]!;
    }
  };
  a.forEach(([x, y], i) => {
    const [u, v] = b[i]!;
    add([x, y, 1, 0, 0, 0, -u * x, -u * y], u);
    add([0, 0, 0, x, y, 1, -v * x, -v * y], v);
  });
  const h = solveLinear(xtx, xty);
  if (!h) return undefined;
  return a.map(([x, y], i) => {
    const w = h[6]! * x + h[7]! * y + 1;
    const mapped = nt.undo([(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w]);
    return Math.hypot(mapped[0] - to[i]![0], mapped[1] - to[i]![1]);
  });
}
