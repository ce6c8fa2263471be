// A camera for browser tests, installed into the page before it loads (see browser.ts, installFakeCamera).
// It stands in for the physics of the screen-flash challenge: a real face photo drawn 25 times a second; for a live
// "person" tinted by the colour the element marked data-screen-flash shows, seen delayMs late, with sensor noise.
// A spoof (respondsToScreen false) is the same photo, untouched by the flashes.
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- the file is one expression, evaluated by browser.ts
(initial) => {
  const WIDTH = 640;
  const HEIGHT = 480;
  let scene = initial;
  let image = null;
  let canvas = null;
  const shown = [];

  const load = (next) =>
    new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        image = img;
        scene = next;
        resolve();
      };
      img.onerror = () => reject(new Error('fake camera: photo did not load'));
      img.src = next.dataUrl;
    });

  const screenColour = () => {
    const element = document.querySelector('[data-screen-flash]');
    if (!element) return null;
    const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(element).backgroundColor);
    if (!match || match[4] === '0') return null;
    return [Number(match[1]), Number(match[2]), Number(match[3])];
  };

  const draw = () => {
    const now = performance.now();
    shown.push({ at: now, rgb: screenColour() });
    while (shown.length > 0 && shown[0].at < now - 2000) shown.shift();
    if (!canvas || !image) return;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const scale = Math.max(WIDTH / image.width, HEIGHT / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    context.drawImage(image, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h);
    if (scene.respondsToScreen) {
      const seen = [...shown].reverse().find((s) => s.at <= now - scene.delayMs);
      if (seen && seen.rgb) {
        context.fillStyle = `rgba(${seen.rgb[0]}, ${seen.rgb[1]}, ${seen.rgb[2]}, ${scene.strength})`;
        context.fillRect(0, 0, WIDTH, HEIGHT);
      }
    }
    if (scene.noise > 0) {
      const frame = context.getImageData(0, 0, WIDTH, HEIGHT);
      const data = frame.data;
      for (let i = 0; i < data.length; i += 4) {
        const n = (Math.random() * 2 - 1) * scene.noise;
        data[i] += n;
        data[i + 1] += n;
        data[i + 2] += n;
      }
      context.putImageData(frame, 0, 0);
    }
  };

  const stream = () => {
    if (!canvas) {
      canvas = document.createElement('canvas');
      canvas.width = WIDTH;
      canvas.height = HEIGHT;
      setInterval(draw, 40);
      draw();
    }
    return canvas.captureStream(25);
  };

  const ready = load(initial);
  const devices = navigator.mediaDevices;
  devices.getUserMedia = async (constraints) => {
    if (!constraints || !constraints.video) throw new DOMException('only a camera is faked', 'NotFoundError');
    await ready;
    return stream();
  };
  devices.enumerateDevices = async () => [{ kind: 'videoinput', deviceId: 'shualian-test-camera', groupId: 'test', label: 'Shualian test camera', toJSON: () => ({}) }];
  window.__fakeCamera = { show: load };
};
