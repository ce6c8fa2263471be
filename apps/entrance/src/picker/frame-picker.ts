import { judgeGeometry, judgePixels, type FaceGeometry, type FaceReason } from './face-quality.ts';
import { FaceTracker } from './face-tracker.ts';
import type { FaceMeasure } from './sharpness.ts';

/**
 * What the camera does with each frame's faces: follows them (face-tracker.ts), judges each (face-quality.ts: geometry
 * first, pixels only for a face that passed it and is due a crop), and picks the faces to crop, at most
 * `perSecond` a second per tracked face and `perRequest` a frame, nearest (largest) first. No face, no crop.
 */

export interface PickRules {
  /** crops a second per tracked face at most */
  perSecond: number;
  /** crops a frame at most (one request carries one frame's crops) */
  perRequest: number;
  /** the server's least eye distance (px in the crop) */
  minEyeDistancePx: number;
}

export interface FrameFaces {
  /** monotonic time of the frame (ms) */
  atMs: number;
  width: number;
  height: number;
  faces: readonly FaceGeometry[];
}

export interface FrameReport {
  /** the faces to crop, in the frame's face order */
  picked: FaceGeometry[];
  faces: number;
  /** why faces were not picked this frame, each reason once per face (the status screen's hint) */
  held: FaceReason[];
}

export class FramePicker {
  readonly tracker = new FaceTracker();

  constructor(private readonly measure: (face: FaceGeometry) => FaceMeasure) {}

  pick(frame: FrameFaces, rules: PickRules): FrameReport {
    const ids = this.tracker.update(
      frame.atMs,
      frame.faces.map((f) => f.box),
    );
    const held: FaceReason[] = [];
    const due = frame.faces
      .map((face, i) => ({ face, id: ids[i]!, verdict: judgeGeometry(face, frame, rules.minEyeDistancePx) }))
      .filter(({ id, verdict }) => {
        held.push(...verdict.reasons);
        return verdict.ok && this.tracker.mayCrop(id, frame.atMs, rules.perSecond);
      })
      .sort((a, b) => b.verdict.eyeDistancePx - a.verdict.eyeDistancePx);
    const picked: Array<{ face: FaceGeometry; id: number }> = [];
    for (const candidate of due) {
      if (picked.length >= rules.perRequest) break;
      const verdict = judgePixels(candidate.verdict, this.measure(candidate.face));
      held.push(...verdict.reasons);
      if (!verdict.ok) continue;
      picked.push(candidate);
      this.tracker.noteCrop(candidate.id, frame.atMs);
    }
    return {
      picked: frame.faces.filter((face) => picked.some((p) => p.face === face)),
      faces: frame.faces.length,
      held,
    };
  }
}
