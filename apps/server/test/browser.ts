import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../src/platform/config.ts';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import type { EngineRecognizer } from '../src/modules/biometrics/engine-adapter.ts';
import { peopleApart, twoPeople, variant } from './face-images.ts';
import { faceAxis } from './camera.ts';
import { sharedRecognizer } from './test-app.ts';

/**
 * What the browser end-to-end specs stand on: the real server (demo merchant 鸭脖小铺, embedded PGlite or the server
 * named by TEST_DATABASE_URL) on a free port, Debian's Chromium driven by playwright-core, a camera fed by real face
 * photos, an accessibility check (axe) and screenshots under artifacts/e2e/.
 */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../artifacts/e2e/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export { DEMO_PASSWORD };

export interface E2eStack {
  server: RunningServer;
  url: string;
  browser: Browser;
  /** The newest SMS code the developer outbox holds for this phone. */
  latestOtp(phone: string): Promise<string>;
  /** A JSON call to the stack's API, a staff or member token as the bearer; any answer but 2xx fails with its body. */
  api<T>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<T>;
  close(): Promise<void>;
}

/**
 * `waitReady` (the default): returns once /readyz answers 200, so every spec sees the whole demo (the face engine
 * loaded, 演示会员 enrolled with their opening top-up); false for a spec that watches the server get ready.
 */
