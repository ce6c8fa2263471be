import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { expectAccessible, screenshot, startE2eStack, type E2eStack } from '@shualian/server/testing/browser';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_MEMBER } from '../../server/src/demo/demo-member.ts';
import { PAGES } from '../src/access.ts';
import { registerKioskInConsole, signInToConsole } from './console-steps.ts';

const NANSHAN = '鸭脖小铺 南山店';
const FUTIAN = '鸭脖小铺 福田店';
const SHOPPER_PHONE = '13912345678';

let stack: E2eStack;
let context: BrowserContext;
let page: Page;
let memberId: string;

before(async () => {
  stack = await startE2eStack();
  context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
});
after(async () => {
  await stack?.close();
});

const demo = () => stack.server.demo!;
const go = (hash: string) => page.goto(`${stack.url}/console/#/${hash}`);

/** A shopper signs up in the member app's API, as the member app would. */
async function registerShopper(): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  assert.equal((await post('/v1/members/otp', { merchantCode: 'yabo', phone: SHOPPER_PHONE })).status, 202);
  const registered = await post('/v1/members/register', {
    merchantCode: 'yabo',
    phone: SHOPPER_PHONE,
    code: await stack.latestOtp(SHOPPER_PHONE),
    displayName: '王女士',
  });
  assert.equal(registered.status, 200);
  return ((await registered.json()) as { member: { memberId: string } }).member.memberId;
}

/** A payment as the kiosk makes it after a face match and PIN, through the payment service itself. */
async function payAtNanshan(amountFen: number): Promise<void> {
  const db = stack.server.database.db;
  const product = await db
    .selectFrom('products')
    .selectAll()
    .where('merchant_id', '=', demo().merchantId)
    .orderBy('sku')
    .executeTakeFirstOrThrow();
  const { payments } = stack.server.services;
  await payments.pay({
    merchantId: demo().merchantId,
    storeId: demo().storeIds[0]!,
    deviceId: demo().kiosk!.deviceId,
    memberId,
    faceSessionId: null,
    amountFen,
    items: [
      {
        productId: product.id,
        name: product.name,
        quantity: 1,
        unitPriceFen: amountFen,
        memberPriceFen: null,
        lineTotalFen: amountFen,
      },
    ],
    verification: 'face+pin',
    idempotencyKey: randomUUID(),
  });
}

test('the boss signs in and sees both demo stores with their devices', { timeout: 240_000 }, async () => {
  await page.goto(`${stack.url}/console/`);
  await page.locator('#login-username').waitFor();
  await expectAccessible(page, 'console sign-in');
  await screenshot(page, 'console-login');

  await page.locator('#login-username').fill('boss');
  await page.locator('#login-password').fill('wrong password');
  await page.locator('form button[type="submit"]').click();
  await page.getByText('用户名或密码不正确。').waitFor();

  await signInToConsole(page, stack.url, 'boss');
  await page.getByRole('heading', { level: 2, name: NANSHAN }).waitFor();
  await page.getByRole('heading', { level: 2, name: FUTIAN }).waitFor();
  await page.locator('tr[data-device-name="南山店 1 号收银机"]').waitFor();
  const nav = await page.getByRole('navigation').getByRole('link').allTextContents();
  assert.deepEqual(nav, [
    '门店与设备',
    '店内顾客',
    '客流',
    '会员',
    '付款与退款',
    '促销与优惠券',
    '日结报表',
    '会员等级与积分',
    '储值方案',
    '刷脸支付设置',
    '活体校准',
    '操作日志',
  ]);
  await expectAccessible(page, 'console stores');
  await screenshot(page, 'console-stores');
});

