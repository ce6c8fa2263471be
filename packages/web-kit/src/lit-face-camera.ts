/**
 * A camera made of a face photo, for the demo merchant's kiosk (its "demo camera") and for the browser suite's fake
 * camera: one renderer, so what the demo shows is what the tests prove. It stands in for the physics of the
 * screen-flash challenge: the photo is drawn 25 times a second; a live "person" (respondsToScreen) is tinted by the
 * colour the element marked `data-screen-flash` shows, seen `delayMs` late, with sensor noise; a spoof is the same photo
 * untouched by the flashes. A "person" who followsPrompts turns their head as the element marked `data-head-turn` asks
 * (left / right / front), `reactMs` late, over 300 ms: the face is taken as a cylinder around `turnAxis` and rotated
 * (the projection of the server's testing/camera.ts, turnedHead), drawn column by column.
 *
 * `litFaceCamera(scene)` is the stable entry point: whatever the renderer learns to draw later (a shaded 3-D face, say),
 * callers keep calling it with a scene and reading `stream()`.
 */
export interface LitFaceScene {
  /** The face photo as a data: URL (or any URL the page may load). */
  dataUrl: string;
  /** true: a live face, lit by whatever colour the screen shows; false: a still photo or replayed screen. */
  respondsToScreen: boolean;
  /** How late the camera sees a colour change (ms). */
  delayMs: number;
  /** How strongly the screen's colour tints the picture (0–1). */
  strength: number;
  /** Per-pixel noise amplitude (0–255). */
  noise: number;
  /** true: turns the head when the kiosk asks; a photo or a video does not. */
  followsPrompts: boolean;
  /** Where the face turns, in the photo's pixels; needed when followsPrompts. */
  turnAxis: { centreX: number; radius: number } | null;
  turnDegrees: number;
  reactMs: number;
}

export interface LitFaceCamera {
  /** A video stream of the scene (the same canvas each time). */
  stream(): Promise<MediaStream>;
  /** Plays another scene from now on. */
  show(scene: LitFaceScene): Promise<void>;
  /** Stops drawing. */
  stop(): void;
}

const WIDTH = 640;
const HEIGHT = 480;
type Rgb = [number, number, number];

