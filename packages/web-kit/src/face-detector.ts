import type * as FaceApiModule from '@vladmandic/face-api';
/**
 * The on-device face detector the store devices share (the kiosk's face check, the entrance camera's crop picker):
 * face-api's tiny face detector with its tiny 68-point landmarks on TensorFlow.js's WebAssembly backend (no GPU needed;
 * the plain JavaScript backend if WebAssembly is refused), loaded once per page from the models and kernels the server
 * serves at /web-models/. Nothing it sees leaves the device: it answers boxes and landmarks.
 *
 * Imported as `@shualian/web-kit/face-detector`, not from the package's index, so apps that never look at a face do not
 * bundle face-api.
 */
type FaceApi = typeof FaceApiModule;

export type LandmarkPoint = readonly [number, number];

export interface DetectedFace {
  /** The detector's box, in the source's pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** The detector's confidence (0–1). */
  score: number;
  /** The 68 landmarks (dlib numbering: jaw 0–16, brows 17–26, nose 27–35, eyes 36–47, mouth 48–67), source pixels. */
  landmarks: LandmarkPoint[];
}

export interface FaceDetector {
  /** 'wasm' or 'cpu': which TensorFlow.js backend runs the models. */
  backend: string;
  /** Every face in the source as it is now, with its landmarks. */
  detect(
    source: HTMLVideoElement | HTMLCanvasElement,
    options: { inputSize: number; scoreThreshold: number },
  ): Promise<DetectedFace[]>;
}

let loading: Promise<FaceDetector | undefined> | undefined;

/**
 * Loads the detector once (later calls share it) and warms it up; undefined when it cannot load. The page's
 * `data-face-check` attribute says which: `ready (wasm)` or `unavailable: <why>`.
 */
export function loadFaceDetector(): Promise<FaceDetector | undefined> {
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
      // WebAssembly runs the detector several times faster than plain JavaScript on a store device's CPU.
      tf.setWasmPaths(new URL('/web-models/tfjs-wasm/', location.href).href);
      if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu');
      await tf.ready();
      const models = new URL('/web-models/face-api/', location.href).href;
      await Promise.all([
        faceapi.nets.tinyFaceDetector.loadFromUri(models),
        faceapi.nets.faceLandmark68TinyNet.loadFromUri(models),
      ]);
      // The first inference builds the network's kernels; do it now rather than while someone waits.
      const blank = document.createElement('canvas');
      blank.width = 160;
      blank.height = 120;
      await faceapi.detectAllFaces(blank, new faceapi.TinyFaceDetectorOptions({ inputSize: 160 }));
      await faceapi.nets.faceLandmark68TinyNet.detectLandmarks(blank);
      const backend = tf.getBackend();
      document.documentElement.dataset.faceCheck = `ready (${backend})`;
      return detectorOn(faceapi, backend);
    } catch (error) {
      document.documentElement.dataset.faceCheck = `unavailable: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    }
  })();
  return loading;
}

function detectorOn(faceapi: FaceApi, backend: string): FaceDetector {
  return {
    backend,
    async detect(source, options) {
      const found = await faceapi
        .detectAllFaces(source, new faceapi.TinyFaceDetectorOptions(options))
        .withFaceLandmarks(true);
      return found.map((face) => {
        const { x, y, width, height } = face.detection.box;
        return {
          box: { x, y, width, height },
          score: face.detection.score,
          landmarks: face.landmarks.positions.map((p) => [p.x, p.y] as const),
        };
      });
    },
  };
}

/** The centre of landmarks `from`…`to` (inclusive): an eye is 36–41 (left in the picture) or 42–47. */
export function landmarkCentre(landmarks: readonly LandmarkPoint[], from: number, to: number): [number, number] {
  let x = 0;
  let y = 0;
  for (let i = from; i <= to; i++) {
    x += landmarks[i]![0];
    y += landmarks[i]![1];
  }
  return [x / (to - from + 1), y / (to - from + 1)];
}