test('the boss registers a kiosk and reads its one-time activation code', { timeout: 240_000 }, async () => {
  const code = await registerKioskInConsole(stack, context, {
    username: 'boss',
    storeName: FUTIAN,
    deviceName: '福田店 2 号收银机',
  });
  console.log(`activation code from the console: ${code}`);
  assert.match(code, /^[A-Z0-9-]{6,}$/);

  // and on the page the boss is using: the code with its expiry, the pending device in its store
  await go('stores');
  await page.locator('#register-store').selectOption({ label: NANSHAN });
  await page.locator('#register-name').fill('南山店 2 号收银机');
  await page.getByRole('button', { name: '登记并生成激活码' }).click();
  const shown = (await page.getByTestId('activation-code').textContent())!.trim();
  assert.notEqual(shown, code);
  await page.getByText(/有效期至/).waitFor();
  await expectAccessible(page, 'console activation code');
  await screenshot(page, 'console-activation-code');
  await page.getByRole('button', { name: '我已记下激活码' }).click();
  const pending = page.locator('tr[data-device-name="福田店 2 号收银机"]');
  await pending.getByText('待激活').waitFor();
});

test('the boss revokes another device after confirming', { timeout: 240_000 }, async () => {
  const kiosk = page.locator('tr[data-device-name="南山店 1 号收银机"]');
  await kiosk.getByRole('button', { name: '停用设备 南山店 1 号收银机' }).click();
  const dialog = page.getByRole('dialog', { name: '停用设备？' });
  await dialog.waitFor();
  await expectAccessible(page, 'console revoke confirmation');
  await screenshot(page, 'console-revoke-confirm');
  await dialog.getByRole('button', { name: '确认停用' }).click();
  await kiosk.getByText('已停用').waitFor();
  assert.equal(await kiosk.getByRole('button').count(), 0, 'a revoked device offers no more actions');
});

test(
  'members: an empty search says so; a shopper is found by the last four digits, topped up at the till',
  { timeout: 240_000 },
  async () => {
    memberId = await registerShopper();
    await go('members');
    await page.locator('#phone-suffix').fill('0000');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByText('没有手机尾号为 0000 的会员。').waitFor();
    await expectAccessible(page, 'console members, nothing found');
    await screenshot(page, 'console-members-empty');

    await page.locator('#phone-suffix').fill('12a');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByText('请输入 4 位数字。').waitFor();

    await page.locator('#phone-suffix').fill('5678');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    const row = page.getByRole('row', { name: /139\*{4}5678/ });
    await row.waitFor();
    assert.match((await row.textContent())!, /未同意.*未录入/);
    await row.getByRole('button', { name: /的钱包/ }).click();
    await page.getByText('还没有资金变动。').waitFor();
    await page.locator('#top-up-amount').fill('100');
    await page.locator('#top-up-reason').fill('现金 100 元');
    await page.getByRole('button', { name: '确认充值' }).click();
    await page.getByText('已充值 ¥100.00，当前余额 ¥100.00。').waitFor();
    await page.locator('.balance').getByText('¥100.00').waitFor();
    await expectAccessible(page, 'console member wallet');
    await screenshot(page, 'console-members-wallet');
  },
);

test(
  'payments: a partial refund within what is refundable, a too-large one refused in words',
  { timeout: 240_000 },
  async () => {
    await payAtNanshan(2800);
    await go('payments');
    const row = page.getByRole('row', { name: /¥28\.00/ });
    await row.waitFor();
    await row.getByRole('button', { name: '退款' }).click();
    const dialog = page.getByRole('dialog', { name: '退款到会员钱包' });
    await dialog.getByText('最多可退 ¥28.00；可以只退一部分。').waitFor();
    assert.equal(await dialog.locator('#refund-amount').inputValue(), '28.00', 'the dialog offers a full refund first');
    await dialog.locator('#refund-amount').fill('30');
    await dialog.getByRole('button', { name: '确认退款' }).click();
    await dialog.getByText('退款金额不能超过可退金额 ¥28.00。').waitFor();
    await expectAccessible(page, 'console refund dialog');
    await screenshot(page, 'console-refund');
    await dialog.locator('#refund-amount').fill('8');
    await dialog.locator('#refund-reason').fill('少给了一盒');
    await dialog.getByRole('button', { name: '确认退款' }).click();
    await page.getByText('已退款 ¥8.00，款项已回到会员钱包。').waitFor();
    // The list reloads after the notice, showing the rows it had until the new ones arrive: wait for the refund.
    await page.getByRole('row', { name: /¥28\.00.*¥8\.00.*¥20\.00/ }).waitFor();
    await expectAccessible(page, 'console payments');
    await screenshot(page, 'console-payments');
  },
);