export async function startE2eStack(options: { waitReady?: boolean } = {}): Promise<E2eStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shualian-e2e-'));
  const config = {
    ...loadConfig({ SHUALIAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
    port: 0,
    host: '127.0.0.1',
  };
  const server = await startServer(config);
  const address = server.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  if (options.waitReady ?? true) await untilReady(url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-fake-ui-for-media-stream',
    ],
  });
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return {
    server,
    url,
    browser,
    latestOtp: async (phone) => {
      const row = await server.database.db
        .selectFrom('sms_outbox')
        .select('body')
        .where('phone', '=', phone)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const code = /\b(\d{6})\b/.exec(row?.body ?? '')?.[1];
      if (!code) throw new Error(`no SMS code in the outbox for ${phone}`);
      return code;
    },
    api: async <T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      assert.ok(response.ok, `${method} ${path} → ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    close: async () => {
      await browser.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits on the server's own readiness (no timer decides it): at most about four minutes on a loaded machine. */
async function untilReady(url: string): Promise<void> {
  for (let i = 0; i < 960; i++) {
    if ((await fetch(`${url}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not get ready: /readyz never answered 200');
}

/**
 * Real faces for the camera, from photos that ship with face-api.js (no ../shared needed): shopper A, another capture
 * of A (mirrored, re-framed, relit), and a different person B from the same photo.
 */
export async function shopperPhotos(): Promise<{ a: Buffer; aAgain: Buffer; b: Buffer }> {
  const { a, b } = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
  return { a, aAgain: await variant(a), b };
}

/**
 * Three people from different demo photos whom the engine tells apart surely (each pair at least 0.05 under its
 * `match` score), and another capture of the first: for the entrance's journeys, where who is who is the point and
 * look-alikes are the specs' own case.
 */
export async function entranceShoppers(): Promise<{ a: Buffer; aAgain: Buffer; b: Buffer; c: Buffer }> {
  const recognizer = await sharedRecognizer();
  const [a, b, c] = await peopleApart(
    (recognizer as EngineRecognizer).faceEngine,
    (x, y) => recognizer.similarity(x, y),
    { count: 3, below: recognizer.thresholds.match - 0.05 },
  );
  return { a: a!, aAgain: await variant(a!), b: b!, c: c! };
}

/** How the test camera plays the shopper; see `installFakeCamera`. */
export interface CameraScene {
  /** A real face photo (JPEG bytes). */
  photo: Buffer;
  /** true: a live face, lit by whatever colour the screen shows; false: a still photo or replayed screen. */
  respondsToScreen: boolean;
  /** How late the camera sees a colour change (ms). */
  delayMs?: number;
  /** How strongly the screen's colour tints the picture (0–1). */
  strength?: number;
  /** Per-pixel noise amplitude (0–255). */
  noise?: number;
  /** true: turns the head when the kiosk asks (the head-turn step-up); a photo or a video does not. */
  followsPrompts?: boolean;
  /** How far the head turns (degrees) and how late it reacts to a prompt (ms). */
  turnDegrees?: number;
  reactMs?: number;
}

/**
 * Replaces the page's camera with a canvas stream that stands in for the physics of the screen-flash challenge: it
 * draws a real face photo 25 times a second and, for a live "person", tints it with the colour the element marked
 * `data-screen-flash` shows, seen `delayMs` late, plus sensor noise, and turns the head when `data-head-turn` asks. A
 * spoof is the same photo, untouched by the flashes and the prompts.
 * Call before the page loads; switch scenes later with `showOnCamera`.
 */
export async function installFakeCamera(context: BrowserContext, scene: CameraScene): Promise<void> {
  await context.addInitScript({
    content: `${FAKE_CAMERA_SOURCE}\nwindow.__installFakeCamera(${JSON.stringify(await sceneArgument(scene))});`,
  });
}

export async function showOnCamera(page: Page, scene: CameraScene): Promise<void> {
  await page.evaluate(`window.__fakeCamera.show(${JSON.stringify(await sceneArgument(scene))})`);
}

async function sceneArgument(scene: CameraScene) {
  return {
    followsPrompts: scene.followsPrompts ?? false,
    turnAxis: scene.followsPrompts ? await faceAxis(await sharedRecognizer(), scene.photo) : null,
    turnDegrees: scene.turnDegrees ?? 45,
    reactMs: scene.reactMs ?? 300,
    dataUrl: `data:image/jpeg;base64,${scene.photo.toString('base64')}`,
    respondsToScreen: scene.respondsToScreen,
    delayMs: scene.delayMs ?? 120,
    strength: scene.strength ?? 0.12,
    noise: scene.noise ?? 3,
  };
}

// The page-side script is bundled by esbuild into one plain script (functions passed to Playwright from TypeScript would
// pick up the test runner's transpiler helpers, which do not exist in the page).
const FAKE_CAMERA_SOURCE = buildSync({
  entryPoints: [fileURLToPath(new URL('./fake-camera.browser.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  target: 'chrome110',
  write: false,
}).outputFiles[0]!.text;

/** Fails with the list of WCAG 2 A/AA violations axe finds on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
    throw new Error(`${what}: ${result.violations.length} accessibility violation(s)\n  ${lines.join('\n  ')}`);
  }
}

/**
 * Fails when a control a finger must hit is smaller than `minTargetPx` on either side, or visible text is set smaller
 * than `minTextPx`: what "touch-first, readable at arm's length" means, measured on the page as it is now.
 */
export async function expectTouchFriendly(
  page: Page,
  what: string,
  bounds: { minTargetPx: number; minTextPx: number },
): Promise<void> {
  const problems = await page.evaluate<string[]>(`(${TOUCH_CHECK_SOURCE})(${JSON.stringify(bounds)})`);
  if (problems.length > 0) throw new Error(`${what}: not touch-friendly\n  ${problems.slice(0, 12).join('\n  ')}`);
}

// Page-side source kept as text: the test runner's TypeScript transform would otherwise wrap its inner functions in a
// helper (`__name`) that does not exist in the page.
const TOUCH_CHECK_SOURCE = `({ minTargetPx, minTextPx }) => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const describe = (el) => el.tagName.toLowerCase() + ' "' + (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30) + '"';
  const found = [];
  // A tap on a control's label works the control: the target is the two together.
  const target = (el) => {
    const boxes = [el, ...(el.labels ?? [])].filter(visible).map((e) => e.getBoundingClientRect());
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    return { width: Math.max(...boxes.map((b) => b.right)) - left, height: Math.max(...boxes.map((b) => b.bottom)) - top };
  };
  for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')) {
    if (!visible(el)) continue;
    const box = target(el);
    if (box.width < minTargetPx || box.height < minTargetPx) found.push('target ' + describe(el) + ' is ' + Math.round(box.width) + '×' + Math.round(box.height) + ' px');
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent.trim() || !visible(parent)) continue;
    const size = parseFloat(getComputedStyle(parent).fontSize);
    if (size < minTextPx) found.push('text ' + describe(parent) + ' is ' + size + ' px');
  }
  return [...new Set(found)];
}`;

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
