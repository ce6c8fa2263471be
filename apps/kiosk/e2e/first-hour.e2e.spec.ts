/**
 * A newcomer's first hour, in headless Chromium against the real server as `npm start` seeds it: the README's quick
 * start followed literally (the kiosk at /kiosk/ with no parameters, activated with a code from the console, on a
 * machine with no camera, the demo camera playing 演示会员), then the README's "try it" table row by row, then the
 * rough edges a newcomer met: a kiosk with nobody in front of it, and a failed enrollment on a phone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  DEMO_PASSWORD,
  installFakeCamera,
  screenshot,
  shopperPhotos,
  startE2eStack,
  type E2eStack,
} from '@shualian/server/testing/browser';
import { demoFace } from '../../server/src/demo/demo-face.ts';
import { DEMO_MEMBER } from '../../server/src/demo/demo-member.ts';
import { registerKioskInConsole, signInToConsole } from '../../console/e2e/console-steps.ts';
import {
  captureFace,
  giveConsent,
  MEMBER_VIEWPORT,
  openMemberApp,
  registerAndEnroll,
  signIn,
} from '../../member/e2e/member-steps.ts';

const KIOSK_VIEWPORT = { width: 1280, height: 800 };
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
/** The first face payment waits for the face engine and the demo member (readiness) on a cold server. */
const READY_TIMEOUT_MS = 240_000;

let stack: E2eStack;
const contexts: BrowserContext[] = [];

before(async () => {
  // Not waiting for readiness: the quick start meets the kiosk while the server is still getting ready.
  stack = await startE2eStack({ waitReady: false });
});
after(async () => {
  for (const context of contexts) await context.close();
  await stack?.close();
});

