/**
 * Hints for the shopper before the flash challenge, and what the server's quality reasons mean in words.
 */
export const BRIGHTNESS = { min: 45, max: 235 };

export function brightnessHint(brightness: number): string | undefined {
  if (brightness < BRIGHTNESS.min) return 'face.hint.tooDark';
  if (brightness > BRIGHTNESS.max) return 'face.hint.tooBright';
  return undefined;
}

const QUALITY_HINTS: Record<string, string> = {
  no_face: 'face.hint.noFace',
  multiple_faces: 'face.hint.oneFace',
  face_too_small: 'face.hint.closer',
  bad_pose: 'face.hint.faceScreen',
  too_dark: 'face.hint.tooDark',
  too_bright: 'face.hint.tooBright',
  low_contrast: 'face.hint.tooDark',
  blurred: 'face.hint.holdStill',
  eyes_closed: 'face.hint.eyesOpen',
  occluded: 'face.hint.unblock',
};

/** The most useful hint for the reasons the server gave for finding no usable frame. */
export function qualityHint(reasons: unknown): string {
  const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
  for (const reason of list) if (QUALITY_HINTS[reason]) return QUALITY_HINTS[reason]!;
  return 'face.hint.faceScreen';
}
