import { DomainError, invalid } from '../../platform/domain-errors.ts';
import type { GalleryMatch, MemberGallery, Recognizer } from './face.ports.ts';

export const ENROLLMENT_RULES = {
  minFrames: 1,
  maxFrames: 5,
  minUsableFrames: 1,
} as const;

export interface EnrollmentFrames {
  /** One template per usable frame: the member's template set. */
  usable: Array<{ index: number; embedding: Float32Array; image: Buffer }>;
  rejected: Array<{ frame: number; reasons: string[] }>;
  /** The templates come from frames that passed every quality gate. */
  clear: boolean;
  /** The frames' mean, used to look for the same face under another member. */
  probe: Float32Array;
}

/**
 * The face work of an enrollment, shared by the member app's enrollment and the `face identify` evaluation command:
 * every frame analysed, frames with one clear face kept as templates, the rest rejected with their reasons.
 * `onSpoof` is called when the passive models take every frame for a print or a screen; it throws to refuse. They
 * refuse about one live face in eight and pass most printed photos (docs/benchmarks.md), so, as in face pay, they
 * veto only when no frame looks live at all.
 */
export async function analyseEnrollmentFrames(
  recognizer: Recognizer,
  frames: Buffer[],
  onSpoof: (frame: number) => Promise<void>,
): Promise<EnrollmentFrames> {
  const clear: EnrollmentFrames['usable'] = [];
  const unclear: EnrollmentFrames['usable'] = [];
  const rejected: EnrollmentFrames['rejected'] = [];
  let passiveLiveFrames = 0;
  let firstLookingFake: number | undefined;
  for (const [index, image] of frames.entries()) {
    const analysis = await recognizer.analyze(image);
    if (analysis.faceCount === 1) {
      if (analysis.passiveLive) passiveLiveFrames++;
      else firstLookingFake ??= index;
    }
    if (analysis.usable && analysis.embedding) clear.push({ index, embedding: analysis.embedding, image });
    else {
      rejected.push({ frame: index, reasons: analysis.reasons });
      // The subject (largest, most central face) of a frame that misses a gate, or that has a second face beside it.
      if (analysis.identifiable && analysis.embedding) unclear.push({ index, embedding: analysis.embedding, image });
    }
  }
  if (passiveLiveFrames === 0 && firstLookingFake !== undefined) await onSpoof(firstLookingFake);
  // Clear frames make the templates. A member whose every frame misses a gate (light, blur, angle) is still enrolled
  // from those: their own face scores lower against them, so they are asked for the phone's digits more often.
  const usable = clear.length > 0 ? clear : unclear;
  if (usable.length < ENROLLMENT_RULES.minUsableFrames) {
    throw invalid('no_usable_frame', 'no frame shows one clear face; see the reasons', { frames: rejected });
  }
  return { usable, rejected, clear: clear.length > 0, probe: recognizer.fuse(usable.map((u) => u.embedding)) };
}

/** The member (other than this one) whose face this already is: the same face under a second account. */
export function enrolledElsewhere(
  recognizer: Recognizer,
  gallery: MemberGallery,
  merchantId: string,
  memberId: string,
  probe: Float32Array,
): GalleryMatch | undefined {
  return gallery
    .search(merchantId, probe, { k: 3 })
    .matches.find((m) => m.memberId !== memberId && m.score >= recognizer.thresholds.duplicate);
}

/** The refusal of a frame the passive models take for a print or a screen. */
export function spoofRefusal(): DomainError {
  return new DomainError(
    'invalid',
    'spoof_suspected',
    'this does not look like a live face; look at the camera yourself',
  );
}
