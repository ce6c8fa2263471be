/**
 * 店内顾客 end to end in headless Chromium, against the real server and face engine: two members register and enroll
 * in the member app; one of them also turns on "recognise me when I enter" there (进店识别). The store manager names an
 * entrance camera's role in the console and opens 店内顾客; the camera page by the door (the browser suite's fake
 * camera) sees the consenting member walk in, and the console names them (masked) with their benefits; the member
 * without entrance consent and a stranger walk in after them and are counted, never named (the three are people the
 * engine tells apart surely; look-alikes are the server specs' case). The full-screen store tablet shows the member
 * until they turn recognition off in the member app; 客流 counts the day's visitors.
 *
 * Every wait is for something a page shows; the time from the camera's first crop to the console's row is measured and
 * logged, not asserted.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  expectAccessible,
  installFakeCamera,
  screenshot,
  entranceShoppers,
  showOnCamera,
  startE2eStack,
  type E2eStack,
} from '@shualian/server/testing/browser';
import {
  DEMO_MERCHANT,
  registerAndEnroll,
  setEntranceRecognition,
  type EnrolledMember,
} from '../../member/e2e/member-steps.ts';
import { signInToConsole } from './console-steps.ts';

const CONSENTING = { phone: '13912340611', displayName: '孙悟空', masked: '孙**' };
const NOT_CONSENTING = { phone: '13912340622', displayName: '猪八戒', masked: '猪**' };
const CAMERA = '南山店正门摄像头';

let stack: E2eStack;
let photos: { a: Buffer; aAgain: Buffer; b: Buffer; c: Buffer };
let nobody: Buffer;
const contexts: BrowserContext[] = [];
let consoleContext: BrowserContext;
let staff: Page;
let door: Page;
let consenting: EnrolledMember;
let firstCropAt: number | null = null;
/** When the door camera sent the crop the server named the member from. */
let memberCropSentAt: number | null = null;
const cropSentAt = new Map<unknown, number>();
/** What the server said of each crop the door sent: `outcome visitor visitId`, for the log. */
const cropOutcomes: string[] = [];

const newContext = async (options: Parameters<E2eStack['browser']['newContext']>[0] = {}) => {
  const context = await stack.browser.newContext({ locale: 'zh-CN', ...options });
  contexts.push(context);
  return context;
};

/** What 店内顾客 says, from its data attributes. */
const inStore = () => staff.getByTestId('in-store');

before(async () => {
  stack = await startE2eStack();
  photos = await entranceShoppers();
  nobody = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 205, g: 198, b: 186 } } })
    .jpeg()
    .toBuffer();
});

after(async () => {
  for (const context of contexts) await context.close();
  await stack?.close();
});

test(
  'two members enroll in the member app; only one turns on "recognise me when I enter"',
  { timeout: 600_000 },
  async () => {
    const a = await registerAndEnroll(stack, await newContext(), { photo: photos.a, ...CONSENTING });
    const b = await registerAndEnroll(stack, await newContext(), { photo: photos.b, ...NOT_CONSENTING });
    consenting = a;
    const entrance = a.page.getByTestId('entrance');
    await a.page.getByTestId('entrance-link').filter({ hasText: '未开启' }).waitFor();
    await setEntranceRecognition(a.page, true);
    assert.equal(await entrance.getAttribute('data-state'), 'on');
    assert.equal(await a.page.getByTestId('entrance-no-face').count(), 0, 'enrolled: nothing stands in the way');
    await expectAccessible(a.page, 'member entrance recognition on');
    await screenshot(a.page, 'member-entrance-on');
    const text = await stack.api<{ version: string }>(
      'GET',
      `/v1/members/entrance-consent-document?merchantCode=${DEMO_MERCHANT}`,
    );
    const on = await stack.api<{ on: boolean; version: string; faceEnrolled: boolean }>(
      'GET',
      '/v1/member/entrance-recognition',
      { token: a.memberToken },
    );
    assert.deepEqual([on.on, on.version, on.faceEnrolled], [true, text.version, true], 'the text shown, agreed to');
    const off = await stack.api<{ on: boolean }>('GET', '/v1/member/entrance-recognition', { token: b.memberToken });
    assert.equal(off.on, false, 'off by default');
  },
);