export function litFaceCamera(initial: LitFaceScene): LitFaceCamera {
  let scene = initial;
  let image: HTMLImageElement | null = null;
  let canvas: HTMLCanvasElement | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let observer: MutationObserver | undefined;
  const shown: Array<{ at: number; rgb: Rgb | null; side: number }> = [];
  let turnedDeg = 0;
  let noiseField: { amplitude: number; values: Float32Array } | null = null;
  const makeNoiseField = (amplitude: number) => {
    const values = new Float32Array(WIDTH * HEIGHT * 2);
    for (let i = 0; i < values.length; i++) values[i] = (Math.random() * 2 - 1) * amplitude;
    return { amplitude, values };
  };
  let lastDraw = performance.now();

  const promptedSide = () => {
    const side = document.querySelector('[data-head-turn]')?.getAttribute('data-head-turn');
    return side === 'left' ? 1 : side === 'right' ? -1 : 0;
  };

  const followPrompt = (now: number) => {
    const dt = now - lastDraw;
    lastDraw = now;
    if (!scene.followsPrompts) return;
    const seen = [...shown].reverse().find((s) => s.at <= now - scene.reactMs);
    const target = (seen ? seen.side : 0) * scene.turnDegrees;
    const most = (scene.turnDegrees * dt) / 300;
    turnedDeg += Math.max(-most, Math.min(most, target - turnedDeg));
  };

  // Each strip of the canvas shows the column of the photo that a face turned by turnedDeg brings there.
  const drawTurned = (
    context: CanvasRenderingContext2D,
    photo: HTMLImageElement,
    x0: number,
    y0: number,
    scale: number,
    h: number,
  ) => {
    const { centreX, radius } = scene.turnAxis!;
    const turn = (turnedDeg * Math.PI) / 180;
    const strip = 2;
    for (let dx = 0; dx < WIDTH; dx += strip) {
      const sx = (dx + strip / 2 - x0) / scale;
      const across = (sx - centreX) / radius;
      let from = sx;
      if (Math.abs(across) < 1)
        from = centreX + radius * Math.sin(Math.max(-Math.PI / 2, Math.min(Math.PI / 2, Math.asin(across) - turn)));
      const column = Math.max(0, Math.min(photo.width - strip / scale, from - strip / scale / 2));
      context.drawImage(photo, column, 0, strip / scale, photo.height, dx, y0, strip, h);
    }
  };

  const load = (next: LitFaceScene) =>
    new Promise<void>((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        image = img;
        scene = next;
        turnedDeg = 0;
        resolve();
      };
      img.onerror = () => reject(new Error('lit face camera: photo did not load'));
      img.src = next.dataUrl;
    });

  const screenColour = (): Rgb | null => {
    const element = document.querySelector('[data-screen-flash]');
    if (!element) return null;
    const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(element).backgroundColor);
    if (!match || match[4] === '0') return null;
    return [Number(match[1]), Number(match[2]), Number(match[3])];
  };

  // What the screen shows, recorded the moment the page changes it (light reaches a face at once; only the camera's
  // delay counts), with a check at every draw for anything the observer missed.
  const sameAsLast = (rgb: Rgb | null, side: number) => {
    const last = shown[shown.length - 1];
    return last !== undefined && last.side === side && String(last.rgb) === String(rgb);
  };
  const noteScreen = () => {
    const rgb = screenColour();
    const side = promptedSide();
    if (!sameAsLast(rgb, side)) shown.push({ at: performance.now(), rgb, side });
  };
  const watchScreen = () => {
    if (observer || !document.documentElement) return;
    observer = new MutationObserver(noteScreen);
    observer.observe(document.documentElement, { attributes: true, childList: true, subtree: true });
  };

  const draw = () => {
    const now = performance.now();
    watchScreen();
    noteScreen();
    // Keep the last entry older than the window: it is what the screen showed throughout.
    while (shown.length > 1 && shown[1]!.at < now - 2000) shown.shift();
    followPrompt(now);
    if (!canvas || !image) return;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const scale = Math.max(WIDTH / image.width, HEIGHT / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    if (Math.abs(turnedDeg) < 0.5 || !scene.turnAxis) context.drawImage(image, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h);
    else drawTurned(context, image, (WIDTH - w) / 2, (HEIGHT - h) / 2, scale, h);
    if (scene.respondsToScreen) {
      const seen = [...shown].reverse().find((s) => s.at <= now - scene.delayMs);
      if (seen && seen.rgb) {
        context.fillStyle = `rgba(${seen.rgb[0]}, ${seen.rgb[1]}, ${seen.rgb[2]}, ${scene.strength})`;
        context.fillRect(0, 0, WIDTH, HEIGHT);
      }
    }
    if (scene.noise > 0) {
      // Independent noise on every pixel, read from a random place in a field twice the frame's size: the same
      // statistics as drawing it fresh, at a third of the main thread's time (the flash schedule runs there too).
      if (!noiseField || noiseField.amplitude !== scene.noise) noiseField = makeNoiseField(scene.noise);
      const frame = context.getImageData(0, 0, WIDTH, HEIGHT);
      const data = frame.data;
      const field = noiseField.values;
      for (let i = 0, p = Math.floor(Math.random() * WIDTH * HEIGHT); i < data.length; i += 4, p++) {
        const n = field[p]!;
        data[i] = data[i]! + n;
        data[i + 1] = data[i + 1]! + n;
        data[i + 2] = data[i + 2]! + n;
      }
      context.putImageData(frame, 0, 0);
    }
  };

  const ready = load(initial);
  return {
    async stream() {
      await ready;
      if (!canvas) {
        canvas = document.createElement('canvas');
        canvas.width = WIDTH;
        canvas.height = HEIGHT;
        timer = setInterval(draw, 40);
        draw();
      }
      return canvas.captureStream(25);
    },
    show: load,
    stop() {
      clearInterval(timer);
      observer?.disconnect();
    },
  };
}
