import { verifyColourChallenge, type ColourChallenge, type ColourVerdict } from './colour-challenge.ts';
import { invalid } from '../../../platform/domain-errors.ts';
import type { FrameAnalysis, Recognizer } from '../face.ports.ts';

export const LIVENESS_FRAMES = {
  /** frames that get the whole pipeline at once (one per engine worker) */
  analysedFrames: 2,
  /** the most analysed when the first are not usable */
  maxAnalysedFrames: 5,
} as const;

export interface CapturedFrame {
  image: Buffer;
  /** Milliseconds since the kiosk began the colour sequence. */
  atMs: number;
}

/** `count` indices spread evenly over `length` items, first and last included. */
export function spread(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1))))];
}

export interface LivenessAssessment {
  analysed: Array<{ index: number; analysis: FrameAnalysis }>;
  /** Frames that passed every quality gate. */
  clear: Array<{ index: number; analysis: FrameAnalysis }>;
  /** The frames the face is taken from: the clear ones, or else those where it can at least be embedded. */
  usable: Array<{ index: number; analysis: FrameAnalysis }>;
  colour: ColourVerdict;
  passiveLiveFrames: number;
  /** Every live check as configured passed. */
  live: boolean;
  /** The flash did not show on the face (strong light) and a head turn may stand in for it. */
  headTurnAllowed: boolean;
}

/**
 * The live checks on a flash session's frames, the same for a face payment and for a technician's calibration
 * capture. Two frames, from the start and the end of the challenge, get the whole pipeline (a third from a steady
 * camera 2.5 s apart is a near copy: it cost ~400 ms and added little); the colour of every frame is read inside the
 * nearest analysed face box. If those frames are not usable (a blink, a turn of the head), a few more are tried. The
 * first two run at once: the engine's workers take one each. `firstLook` is the first frame's analysis when it was
 * started while the flash still ran.
 */
export async function assessLiveness(
  recognizer: Recognizer,
  challenge: ColourChallenge,
  frames: CapturedFrame[],
  options: { firstLook?: Promise<FrameAnalysis>; headTurnWhenFlashNotVisible: boolean },
): Promise<LivenessAssessment> {
  const analyse = (index: number) =>
    index === 0 && options.firstLook
      ? options.firstLook.catch(() => recognizer.analyze(frames[0]!.image))
      : recognizer.analyze(frames[index]!.image);
  const order = [
    ...new Set([...spread(frames.length, LIVENESS_FRAMES.analysedFrames), ...spread(frames.length, frames.length)]),
  ];
  const analysed: LivenessAssessment['analysed'] = await Promise.all(
    order.slice(0, LIVENESS_FRAMES.analysedFrames).map(async (index) => ({ index, analysis: await analyse(index) })),
  );
  for (const index of order.slice(LIVENESS_FRAMES.analysedFrames)) {
    if (analysed.length >= LIVENESS_FRAMES.maxAnalysedFrames) break;
    if (analysed.length >= LIVENESS_FRAMES.analysedFrames && analysed.some((a) => a.analysis.usable)) break;
    analysed.push({ index, analysis: await analyse(index) });
  }
  const clear = analysed.filter((a) => a.analysis.usable && a.analysis.embedding);
  // Without a clear frame, a face seen through blur or at an angle still narrows the search for the phone's digits.
  const usable = clear.length > 0 ? clear : analysed.filter((a) => a.analysis.identifiable && a.analysis.embedding);
  if (usable.length === 0) {
    const reasons = [...new Set(analysed.flatMap((a) => a.analysis.reasons))];
    throw invalid('no_usable_frame', 'no frame shows one clear face', { reasons });
  }
  const boxes = analysed.filter((a) => a.analysis.box);
  const observations = await Promise.all(
    frames.map(async (frame, index) => {
      const nearest = boxes.reduce((best, a) => (Math.abs(a.index - index) < Math.abs(best.index - index) ? a : best));
      const own = analysed.find((a) => a.index === index)?.analysis.faceRgb;
      return { atMs: frame.atMs, faceRgb: own ?? (await recognizer.faceColour(frame.image, nearest.analysis.box!)) };
    }),
  );
  const colour = verifyColourChallenge(challenge, observations);
  // The flash tints the face on purpose, and the passive models read tinted frames poorly (their scores swing from
  // 0.4 to 0.98 across one genuine session): the colour challenge decides, passive checks veto only when no
  // analysed frame looks live at all.
  const passiveLiveFrames = usable.filter((a) => a.analysis.passiveLive).length;
  return {
    analysed,
    clear,
    usable,
    colour,
    passiveLiveFrames,
    live: colour.passed && passiveLiveFrames > 0,
    headTurnAllowed:
      colour.reason === 'no_colour_response' && passiveLiveFrames > 0 && options.headTurnWhenFlashNotVisible,
  };
}