test('the store manager registers an entrance camera and makes it the entry camera', { timeout: 240_000 }, async () => {
  consoleContext = await newContext({ viewport: { width: 1280, height: 900 } });
  staff = await consoleContext.newPage();
  await signInToConsole(staff, stack.url, 'manager');
  const form = staff.locator('section[aria-labelledby="register-device-title"]');
  await form.locator('#register-kind').selectOption('entrance_camera');
  await form.locator('#register-name').fill(CAMERA);
  await form.locator('button[type="submit"]').click();
  const code = (await form.getByTestId('activation-code').textContent())?.trim();
  assert.ok(code, 'the console shows the activation code');

  const role = staff.getByLabel(`“${CAMERA}”的门口角色`);
  assert.equal(await role.inputValue(), 'both', 'both ways until staff say otherwise');
  await role.selectOption('entry');
  await staff
    .getByRole('status')
    .filter({ hasText: `“${CAMERA}”已设为入口。` })
    .waitFor();
  assert.equal(await role.inputValue(), 'entry');
  await expectAccessible(staff, 'console stores with an entrance camera');
  await screenshot(staff, 'in-store-camera-role');

  const doorContext = await newContext({ viewport: { width: 1280, height: 800 } });
  await installFakeCamera(doorContext, { photo: nobody, respondsToScreen: false });
  door = await doorContext.newPage();
  door.on('request', (request) => {
    if (!request.url().endsWith('/v1/entrance/crops')) return;
    firstCropAt ??= Date.now();
    cropSentAt.set(request, Date.now());
  });
  door.on('response', (response) => {
    if (!response.url().endsWith('/v1/entrance/crops') || !response.ok()) return;
    response.json().then(
      (body: { crops: Array<{ outcome: string; visitor: string | null; visitId: string | null }> }) => {
        for (const r of body.crops) cropOutcomes.push(`${r.outcome} ${r.visitor} ${r.visitId?.slice(0, 8)}`);
        if (memberCropSentAt === null && body.crops.some((r) => r.visitor === 'member'))
          memberCropSentAt = cropSentAt.get(response.request()) ?? null;
      },
      () => {},
    );
  });
  await door.goto(`${stack.url}/entrance/`);
  await door.getByLabel('激活码').fill(code);
  await door.getByRole('button', { name: '激活' }).click();
  await door.getByTestId('camera-role').filter({ hasText: '进店方向' }).waitFor();
});

test('店内顾客 with nobody in the store says so', async () => {
  await staff.getByRole('navigation').getByRole('link', { name: '店内顾客' }).click();
  await staff.getByRole('heading', { level: 1, name: '店内顾客' }).waitFor();
  await staff.getByText('店内暂时没有已识别的会员。').waitFor();
  assert.equal(await inStore().getAttribute('data-anonymous'), '0');
  await expectAccessible(staff, 'in store, empty');
});

test(
  'the consenting member walks in: the console names them, masked, with their benefits',
  { timeout: 180_000 },
  async () => {
    await showOnCamera(door, { photo: photos.aAgain, respondsToScreen: false });
    const row = staff.getByRole('row').filter({ hasText: CONSENTING.masked });
    await row.waitFor({ timeout: 120_000 });
    const shownAt = Date.now();
    assert.ok(firstCropAt !== null, 'the camera sent a crop');
    // The answer naming the member may reach the door after the console shows them: wait for it before logging.
    for (let i = 0; i < 100 && memberCropSentAt === null; i++) await new Promise((r) => setTimeout(r, 100));
    console.log(
      `in store: ${shownAt - firstCropAt} ms from the camera's first crop to the member's row in the console, ` +
        `${memberCropSentAt === null ? '?' : shownAt - memberCropSentAt} ms from sending the crop that named them`,
    );

    const cells = await row.locator('th, td').allInnerTexts();
    assert.equal(cells[0], CONSENTING.masked);
    assert.match(cells[1]!, /^139\*{4}0611$/, 'the phone, masked');
    assert.equal(cells[3], '第 1 次');
    assert.match(cells[5]!, /^\d+ 张$/, 'their usable coupons');
    assert.equal(await staff.getByText(CONSENTING.displayName).count(), 0, 'never the full name');
    assert.equal(await staff.locator('main img, main video, main canvas').count(), 0, 'no face image');
    assert.equal(await inStore().getAttribute('data-members'), '1');
    await expectAccessible(staff, 'in store, a member');
    await screenshot(staff, 'in-store-member');
  },
);

