/**
 * The front camera: a preview in a <video>, and still frames taken from it as JPEG (base64, the API's frame format).
 */
export async function openCamera(
  video: HTMLVideoElement,
  size = { width: 640, height: 480 },
  options: { deviceId?: string } = {},
): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('camera_unavailable');
  // A named camera (one of several on a mini-PC), else the one facing the user.
  const which = options.deviceId ? { deviceId: { exact: options.deviceId } } : { facingMode: 'user' };
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { ...which, width: { ideal: size.width }, height: { ideal: size.height } },
    audio: false,
  });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  return stream;
}

export function closeCamera(stream: MediaStream | undefined | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

let scratch: HTMLCanvasElement | undefined;

/** The current video frame as a base64 JPEG (no data: prefix). */
export function captureJpeg(video: HTMLVideoElement, quality = 0.85): string {
  scratch ??= document.createElement('canvas');
  scratch.width = video.videoWidth;
  scratch.height = video.videoHeight;
  const context = scratch.getContext('2d');
  if (!context || scratch.width === 0) throw new Error('camera_not_ready');
  context.drawImage(video, 0, 0);
  return scratch.toDataURL('image/jpeg', quality).slice('data:image/jpeg;base64,'.length);
}

/** Mean brightness (0–255) of the middle of the frame: the on-device "too dark / too bright" hint. */
export function centreBrightness(video: HTMLVideoElement): number {
  scratch ??= document.createElement('canvas');
  const w = 64;
  const h = 48;
  scratch.width = w;
  scratch.height = h;
  const context = scratch.getContext('2d', { willReadFrequently: true });
  if (!context || video.videoWidth === 0) return 0;
  context.drawImage(
    video,
    video.videoWidth * 0.25,
    video.videoHeight * 0.2,
    video.videoWidth * 0.5,
    video.videoHeight * 0.6,
    0,
    0,
    w,
    h,
  );
  const { data } = context.getImageData(0, 0, w, h);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return sum / (w * h);
}
