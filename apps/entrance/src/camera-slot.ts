/**
 * Which of this computer's entrance cameras a page is. One mini-PC may watch a door with two cameras (one looking in,
 * one looking out), each in its own window opened as `/entrance/?camera=<name>`: each keeps its own device key and its
 * own choice of video input, so nothing is shared between them. Without `camera` the page is the computer's only one.
 */
export interface CameraSlot {
  /** where the device credential is kept (web-kit's credentialStoreFor) */
  credentialKey: string;
  /** where the chosen video input is remembered (localStorage) */
  videoInputKey: string;
}

export function cameraSlot(search: string): CameraSlot {
  const name = (new URLSearchParams(search).get('camera') ?? '')
    .trim()
    .replace(/[^\p{L}\p{N}_-]/gu, '')
    .slice(0, 40);
  const suffix = name ? `:${name}` : '';
  return { credentialKey: `entrance${suffix}`, videoInputKey: `shualian.entrance${suffix}.videoInput` };
}
