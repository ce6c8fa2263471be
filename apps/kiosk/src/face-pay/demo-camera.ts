import { litFaceCamera, type LitFaceScene } from '@shualian/web-kit';

/**
 * The demo merchant's demo camera: the demo member's photo, lit by the kiosk's own screen flashes and turning its head
 * when asked, drawn by web-kit's litFaceCamera (the renderer the browser suite's fake camera uses). The server checks
 * its frames exactly as a real camera's; it only lets the demo merchant's kiosk have the photo (device profile
 * `demoCamera`).
 */
export interface DemoCamera {
  memberName: string;
  scene: LitFaceScene;
}

export function demoCameraScene(picture: {
  image: string;
  turnAxis: { centreX: number; radius: number };
}): LitFaceScene {
  return {
    dataUrl: `data:image/jpeg;base64,${picture.image}`,
    respondsToScreen: true,
    delayMs: 120,
    strength: 0.12,
    noise: 3,
    followsPrompts: true,
    turnAxis: picture.turnAxis,
    turnDegrees: 45,
    reactMs: 300,
  };
}

/** Plays the demo camera in `video`; `stop` ends the drawing and the stream. */
export async function openDemoCamera(
  video: HTMLVideoElement,
  demo: DemoCamera,
): Promise<{ stream: MediaStream; stop(): void }> {
  const camera = litFaceCamera(demo.scene);
  const stream = await camera.stream();
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  return {
    stream,
    stop() {
      camera.stop();
      for (const track of stream.getTracks()) track.stop();
    },
  };
}