async function newContext(options: Parameters<E2eStack['browser']['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await stack.browser.newContext({ locale: 'zh-CN', ...options });
  contexts.push(context);
  return context;
}

const readyzStatus = async () => (await fetch(`${stack.url}/readyz`)).status;

/** The README's words for the kiosk: activate with a code from the console, as the store manager would get it. */
async function activateKiosk(page: Page, deviceName: string): Promise<void> {
  const code = await registerKioskInConsole(stack, await newContext(), { username: 'manager', deviceName });
  await page.goto(`${stack.url}/kiosk/`);
  await page.getByLabel('激活码').fill(code);
  await page.getByRole('button', { name: '激活' }).tap();
  await page.getByRole('button', { name: '点击开始' }).waitFor({ timeout: 30_000 });
}

async function addProduct(page: Page, name: string): Promise<void> {
  await page.locator('.product-tile').filter({ hasText: name }).first().tap();
  await page.getByText(`已加入：${name}`).waitFor();
}

/**
 * Until the server is ready the kiosk shows 正在准备 where 刷脸付款 would be. Readiness only ever goes from not ready
 * to ready, so a 503 read after looking at the screen means the screen was looked at before readiness too.
 */
async function payButtonOnceReady(page: Page) {
  const preparing = page.locator('[data-preparing]');
  const pay = page.getByRole('button', { name: '刷脸付款' });
  const showedPreparing = await preparing.isVisible();
  const payShown = await pay.isVisible();
  if ((await readyzStatus()) !== 200) {
    assert.ok(
      showedPreparing && !payShown,
      'while /readyz is not ready the kiosk says 正在准备 and offers no face pay',
    );
    await preparing.getByText('正在准备').first().waitFor();
    console.log('the kiosk showed 正在准备 while the server was not ready');
  }
  await pay.waitFor({ timeout: READY_TIMEOUT_MS });
  return pay;
}

test(
  'the README quick start, literally: /kiosk/, the demo camera, 演示会员 pays by face, the receipt opens in the member app at 375×667',
  { timeout: 600_000 },
  async () => {
    assert.match(README, /`\/kiosk\/`/, 'the README sends the newcomer to /kiosk/');
    assert.match(README, /演示摄像头/, 'the README names the demo camera');
    assert.match(README, new RegExp(DEMO_MEMBER.phone), 'the README names the demo member');
    assert.match(README, /确认支付/, 'the README says the greeting waits for 确认支付');

    // A laptop with no camera: nothing is faked in this context.
    const kiosk = await newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
    const page = await kiosk.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`[kiosk console] ${m.text()}`));
    await activateKiosk(page, '快速上手收银机');

    // The demo merchant's kiosk offers the demo camera, clearly labelled; the newcomer switches it on.
    const toggle = page.getByRole('button', { name: /演示摄像头/ });
    await toggle.tap();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');

    await page.getByRole('button', { name: '点击开始' }).tap();
    await page.getByRole('heading', { name: '购物车' }).waitFor();
    await addProduct(page, '招牌卤鸭脖');
    await addProduct(page, '冰镇可乐 330ml');
    await (await payButtonOnceReady(page)).tap();
    await page
      .locator('[data-demo-camera]')
      .getByText(/演示摄像头.*演示会员/)
      .waitFor();

    const paid = page.getByRole('heading', { name: '付款成功' });
    const declined = page.getByRole('heading', { name: '未能完成付款' });
    const keypad = page.getByRole('group', { name: '数字键盘' });
    // The demo member is greeted (tier, offers, amount) and confirms; the policy may ask for a step-up before or
    // after; the demo member's phone and PIN are in the banner and the README.
    const confirm = page.getByRole('button', { name: /^确认支付/ });
    await paid.or(declined).or(keypad).or(confirm).first().waitFor({ timeout: 120_000 });
    while ((await keypad.isVisible()) || (await confirm.isVisible())) {
      if (await confirm.isVisible()) {
        await confirm.tap();
        await confirm.waitFor({ state: 'detached' });
        await paid.or(declined).or(keypad).or(confirm).first().waitFor({ timeout: 120_000 });
        continue;
      }
      const question = (await page.locator('#step-up-title').textContent()) ?? '';
      const answer = question.includes('后四位')
        ? DEMO_MEMBER.phone.slice(-4)
        : question.includes('完整手机号')
          ? DEMO_MEMBER.phone
          : DEMO_MEMBER.pin;
      for (const d of answer) await keypad.getByRole('button', { name: d, exact: true }).tap();
      await keypad.getByRole('button', { name: '确认' }).tap();
      await keypad.waitFor({ state: 'detached' });
      await paid.or(declined).or(keypad).or(confirm).first().waitFor({ timeout: 120_000 });
    }
    if (!(await paid.isVisible())) {
      await screenshot(page, 'first-hour-not-paid');
      assert.fail(`not paid: ${await page.locator('main').innerText()}`);
    }

    // The receipt QR names the merchant the server gave the kiosk, though the kiosk was opened without ?m=.
    const qr = page.getByRole('img', { name: '电子小票二维码' });
    await qr.waitFor();
    const link = (await qr.getAttribute('data-receipt-url'))!;
    assert.match(link, new RegExp(`^${stack.url}/member/\\?m=yabo#/receipts/[0-9a-f-]{36}$`));

    // On the demo member's phone the link opens the member app; they sign in and see the receipt.
    const phone = await newContext({ viewport: MEMBER_VIEWPORT });
    const member = await phone.newPage();
    await member.goto(link);
    await member.locator('.top-bar').waitFor();
    await signIn(member, stack, DEMO_MEMBER.phone);
    const receipt = member.getByRole('article', { name: '收据详情' });
    await receipt.getByText('招牌卤鸭脖').waitFor({ timeout: 30_000 });
    assert.equal(await member.getByText('链接不完整').count(), 0);
    const box = await receipt.boundingBox();
    assert.ok(box && box.width <= MEMBER_VIEWPORT.width, 'the receipt fits the phone');
  },
);

