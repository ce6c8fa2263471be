/**
 * The entrance camera end to end in headless Chromium, against the real server and face engine: the store manager
 * registers an entrance camera, the page by the door is activated with its code, and the camera (the browser suite's
 * fake camera: a real face photo drawn 25 times a second, with sensor noise) watches the door. With nobody there it
 * analyses frame after frame and sends nothing; a face makes it send crops the server counts into a visit; when the
 * network goes it holds only the last few seconds and sends again when the network is back.
 *
 * Nothing here waits on a clock: every wait is for something the page or the server says (frames analysed, crops
 * counted, the network state), with the test runner's timeout as the only limit.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  DEMO_PASSWORD,
  expectAccessible,
  installFakeCamera,
  screenshot,
  shopperPhotos,
  showOnCamera,
  startE2eStack,
  type E2eStack,
} from '@shualian/server/testing/browser';
import { LOOK } from '../src/door-camera.ts';
import { QUEUE_RULES } from '../src/sending/crop-queue.ts';

const VIEWPORT = { width: 1280, height: 800 };

let stack: E2eStack;
let photos: { a: Buffer; aAgain: Buffer; b: Buffer };
let nobody: Buffer;
let manager: { token: string; staff: { merchantId: string; storeId: string } };
let context: BrowserContext;
let page: Page;
const cropRequests: Array<{ crops: number }> = [];

/** What the door screen says, read from its data attributes. */
async function door() {
  const status = page.getByTestId('entrance-status');
  const read = async (name: string) => Number(await status.getAttribute(`data-${name}`));
  return {
    frames: await read('frames'),
    faces: await read('faces'),
    sent: await read('crops-sent'),
    counted: await read('crops-counted'),
    waiting: await read('crops-waiting'),
    dropped: await read('crops-dropped'),
    network: await status.getAttribute('data-network'),
  };
}

type Comparison = '===' | '>=' | '>';

/** Waits until the door screen's data attribute `name` compares so with `expected` (numbers as numbers). */
async function until(name: string, comparison: Comparison, expected: number | string): Promise<void> {
  await page.waitForFunction(
    ([attribute, op, wanted]) => {
      const raw = document.querySelector('[data-testid="entrance-status"]')?.getAttribute(`data-${attribute}`);
      if (raw === null || raw === undefined) return false;
      const value = typeof wanted === 'number' ? Number(raw) : raw;
      return op === '===' ? value === wanted : op === '>=' ? value >= wanted : value > wanted;
    },
    [name, comparison, expected] as const,
    { timeout: 0, polling: 100 },
  );
}

const presenceNow = () =>
  stack.api<{ anonymous: { count: number }; members: unknown[] }>(
    'GET',
    `/v1/merchants/${manager.staff.merchantId}/stores/${manager.staff.storeId}/presence`,
    { token: manager.token },
  );

before(async () => {
  stack = await startE2eStack();
  photos = await shopperPhotos();
  // The door with nobody in it: a plain shop wall.
  nobody = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 205, g: 198, b: 186 } } })
    .jpeg()
    .toBuffer();
  manager = await stack.api('POST', '/v1/auth/login', { body: { username: 'manager', password: DEMO_PASSWORD } });
  context = await stack.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  await installFakeCamera(context, { photo: nobody, respondsToScreen: false });
  page = await context.newPage();
  page.on('console', (m) => {
    // While the network is off, every failed send is logged by the browser: expected, not worth printing.
    if (m.type() === 'error' && !m.text().includes('ERR_INTERNET_DISCONNECTED'))
      console.log(`[entrance console] ${m.text()}`);
  });
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/entrance/crops'))
      cropRequests.push({ crops: (JSON.parse(request.postData() ?? '{}') as { crops: unknown[] }).crops.length });
  });
});

after(async () => {
  await context?.close();
  await stack?.close();
});

/** The store manager registers a device in their store; the console would show this code once. */
const activationCode = async (kind: 'entrance_camera' | 'kiosk', name: string) =>
  (
    await stack.api<{ activationCode: string }>(
      'POST',
      `/v1/merchants/${manager.staff.merchantId}/stores/${manager.staff.storeId}/devices`,
      { token: manager.token, body: { kind, name } },
    )
  ).activationCode;

async function activate(on: Page, code: string): Promise<void> {
  await on.goto(`${stack.url}/entrance/`);
  await on.getByLabel('激活码').fill(code);
  await on.getByRole('button', { name: '激活' }).click();
}

