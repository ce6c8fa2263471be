import type * as FaceApiModule from '@vladmandic/face-api';
/**
 * The quick on-device look before the flash challenge: one face, near enough, facing the screen. It runs face-api's
 * tiny face detector with its tiny 68-point landmarks on TensorFlow.js's WebAssembly backend (no GPU needed; the plain
 * JavaScript backend if WebAssembly is refused), loaded once in the
 * background from /web-models/face-api/. If it cannot load, the kiosk goes on with the brightness hint and the
 * server's quality reasons; this check only ever adds hints, it never blocks a payment.
 */
type FaceApi = typeof FaceApiModule;

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

let loading: Promise<FaceApi | undefined> | undefined;

export function preloadFaceCheck(): Promise<FaceApi | undefined> {
  loading ??= (async () => {
    try {
      const faceapi = await import('@vladmandic/face-api');
      // The bundled tfjs has these at run time; face-api's types list only part of it.
      const tf = faceapi.tf as unknown as {
        setBackend(name: string): Promise<boolean>;
        ready(): Promise<void>;
        setWasmPaths(prefix: string): void;
        getBackend(): string;
      };
      // WebAssembly runs the detector several times faster than plain JavaScript on a kiosk's CPU.
      tf.setWasmPaths(new URL('/web-models/tfjs-wasm/', location.href).href);
      if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu');
      await tf.ready();
      const models = new URL('/web-models/face-api/', location.href).href;
      await Promise.all([
        faceapi.nets.tinyFaceDetector.loadFromUri(models),
        faceapi.nets.faceLandmark68TinyNet.loadFromUri(models),
      ]);
      // The first inference builds the network's kernels; do it now rather than while a shopper waits.
      const blank = document.createElement('canvas');
      blank.width = 160;
      blank.height = 120;
      await faceapi.detectAllFaces(blank, new faceapi.TinyFaceDetectorOptions({ inputSize: FACE_RULES.inputSize }));
      await faceapi.nets.faceLandmark68TinyNet.detectLandmarks(blank);
      document.documentElement.dataset.faceCheck = `ready (${tf.getBackend()})`;
      return faceapi;
    } catch (error) {
      document.documentElement.dataset.faceCheck = `unavailable: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    }
  })();
  return loading;
}

/** What the detector sees in the current video frame; undefined when the detector is not (yet) available. */
export async function lookAtFace(video: HTMLVideoElement): Promise<FaceLook | undefined> {
  const faceapi = await Promise.race([
    preloadFaceCheck(),
    new Promise<undefined>((r) => setTimeout(() => r(undefined), 50)),
  ]);
  if (!faceapi || video.videoWidth === 0) return undefined;
  const options = new faceapi.TinyFaceDetectorOptions({
    inputSize: FACE_RULES.inputSize,
    scoreThreshold: FACE_RULES.scoreThreshold,
  });
  const started = performance.now();
  const found = await faceapi.detectAllFaces(video, options).withFaceLandmarks(true);
  performance.measure('kiosk:face-look', { start: started, detail: { faces: found.length } });
  if (found.length === 0) return { faces: 0, widthShare: 0, turn: 0 };
  const largest = found.reduce((a, b) => (b.detection.box.width > a.detection.box.width ? b : a));
  const eyes = [largest.landmarks.getLeftEye(), largest.landmarks.getRightEye()].map((points) => ({
    x: points.reduce((s, p) => s + p.x, 0) / points.length,
  }));
  const nose = largest.landmarks.getNose()[3] ?? largest.landmarks.getNose()[0]!;
  const eyeDistance = Math.abs(eyes[1]!.x - eyes[0]!.x) || 1;
  const turn = (nose.x - (eyes[0]!.x + eyes[1]!.x) / 2) / eyeDistance;
  return { faces: found.length, widthShare: largest.detection.box.width / video.videoWidth, turn };
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
