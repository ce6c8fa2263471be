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