/** The person at the door steps further in, out of the camera's view, and the door camera says it sees nobody. */
async function doorClears(): Promise<void> {
  await showOnCamera(door, { photo: nobody, respondsToScreen: false });
  await door.waitForFunction(
    () => document.querySelector('[data-testid="entrance-status"]')?.getAttribute('data-faces') === '0',
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

async function walksIn(photo: Buffer, who: string, anonymousAfter: number): Promise<void> {
  await doorClears();
  const shownAt = Date.now();
  const before = cropOutcomes.length;
  await showOnCamera(door, { photo, respondsToScreen: false });
  try {
    await inStore()
      .and(staff.locator(`[data-anonymous="${anonymousAfter}"]`))
      .waitFor({ timeout: 120_000 });
    console.log(`in store: ${Date.now() - shownAt} ms from ${who}'s face at the door to the anonymous count`);
  } finally {
    const tally = new Map<string, number>();
    for (const o of cropOutcomes.slice(before)) tally.set(o.replace(/ [0-9a-f]{8}$/, ''), (tally.get(o) ?? 0) + 1);
    console.log(`in store: the server's answers to ${who}'s crops: ${JSON.stringify([...tally])}`);
  }
}

test(
  'the member without entrance consent and a stranger walk in: counted as anonymous, never named',
  { timeout: 300_000 },
  async () => {
    await walksIn(photos.b, 'the member without entrance consent', 1);
    await walksIn(photos.c, 'a stranger', 2);
    assert.equal(await inStore().getAttribute('data-members'), '1');
    assert.equal(await staff.getByText(NOT_CONSENTING.masked).count(), 0);
    assert.equal(await staff.getByText(NOT_CONSENTING.displayName).count(), 0);
    assert.equal(await staff.getByRole('row').filter({ hasText: '0622' }).count(), 0, 'not even their phone');
    await staff.getByRole('row').filter({ hasText: CONSENTING.masked }).waitFor();
    await staff.getByRole('heading', { level: 2, name: '店内会员 1 位，未识别顾客 2 位' }).waitFor();
    await expectAccessible(staff, 'in store, a member and two anonymous shoppers');
    await screenshot(staff, 'in-store-member-and-anonymous');
  },
);

test(
  'the store tablet shows the member full screen; they turn recognition off in the member app and are gone at once',
  { timeout: 180_000 },
  async () => {
    await staff.getByTestId('open-tablet').click();
    const tablet = staff.getByTestId('tablet');
    await tablet.waitFor();
    assert.equal(await staff.getByRole('navigation').count(), 0, 'no console chrome on the tablet');
    const card = staff.locator('.tablet-member').filter({ hasText: CONSENTING.masked });
    await card.waitFor();
    assert.match((await card.innerText()).replace(/\s+/g, ' '), /到店次数 第 1 次.*可用优惠券 \d+ 张/);
    assert.equal(await staff.getByText(CONSENTING.displayName).count(), 0, 'never the full name');
    assert.equal(await staff.locator('img, video, canvas').count(), 0, 'no face image');
    await staff.getByRole('button', { name: '点一下开启提示音' }).click();
    await staff.getByRole('button', { name: '提示音已开启' }).waitFor();
    await expectAccessible(staff, 'store tablet, a member');
    await screenshot(staff, 'store-tablet-member');

    await setEntranceRecognition(consenting.page, false);
    await staff.locator('[data-testid="tablet"][data-members="0"]').waitFor({ timeout: 30_000 });
    assert.equal(await card.count(), 0, 'the member is off the tablet');
  },
);

test("客流: today's visitors by hour, the member among them, and the anonymous ones' age and gender", async () => {
  await staff.goto(`${stack.url}/console/#/traffic`);
  const traffic = staff.getByTestId('traffic');
  await traffic.waitFor();
  assert.ok(Number(await traffic.getAttribute('data-members')) >= 1, 'the member who walked in is a visitor today');
  const members = await staff.locator('table.traffic-hours tbody tr td:nth-of-type(1)').allInnerTexts();
  assert.ok(
    members.some((n) => Number(n) >= 1),
    `an hour with the member in it: ${members.join(',')}`,
  );
  await expectAccessible(staff, 'traffic today');
  await screenshot(staff, 'traffic-today');
});
