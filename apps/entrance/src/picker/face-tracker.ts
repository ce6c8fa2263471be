/**
 * Follows faces from one camera frame to the next by where their boxes are, so the camera can tell "the same person
 * again" from "someone new" without knowing who anyone is: a box that overlaps last frame's box of a track (or, when
 * someone moves fast, sits near it at about the same size) continues that track; the rest start new ones. A track not
 * seen for `forgetAfterMs` is forgotten. Each track remembers when its last crop was taken, which is how the camera
 * keeps to a few crops a second per person. Nothing here outlives a second or two of video.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const TRACKING = {
  /** intersection over union at which a box continues a track */
  minOverlap: 0.3,
  /** a box whose centre is within this share of the track's width, at 2/3–3/2 of its size, continues it too */
  nearShare: 0.8,
  /** a track unseen this long is over (ms) */
  forgetAfterMs: 1500,
} as const;

interface Track {
  id: number;
  box: Box;
  lastSeenMs: number;
  lastCropMs: number | null;
}

/** Intersection over union of two boxes (0: apart, 1: the same box). */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

function near(track: Box, box: Box): boolean {
  const size = box.width / track.width;
  if (size < 2 / 3 || size > 3 / 2) return false;
  const dx = box.x + box.width / 2 - (track.x + track.width / 2);
  const dy = box.y + box.height / 2 - (track.y + track.height / 2);
  return Math.hypot(dx, dy) <= TRACKING.nearShare * track.width;
}

export class FaceTracker {
  private readonly tracks = new Map<number, Track>();
  private nextId = 1;
  private inView = 0;

  /** How many tracks were ever started: people (well, faces) the camera has followed since it began. */
  get started(): number {
    return this.nextId - 1;
  }

  /** Faces in the latest frame. */
  get facesInView(): number {
    return this.inView;
  }

  /**
   * The faces of the frame taken at `atMs` (a monotonic clock): answers each box's track id, in the boxes' order.
   * Pairs are matched best overlap first, so two people side by side keep their own tracks.
   */
  update(atMs: number, boxes: readonly Box[]): number[] {
    for (const [id, track] of this.tracks) if (atMs - track.lastSeenMs > TRACKING.forgetAfterMs) this.tracks.delete(id);
    const ids: Array<number | undefined> = boxes.map(() => undefined);
    const free = new Set(this.tracks.keys());
    const pairs: Array<{ box: number; track: number; iou: number }> = [];
    boxes.forEach((box, i) => {
      for (const track of this.tracks.values()) {
        const iou = overlap(track.box, box);
        if (iou >= TRACKING.minOverlap) pairs.push({ box: i, track: track.id, iou });
      }
    });
    pairs.sort((a, b) => b.iou - a.iou);
    for (const pair of pairs) {
      if (ids[pair.box] !== undefined || !free.has(pair.track)) continue;
      ids[pair.box] = pair.track;
      free.delete(pair.track);
    }
    boxes.forEach((box, i) => {
      if (ids[i] !== undefined) return;
      const nearest = [...free]
        .map((id) => this.tracks.get(id)!)
        .filter((track) => near(track.box, box))
        .sort((a, b) => overlap(b.box, box) - overlap(a.box, box))[0];
      if (nearest) {
        ids[i] = nearest.id;
        free.delete(nearest.id);
      }
    });
    this.inView = boxes.length;
    return boxes.map((box, i) => {
      const id = ids[i] ?? this.nextId++;
      const track = this.tracks.get(id);
      this.tracks.set(id, { id, box, lastSeenMs: atMs, lastCropMs: track?.lastCropMs ?? null });
      return id;
    });
  }

  /** Whether track `id` may give a crop at `atMs` and stay within `perSecond` crops a second. */
  mayCrop(id: number, atMs: number, perSecond: number): boolean {
    const track = this.tracks.get(id);
    if (!track || perSecond <= 0) return false;
    return track.lastCropMs === null || atMs - track.lastCropMs >= 1000 / perSecond;
  }

  /** Notes that track `id` gave a crop at `atMs`. */
  noteCrop(id: number, atMs: number): void {
    const track = this.tracks.get(id);
    if (track) track.lastCropMs = atMs;
  }
}