/** One step per row of the README's "try it" table, keyed by the row's address. */
const rowSteps: Record<string, (row: string) => Promise<void>> = {
  '/kiosk/': async (row) => {
    assert.match(row, /register a kiosk/);
    const kiosk = await newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
    const page = await kiosk.newPage();
    await activateKiosk(page, '试用收银机');
    await page.getByRole('button', { name: /演示摄像头/ }).waitFor();
    await page.getByRole('button', { name: '点击开始' }).tap();
    await addProduct(page, '冰镇可乐 330ml');
    await payButtonOnceReady(page);
    // In English the units are English too.
    await page.getByRole('button', { name: '切换到英文' }).tap();
    await page
      .locator('.product-tile')
      .filter({ hasText: 'Cola 330 ml' })
      .getByText(/\/ can$/)
      .waitFor();
    assert.equal(
      await page
        .locator('.product-price')
        .filter({ hasText: /[罐瓶袋盒]/ })
        .count(),
      0,
      'no Chinese unit in English',
    );
  },
  '/member/?m=yabo': async (row) => {
    assert.match(row, /SMS code is printed on the server console/);
    const phone = await newContext();
    const photos = await shopperPhotos();
    const member = await registerAndEnroll(stack, phone, {
      phone: '13912345678',
      photo: photos.a,
      topUpYuan: 100,
      passwordFree: { perPaymentYuan: 50, dailyYuan: 200 },
    });
    await member.page.getByRole('status').filter({ hasText: '免密设置已保存' }).waitFor();
  },
  '/console/': async (row) => {
    for (const username of ['boss', 'manager', 'cashier']) {
      assert.ok(row.includes(`\`${username}\``), username);
      const page = await (await newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await signInToConsole(page, stack.url, username);
      const who = (await page.getByTestId('signed-in-as').textContent()) ?? '';
      const roles = who.match(/商户管理员|店长|收银员|服务商管理员|admin|manager|cashier/gi) ?? [];
      assert.equal(roles.length, 1, `the header names the role once: "${who}"`);
      if (username === 'boss') {
        // The audit log speaks in words: no raw action keys such as biometric.enrollment_spoof_suspected.
        await page.goto(`${stack.url}/console/#/audit`);
        const rows = page.locator('tr[data-action]');
        await rows.first().waitFor({ timeout: 30_000 });
        for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')!)))
          assert.equal(
            await page.locator(`tr[data-action="${action}"] td`).filter({ hasText: action }).count(),
            0,
            `${action} shown as a raw key`,
          );
      }
      await page.close();
    }
  },
  '/docs': async () => {
    const page = await (await newContext()).newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${stack.url}/docs`);
    await page.getByText('/v1/device/profile').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(errors, [], 'the docs load without errors');
  },
};

test('the README "try it" table, one row at a time', { timeout: 600_000 }, async () => {
  // Columns may be padded (the README is formatted by prettier): find the header by its words, not its spacing.
  const table = README.slice(README.search(/^\|\s*app\s*\|\s*address\s*\|\s*try\s*\|/m));
  const lines = table.split('\n').slice(2);
  const rows = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith('|')),
  );
  assert.ok(rows.length >= 4, 'the README has the table');
  for (const row of rows) {
    const address = /\|\s*`([^`]+)`\s*\|/.exec(row)?.[1];
    assert.ok(address && rowSteps[address], `a step for the row "${row}"`);
    console.log(`README row ${address}`);
    await rowSteps[address](row);
  }
});

test("another merchant's kiosk never offers the demo camera", { timeout: 300_000 }, async () => {
  const call = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
  const login = await fetch(`${stack.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'provider', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  // A second merchant of the demo provider, set up through the API as a provider would.
  const merchant = await call<{ id: string }>('POST', '/v1/merchants', token, { code: 'corner', name: '街角便利店' });
  const store = await call<{ id: string }>('POST', `/v1/merchants/${merchant.id}/stores`, token, {
    code: 'C-01',
    name: '街角便利店 一号店',
  });
  const { activationCode } = await call<{ activationCode: string }>(
    'POST',
    `/v1/merchants/${merchant.id}/stores/${store.id}/devices`,
    token,
    {
      kind: 'kiosk',
      name: '街角收银机',
    },
  );

  const page = await (await newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true })).newPage();
  await page.goto(`${stack.url}/kiosk/?m=yabo`);
  await page.getByLabel('激活码').fill(activationCode);
  await page.getByRole('button', { name: '激活' }).tap();
  // The kiosk has read its profile (the server's word on its merchant beats the ?m= of the link) ...
  await page.locator('.kiosk[data-merchant-code="corner"]').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '点击开始' }).waitFor();
  // ... and offers no demo camera.
  assert.equal(await page.getByRole('button', { name: /演示摄像头/ }).count(), 0);
});

test(
  'with nobody in front of the camera the kiosk says so, never flashes, and offers to try again or go back',
  { timeout: 300_000 },
  async () => {
    const kiosk = await newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
    // An empty counter: a plain grey picture.
    const empty = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 128, g: 128, b: 120 } },
    })
      .jpeg()
      .toBuffer();
    await installFakeCamera(kiosk, { photo: empty, respondsToScreen: true });
    const page = await kiosk.newPage();
    await activateKiosk(page, '空柜台收银机');
    await page.getByRole('button', { name: '点击开始' }).tap();
    await addProduct(page, '矿泉水 550ml');
    const pay = await payButtonOnceReady(page);
    // Every change of the flash overlay is recorded in the page.
    await page.evaluate(`(() => {
    window.__flashes = 0;
    new MutationObserver(() => {
      if (document.querySelector('[data-screen-flash].on')) window.__flashes++;
    }).observe(document.body, { attributes: true, childList: true, subtree: true });
  })()`);
    await pay.tap();
    const declined = page.locator('[data-declined-reason="no_face_seen"]');
    await declined.waitFor({ timeout: 60_000 });
    await declined.getByText('没有看到人脸').waitFor();
    assert.equal(await page.evaluate('window.__flashes'), 0, 'no flash without a face');
    await page.getByRole('button', { name: '再试一次' }).waitFor();
    await page.getByRole('button', { name: '返回购物车' }).tap();
    await page.getByRole('heading', { name: '购物车' }).waitFor();
  },
);

test(
  'a failed enrollment at 375×667 is in view, and the camera box no longer says the light is fine',
  { timeout: 300_000 },
  async () => {
    const phone = await newContext({ viewport: MEMBER_VIEWPORT });
    // Someone holds up 演示会员's face: it is already enrolled for another member, so enrollment is refused.
    await installFakeCamera(phone, { photo: await demoFace(), respondsToScreen: true });
    const page = await openMemberApp(stack, phone);
    await signIn(page, stack, '13987650000');
    // The consent's footer says what its text says: the demo merchant keeps no raw photos.
    const footer = page.locator('.consent-text p.muted');
    await footer.waitFor({ timeout: 30_000 });
    assert.match((await footer.textContent()) ?? '', /不保存原始照片/);
    assert.match((await page.locator('.consent-text').textContent()) ?? '', /不保存原始照片。/);
    await giveConsent(page);
    await captureFace(page);
    const error = page.locator('.notice-error').filter({ hasText: '这次没有录入成功。' });
    await error.waitFor();
    const box = (await error.boundingBox())!;
    assert.ok(
      box.y >= 0 && box.y + box.height <= MEMBER_VIEWPORT.height,
      `the error is within the 375×667 viewport: ${JSON.stringify(box)}`,
    );
    const caption = (await page.locator('.camera-caption').textContent()) ?? '';
    assert.doesNotMatch(caption, /光线合适/);
    assert.match(caption, /没有录入成功/);
  },
);