test('the store manager registers an entrance camera; the page by the door is activated with its code', async () => {
  const code = await activationCode('entrance_camera', '南门入口摄像头');
  await page.goto(`${stack.url}/entrance/`);
  await expectAccessible(page, 'entrance activation');
  await activate(page, code);
  await until('live', '===', 'true');
  await page.getByTestId('camera-role').filter({ hasText: '进出双向' }).waitFor();
  await page.getByText('设备：南门入口摄像头').waitFor();
  await expectAccessible(page, 'entrance status');
  await screenshot(page, 'entrance-status');
});

test('with nobody at the door the camera looks at frame after frame and sends nothing', async () => {
  const before = await door();
  await until('frames', '>=', before.frames + 15);
  const seen = await door();
  assert.equal(seen.faces, 0);
  assert.equal(seen.sent, 0);
  assert.equal(cropRequests.length, 0, 'no request at all');
  assert.equal((await presenceNow()).anonymous.count, 0);
});

test('a face at the door: the camera sends a few crops and the server counts one visitor', async () => {
  await showOnCamera(page, { photo: photos.a, respondsToScreen: false });
  await until('crops-counted', '>=', 3);
  await page.getByTestId('last-answer').filter({ hasText: '计入' }).waitFor();
  assert.ok(
    cropRequests.every((r) => r.crops >= 1 && r.crops <= 4),
    `crops per request: ${cropRequests.map((r) => r.crops).join(' ')}`,
  );
  const now = await presenceNow();
  assert.equal(now.anonymous.count, 1, 'the same face many times is one visitor');
  assert.equal(now.members.length, 0);
  await screenshot(page, 'entrance-counting');

  // The face leaves: once what was taken is sent, nothing more goes.
  await showOnCamera(page, { photo: nobody, respondsToScreen: false });
  await until('faces', '===', 0);
  await until('crops-waiting', '===', 0);
  const left = await door();
  await until('frames', '>=', left.frames + 15);
  assert.equal((await door()).sent, left.sent);
});

test('the network goes: the camera holds only the last few seconds of crops, and sends again when it is back', async () => {
  await context.setOffline(true);
  await showOnCamera(page, { photo: photos.b, respondsToScreen: false });
  await until('network', '===', 'offline');
  await until('crops-waiting', '>', 0);
  // The camera analyses at most one frame every LOOK.minFrameMs: these frames take a second longer than the queue
  // keeps a crop, so the first crops held have gone stale and were dropped.
  const offline = await door();
  await until('frames', '>=', offline.frames + Math.ceil((QUEUE_RULES.keepMs + 1000) / LOOK.minFrameMs));
  await until('crops-dropped', '>', 0);
  const held = await door();
  const fiveSecondsOfOnePerson = 3 * (QUEUE_RULES.keepMs / 1000 + 1);
  assert.ok(held.waiting <= fiveSecondsOfOnePerson, `${held.waiting} crops held`);
  await page.getByTestId('network').filter({ hasText: '网络已断开' }).waitFor();
  await screenshot(page, 'entrance-offline');

  await context.setOffline(false);
  await until('crops-counted', '>', held.counted);
  await until('network', '===', 'ok');
  assert.equal((await presenceNow()).anonymous.count, 2, 'another person, another visitor');
});

test('without a camera, or activated as another kind of device, the page refuses to work and says why', async () => {
  const noCamera = await stack.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  // A page's script as text: a function from here would carry the test runner's transpiler helpers into the page.
  await noCamera.addInitScript({
    content:
      "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('no camera', 'NotFoundError'));",
  });
  const blind = await noCamera.newPage();
  let sent = 0;
  blind.on('request', (request) => void (request.url().endsWith('/v1/entrance/crops') && sent++));
  await activate(blind, await activationCode('entrance_camera', '北门入口摄像头'));
  await blind.getByRole('alert').filter({ hasText: '未找到摄像头' }).waitFor();
  assert.equal(await blind.getByTestId('entrance-status').getAttribute('data-live'), 'false');
  await blind.getByRole('button', { name: '重试' }).waitFor();
  await expectAccessible(blind, 'entrance without a camera');
  await screenshot(blind, 'entrance-no-camera');
  assert.equal(sent, 0);
  await noCamera.close();

  const kiosk = await stack.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const wrong = await kiosk.newPage();
  await activate(wrong, await activationCode('kiosk', '误登记的收银机'));
  await wrong.getByRole('alert').filter({ hasText: '不是入口摄像头' }).waitFor();
  await wrong.getByRole('button', { name: '换一个激活码' }).click();
  await wrong.getByLabel('激活码').waitFor();
  await kiosk.close();
});
