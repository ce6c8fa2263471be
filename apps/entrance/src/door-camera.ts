import type { FaceDetector } from '@shualian/web-kit/face-detector';
import { CROP_SHAPE, cropRect, encodeWithin } from './picker/crop-box.ts';
import { innerFace, type FaceGeometry, type FaceReason } from './picker/face-quality.ts';
import { FramePicker, type PickRules } from './picker/frame-picker.ts';
import { measureFace } from './picker/sharpness.ts';
import type { CropBatch } from './sending/crop-queue.ts';

/**
 * The camera's eye, in the browser: takes the current video frame into a canvas, asks the on-device detector for the
 * faces in it, lets the picker choose (picker/frame-picker.ts), cuts and encodes the chosen crops from that same
 * frame, and hands them on as one batch. It runs as fast as the detector allows, but no faster than `minFrameMs`
 * a frame. Nothing is kept: the frame canvas is drawn over by the next frame.
 */

export const LOOK = {
  /** the detector's input size: 416 finds a face some 60 px wide in a 1280 px frame (the server's engine uses 416 too) */
  inputSize: 416,
  scoreThreshold: 0.5,
  /** at most about seven frames a second: enough to follow a walking person, light on a mini-PC */
  minFrameMs: 150,
} as const;

export interface FrameSeen {
  /** faces in the frame */
  faces: number;
  /** why faces were held back this frame */
  held: FaceReason[];
  /** crops taken from it (already handed on) */
  crops: number;
}

export interface DoorCameraOptions {
  video: HTMLVideoElement;
  detector: FaceDetector;
  /** the picker's rules as the server last said (read at every frame, so a new configuration applies at once) */
  rules: () => PickRules;
  /** a frame's crops, to be sent */
  onBatch: (batch: CropBatch) => void;
  /** after every frame analysed */
  onFrame: (frame: FrameSeen) => void;
}

export interface DoorCamera {
  readonly picker: FramePicker;
  stop(): void;
}

export function startDoorCamera(options: DoorCameraOptions): DoorCamera {
  const frame = document.createElement('canvas');
  const context = frame.getContext('2d', { willReadFrequently: true })!;
  const cropCanvas = document.createElement('canvas');
  const cropContext = cropCanvas.getContext('2d')!;
  const picker = new FramePicker((face: FaceGeometry) => {
    const inner = innerFace(face.box, frame);
    if (inner.width < 2 || inner.height < 2) return { sharpness: 0, brightness: 0 };
    const pixels = context.getImageData(inner.x, inner.y, inner.width, inner.height);
    return measureFace({ data: pixels.data, width: pixels.width, height: pixels.height });
  });
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const crop = async (face: FaceGeometry): Promise<string> => {
    const rect = cropRect(face.box, frame);
    cropCanvas.width = rect.outSide;
    cropCanvas.height = rect.outSide;
    cropContext.drawImage(frame, rect.x, rect.y, rect.side, rect.side, 0, 0, rect.outSide, rect.outSide);
    const encoded = await encodeWithin(async (quality) => {
      const base64 = cropCanvas.toDataURL('image/jpeg', quality).slice('data:image/jpeg;base64,'.length);
      return { base64, size: Math.floor((base64.length * 3) / 4) };
    }, CROP_SHAPE);
    return encoded.base64;
  };

  const look = async (started: number) => {
    const { video } = options;
    if (video.readyState < 2 || video.videoWidth === 0) return;
    if (frame.width !== video.videoWidth || frame.height !== video.videoHeight) {
      frame.width = video.videoWidth;
      frame.height = video.videoHeight;
    }
    const atMs = Date.now();
    context.drawImage(video, 0, 0);
    const faces = await options.detector.detect(frame, {
      inputSize: LOOK.inputSize,
      scoreThreshold: LOOK.scoreThreshold,
    });
    if (!running) return;
    const report = picker.pick({ atMs: started, width: frame.width, height: frame.height, faces }, options.rules());
    const crops: string[] = [];
    for (const face of report.picked) crops.push(await crop(face));
    if (crops.length > 0) options.onBatch({ atMs, takenMs: started, crops });
    options.onFrame({ faces: report.faces, held: report.held, crops: crops.length });
  };

  void (async () => {
    while (running) {
      const started = performance.now();
      // A frame the detector cannot read (the camera restarting, say) is skipped; the next one is tried.
      await look(started).catch(() => undefined);
      const rest = Math.max(0, LOOK.minFrameMs - (performance.now() - started));
      await new Promise((resolve) => (timer = setTimeout(resolve, rest)));
    }
  })();

  return {
    picker,
    stop() {
      running = false;
      clearTimeout(timer);
    },
  };
}
