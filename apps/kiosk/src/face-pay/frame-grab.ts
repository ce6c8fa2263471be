/**
 * Takes a camera frame without holding up the screen: the picture is copied at once (that instant is the frame's
 * time), and the JPEG is encoded off the main thread by canvas.toBlob, so the flash colours keep to their schedule.
 */
export function grabFrame(video: HTMLVideoElement, quality: number): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) return Promise.reject(new Error('camera_not_ready'));
  context.drawImage(video, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => {
        if (!blob) return reject(new Error('camera_frame_not_encoded'));
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
      },
      'image/jpeg',
      quality,
    ),
  );
}

export interface FrameClock {
  /** When the picture the camera preview shows now was taken (performance.now() clock), if the browser says. */
  latest(): number | undefined;
  stop(): void;
}

/**
 * Follows the camera preview frame by frame. The moment a frame is copied is later than the moment it was taken by
 * the camera pipeline's delay, and on a busy terminal that delay wanders by tens of ms; the colour check needs the
 * moment the face was lit. Browsers report the camera's capture time for a webcam and, where they do not, when the
 * frame reached the page (requestVideoFrameCallback); both are far steadier than the copy time.
 */
export function followFrames(video: HTMLVideoElement): FrameClock {
  let latest: number | undefined;
  let handle: number | undefined;
  const supported = typeof video.requestVideoFrameCallback === 'function';
  const onFrame = (_now: number, frame: VideoFrameCallbackMetadata) => {
    latest = frame.captureTime ?? frame.presentationTime;
    handle = video.requestVideoFrameCallback(onFrame);
  };
  if (supported) handle = video.requestVideoFrameCallback(onFrame);
  return {
    latest: () => latest,
    stop: () => {
      if (supported && handle !== undefined) video.cancelVideoFrameCallback(handle);
    },
  };
}