test("settlement: today's report per store with the ledger check", { timeout: 240_000 }, async () => {
  await go('settlement');
  await page.getByTestId('ledger-check').getByText('账目一致').waitFor();
  const nanshan = page.getByRole('row', { name: new RegExp(NANSHAN) });
  assert.match((await nanshan.textContent())!, /1¥28\.001¥8\.00¥20\.00/);
  const futian = page.getByRole('row', { name: new RegExp(FUTIAN) });
  assert.match((await futian.textContent())!, /0¥0\.000¥0\.00¥0\.00/, 'a store that took nothing shows zeros');
  // Today's top-ups: the 100 yuan at the till above, and 演示会员's opening balance seeded on first start.
  const topUpsYuan = 100 + DEMO_MEMBER.openingBalanceFen / 100;
  await page
    .getByRole('definition')
    .filter({ hasText: `¥${topUpsYuan}.00` })
    .waitFor();
  await expectAccessible(page, 'console settlement');
  await screenshot(page, 'console-settlement');
});

test(
  'settings: the boss changes a limit and it is saved; a bad value is refused; the thresholds are shown',
  { timeout: 240_000 },
  async () => {
    await go('settings');
    const limit = page.getByLabel(/^单笔付款上限/);
    await limit.waitFor();
    assert.equal(await limit.inputValue(), '5000.00');
    const facts = page.getByRole('table', { name: '人脸引擎阈值、本人通过率和冒认次数' });
    // The lfw-dev figures (packages/face-engine/src/config.ts, THRESHOLD_FIGURES): 250 and 28 false accepts of every impostor pair.
    assert.match((await facts.getByRole('row', { name: /识别门槛/ }).textContent())!, /0\.95.*86%.*250 \/ 2718056/);
    assert.match(
      (await facts.getByRole('row', { name: /免密直付门槛/ }).textContent())!,
      /0\.96.*6[45]%.*28 \/ 2718056/,
    );
    await page.getByText('0.936').waitFor();
    await expectAccessible(page, 'console settings');
    await screenshot(page, 'console-settings');

    await page.getByLabel(/^每位会员每小时最多付款/).fill('-3');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('请输入不小于 0 的整数。').waitFor();
    await page.getByText('有设置填写不正确，请按提示修改后再保存。').waitFor();
    await expectAccessible(page, 'console settings with a refused value');
    await screenshot(page, 'console-settings-refused');
    await page.getByLabel(/^每位会员每小时最多付款/).fill('10');

    await limit.fill('800');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByTestId('settings-saved').waitFor();
    assert.equal(await page.getByTestId('settings-saved').textContent(), '已保存 1 项改动。');
    await page.reload();
    await page.getByLabel(/^单笔付款上限/).waitFor();
    assert.equal(
      await page.getByLabel(/^单笔付款上限/).inputValue(),
      '800.00',
      'the saved limit is what the server now has',
    );
  },
);

test('the audit log shows the setting change and the device actions', { timeout: 240_000 }, async () => {
  await go('audit');
  const change = page.locator('tr[data-action="merchant.settings_updated"]');
  await change.waitFor();
  assert.match((await change.textContent())!, /修改刷脸支付设置.*你.*单笔付款上限: ¥5000\.00 → ¥800\.00/);
  await page.locator('tr[data-action="device.revoked"]').waitFor();
  assert.equal(
    await page.locator('tr[data-action="device.registered"]').count(),
    3,
    'the demo kiosk and the two registered here',
  );
  await expectAccessible(page, 'console audit log');
  await screenshot(page, 'console-audit');
});

test('the console speaks English when asked', { timeout: 240_000 }, async () => {
  await go('settings');
  await page.getByRole('button', { name: '切换到英文' }).click();
  await page.getByRole('heading', { level: 1, name: 'Face-pay settings' }).waitFor();
  assert.equal(await page.getByLabel(/^Largest single payment/).inputValue(), '800.00');
  await expectAccessible(page, 'console settings in English');
  await screenshot(page, 'console-settings-en');
  await page.getByRole('button', { name: 'Switch to Chinese' }).click();
  await page.getByRole('heading', { level: 1, name: '刷脸支付设置' }).waitFor();
});

