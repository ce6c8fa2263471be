import { CHIP_TEMPLATE } from '@shualian/face-engine/on-device';
import type { FaceGeometry } from './face-quality.ts';

/**
 * A face as the detector would report it, made from where the server's alignment puts the five points of a frontal
 * face (CHIP_TEMPLATE), for the picker's specs: centred at (cx, cy) with `eyeDistance` px between the eyes, the nose
 * turned sideways by `yawDeg` (the pose formula's own geometry: half an eye distance in front of the eyes).
 */
export function syntheticFace(options: {
  cx: number;
  cy: number;
  eyeDistance: number;
  yawDeg?: number;
  score?: number;
}): FaceGeometry {
  const [leftEye, rightEye, nose, mouthLeft, mouthRight] = CHIP_TEMPLATE as [
    [number, number],
    [number, number],
    [number, number],
    [number, number],
    [number, number],
  ];
  const scale = options.eyeDistance / (rightEye[0] - leftEye[0]);
  const midX = (leftEye[0] + rightEye[0]) / 2;
  const midY = (leftEye[1] + mouthLeft[1]) / 2;
  const at = (p: [number, number]): [number, number] => [
    options.cx + (p[0] - midX) * scale,
    options.cy + (p[1] - midY) * scale,
  ];
  const turn = Math.tan(((options.yawDeg ?? 0) * Math.PI) / 180) * 0.5 * options.eyeDistance;
  const noseAt = at(nose);
  const landmarks: Array<[number, number]> = Array.from({ length: 68 }, () => noseAt);
  for (let i = 36; i <= 41; i++) landmarks[i] = at(leftEye);
  for (let i = 42; i <= 47; i++) landmarks[i] = at(rightEye);
  landmarks[30] = [noseAt[0] + turn, noseAt[1]];
  landmarks[48] = at(mouthLeft);
  landmarks[54] = at(mouthRight);
  landmarks[0] = [options.cx - options.eyeDistance, at(leftEye)[1]];
  landmarks[16] = [options.cx + options.eyeDistance, at(rightEye)[1]];
  const side = options.eyeDistance * 2.2;
  return {
    box: { x: options.cx - side / 2, y: options.cy - side / 2, width: side, height: side },
    score: options.score ?? 0.9,
    landmarks,
  };
}
