import { landmarkCentre, loadFaceDetector, type FaceDetector } from '@shualian/web-kit/face-detector';
/**
 * The quick on-device look before the flash challenge: one face, near enough, facing the screen. It runs the store
 * devices' shared detector (face-api's tiny detector and landmarks on WebAssembly, `@shualian/web-kit/face-detector`),
 * loaded once in the background. If it cannot load, the kiosk goes on with the brightness hint and the server's
 * quality reasons; this check only ever adds hints, it never blocks a payment.
 */

export interface FaceLook {
  faces: number;
  /** Face width as a share of the frame width (the largest face). */
  widthShare: number;
  /** Nose offset from the eyes' midpoint, as a share of the eye distance: 0 facing the screen, ±0.5 turned away. */
  turn: number;
}

export const FACE_RULES = {
  minWidthShare: 0.2,
  maxTurn: 0.35,
  inputSize: 160,
  scoreThreshold: 0.5,
  loadTimeoutMs: 20_000,
};

/** Loads the shared on-device detector in the background (web-kit's face-detector); later calls share it. */
export function preloadFaceCheck(): Promise<FaceDetector | undefined> {
  return loadFaceDetector();
}

/** What the detector sees in the current video frame; undefined when the detector is not (yet) available. */
export async function lookAtFace(video: HTMLVideoElement): Promise<FaceLook | undefined> {
  const detector = await Promise.race([
    preloadFaceCheck(),
    new Promise<undefined>((r) => setTimeout(() => r(undefined), 50)),
  ]);
  if (!detector || video.videoWidth === 0) return undefined;
  const started = performance.now();
  const found = await detector.detect(video, {
    inputSize: FACE_RULES.inputSize,
    scoreThreshold: FACE_RULES.scoreThreshold,
  });
  performance.measure('kiosk:face-look', { start: started, detail: { faces: found.length } });
  if (found.length === 0) return { faces: 0, widthShare: 0, turn: 0 };
  const largest = found.reduce((a, b) => (b.box.width > a.box.width ? b : a));
  const [leftX] = landmarkCentre(largest.landmarks, 36, 41);
  const [rightX] = landmarkCentre(largest.landmarks, 42, 47);
  const noseX = largest.landmarks[30]![0];
  const eyeDistance = Math.abs(rightX - leftX) || 1;
  const turn = (noseX - (leftX + rightX) / 2) / eyeDistance;
  return { faces: found.length, widthShare: largest.box.width / video.videoWidth, turn };
}

/** The hint a look calls for, if any. */
export function faceHint(look: FaceLook | undefined): string | undefined {
  if (!look) return undefined;
  if (look.faces === 0) return 'face.hint.noFace';
  if (look.faces > 1) return 'face.hint.oneFace';
  if (look.widthShare < FACE_RULES.minWidthShare) return 'face.hint.closer';
  if (Math.abs(look.turn) > FACE_RULES.maxTurn) return 'face.hint.faceScreen';
  return undefined;
}