test(
  "settings: the boss sets the entrance's stranger target and visit window; below the floor is refused at the field",
  { timeout: 240_000 },
  async () => {
    await go('settings');
    const oneIn = page.getByLabel(/^门口叫出会员/);
    const window = page.getByLabel(/^多久没被看到算离店/);
    await oneIn.waitFor();
    assert.deepEqual([await oneIn.inputValue(), await window.inputValue()], ['10000', '10']);
    await page.getByText(/0\/11,665 被认成会员/).waitFor();

    await oneIn.fill('2999');
    await window.fill('241');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('请输入不小于 3000 的整数。').waitFor();
    await page.getByText('请输入 1 到 240 之间的整数。').waitFor();

    await oneIn.fill('5000');
    await window.fill('15');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByTestId('settings-saved').filter({ hasText: '已保存 2 项改动。' }).waitFor();
    const saved = (await (
      await fetch(`${stack.url}/v1/members/entrance-consent-document?merchantCode=yabo`)
    ).json()) as { visitWindowMinutes: number };
    assert.equal(saved.visitWindowMinutes, 15, "the members' entrance consent text now says 15 minutes");
    await page.reload();
    await oneIn.waitFor();
    assert.deepEqual([await oneIn.inputValue(), await window.inputValue()], ['5000', '15']);
  },
);

test(
  'a cashier sees only what a cashier may do: settings read-only, no devices, no settlement or audit',
  { timeout: 240_000 },
  async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#login-username').waitFor();
    await signInToConsole(page, stack.url, 'cashier');
    const nav = await page.getByRole('navigation').getByRole('link').allTextContents();
    assert.deepEqual(nav, ['门店与设备', '店内顾客', '客流', '会员', '付款与退款', '促销与优惠券', '刷脸支付设置']);
    await page.getByRole('heading', { level: 2, name: NANSHAN }).waitFor();
    assert.equal(
      await page.getByRole('heading', { level: 2, name: FUTIAN }).count(),
      0,
      'a cashier reaches only their store',
    );
    assert.equal(await page.locator('#register-name').count(), 0);
    await expectAccessible(page, 'console stores as cashier');
    await screenshot(page, 'console-cashier-stores');

    await go('settings');
    await page.getByTestId('settings-read-only').waitFor();
    assert.equal(await page.getByRole('button', { name: '保存设置' }).count(), 0);
    assert.equal(await page.getByLabel(/^单笔付款上限/).isDisabled(), true);
    await expectAccessible(page, 'console settings as cashier');
    await screenshot(page, 'console-cashier-settings');

    await go('audit');
    await page.getByRole('heading', { level: 1, name: '门店与设备' }).waitFor();

    await go('payments');
    await page.getByRole('row', { name: /¥28\.00/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: '退款' }).count(), 0, 'cashiers do not refund');
    await expectAccessible(page, 'console payments as cashier');
    await screenshot(page, 'console-cashier-payments');
  },
);

test('the provider admin reaches the demo merchant with every page', { timeout: 240_000 }, async () => {
  const other = await context.newPage();
  try {
    await signInToConsole(other, stack.url, 'provider');
    await other.locator('.topbar').getByText('鸭脖小铺', { exact: true }).waitFor();
    const nav = await other.getByRole('navigation').getByRole('link').allTextContents();
    assert.equal(nav.length, PAGES.length);
  } finally {
    await other.close();
  }
});

test(
  'on a tablet the console fits the screen: navigation on top, no sideways scrolling',
  { timeout: 240_000 },
  async () => {
    const tablet = await stack.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    const tab = await tablet.newPage();
    try {
      await signInToConsole(tab, stack.url, 'boss');
      for (const [hash, name] of [
        ['stores', 'console-tablet-stores'],
        ['payments', 'console-tablet-payments'],
        ['settings', 'console-tablet-settings'],
      ] as const) {
        await tab.goto(`${stack.url}/console/#/${hash}`);
        await tab.locator('main h1').waitFor();
        await tab.locator('main table').first().waitFor();
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${hash} scrolls sideways by ${overflow}px on a tablet`);
        await expectAccessible(tab, `console ${hash} on a tablet`);
        await screenshot(tab, name);
      }
    } finally {
      await tablet.close();
    }
  },
);
