/**
 * Membership in the console end to end: the merchant admin sets the points rules and the tiers (a refused tier named
 * on its row), creates a 充100送20 plan, sells it to a member at the till, refunds it with the server's breakdown,
 * adjusts the member's points with a reason, and reads the stored-value report; a cashier sees none of these pages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, screenshot, startE2eStack, type E2eStack } from '@shualian/server/testing/browser';
import { signInToConsole } from './console-steps.ts';

const SHOPPER_PHONE = '13912348802';
const SUFFIX = SHOPPER_PHONE.slice(-4);

let stack: E2eStack;
let context: BrowserContext;
let page: Page;

before(async () => {
  stack = await startE2eStack();
  context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
});
after(async () => {
  await context?.close().catch(() => undefined);
  await stack?.close();
});

const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const alert = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

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
    displayName: '周女士',
  });
  assert.equal(registered.status, 200);
  return ((await registered.json()) as { member: { memberId: string } }).member.memberId;
}

test('a cashier is not offered the membership pages', { timeout: 120_000 }, async () => {
  await signInToConsole(page, stack.url, 'cashier');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '会员', exact: true }).waitFor();
  assert.equal(await nav.getByRole('link', { name: '会员等级与积分' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: '储值方案' }).count(), 0);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#login-username').waitFor();
});

test(
  'the merchant admin sets tiers, creates a plan, sells and refunds it, adjusts points and reads the report',
  { timeout: 300_000 },
  async () => {
    const memberId = await registerShopper();
    await signInToConsole(page, stack.url, 'boss');
    const nav = page.getByRole('navigation', { name: '主导航' });

    // Programme rules.
    await nav.getByRole('link', { name: '会员等级与积分' }).click();
    await page.getByRole('heading', { name: '会员等级与积分', level: 1 }).waitFor();
    await page.getByLabel('每消费 1 元得积分').fill('2');
    await page.getByLabel('积分有效期（月）').fill('');
    await page.getByRole('button', { name: '保存规则' }).click();
    await status('规则已保存。').or(page.getByRole('alert')).first().waitFor();
    assert.deepEqual(await page.getByRole('alert').allInnerTexts(), [], 'the rules are accepted');
    await status('规则已保存。').waitFor();

    // Tiers: a threshold below the one before is refused by the server and named on its row.
    const addTier = async (rank: number, name: string, threshold: string, discount: string) => {
      await page.getByRole('button', { name: '添加一级' }).click();
      await page.getByLabel(`第 ${rank} 级 名称`).fill(name);
      await page.getByLabel(`第 ${rank} 级 门槛（元）`).fill(threshold);
      await page.getByLabel(`第 ${rank} 级 折扣 %`).fill(discount);
    };
    await addTier(1, '普通', '0', '0');
    await addTier(2, '银卡', '500', '5');
    await addTier(3, '金卡', '300', '10');
    await page.getByRole('button', { name: '保存等级' }).click();
    await alert('第 3 级：门槛必须高于上一级。').waitFor();
    assert.equal(await page.getByLabel('第 3 级 门槛（元）').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('第 3 级 门槛（元）').fill('2000');
    await page.getByRole('button', { name: '保存等级' }).click();
    await status(/已保存 3 个等级/).waitFor();
    await expectAccessible(page, '会员等级与积分');
    await screenshot(page, 'console-loyalty');
    const tiers = await stack.server.database.db
      .selectFrom('loyalty_tiers')
      .select(['name', 'threshold', 'discount_percent'])
      .where('merchant_id', '=', stack.server.demo!.merchantId)
      .orderBy('rank')
      .execute();
    assert.deepEqual(
      tiers.map((t) => [t.name, t.threshold, t.discount_percent]),
      [
        ['普通', 0, 0],
        ['银卡', 50_000, 5],
        ['金卡', 200_000, 10],
      ],
    );

    // A plan: 充100送20.
    await nav.getByRole('link', { name: '储值方案' }).click();
    await page.getByRole('heading', { name: '储值方案', level: 1 }).waitFor();
    await page.getByText('还没有储值方案。').waitFor();
    // Outstanding principal counts every member wallet (the demo's members hold some already): follow the change.
    const fenIn = async (testId: string) =>
      Math.round(Number((await page.getByTestId(testId).innerText()).replace(/[¥,\s]/g, '')) * 100);
    const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    await page.getByTestId('principal-outstanding').waitFor();
    const principalBefore = await fenIn('principal-outstanding');
    const bonusBefore = await fenIn('bonus-outstanding');
    await page.getByLabel('方案名称').fill('充100送20');
    await page.getByLabel('售价 / 本金（元）').fill('100');
    await page.getByLabel('赠送金额（元）').fill('20');
    await page.getByRole('button', { name: '创建方案' }).click();
    await status('已创建方案“充100送20”。').waitFor();
    await page
      .getByTestId('plan-table')
      .getByRole('row', { name: /充100送20.*¥100\.00.*¥20\.00/ })
      .waitFor();

    // Sold at the till to the member found by their phone digits.
    await page.getByLabel('会员手机尾号（4 位）').fill(SUFFIX);
    await page.getByRole('button', { name: '查找会员' }).click();
    await page.getByLabel('方案', { exact: true }).selectOption({ label: '充100送20（收 ¥100.00，送 ¥20.00）' });
    await page.getByRole('button', { name: '确认已收款并售出' }).click();
    const sale = page.getByTestId('sales').getByRole('row', { name: /充100送20/ });
    await sale.waitFor();
    assert.match(await sale.innerText(), /¥100\.00\s+¥20\.00\s+¥120\.00/);
    await page
      .getByTestId('principal-outstanding')
      .filter({ hasText: yuan(principalBefore + 10_000) })
      .waitFor();
    await page
      .getByTestId('bonus-outstanding')
      .filter({ hasText: yuan(bonusBefore + 2_000) })
      .waitFor();
    await page
      .getByTestId('report-plans')
      .getByRole('row', { name: /充100送20\s+1\s+¥100\.00\s+¥20\.00/ })
      .waitFor();
    await expectAccessible(page, '储值方案 after a sale');
    await screenshot(page, 'console-stored-value');

    // Refunded: a reason is required; the server's breakdown is shown and the report follows.
    await sale.getByRole('button', { name: '退款' }).click();
    const dialog = page.getByRole('dialog', { name: '储值方案退款' });
    await dialog.getByRole('button', { name: '确认退款' }).click();
    await dialog.getByRole('alert').filter({ hasText: '请写明退款原因。' }).waitFor();
    await dialog.getByLabel('退款原因（必填）').fill('会员搬家');
    await dialog.getByRole('button', { name: '确认退款' }).click();
    await page
      .getByTestId('refund-breakdown')
      .filter({ hasText: '已退 ¥100.00，作废赠送 ¥20.00（已消费 ¥0.00）' })
      .waitFor();
    await page
      .getByTestId('principal-outstanding')
      .filter({ hasText: yuan(principalBefore) })
      .waitFor();
    await page
      .getByTestId('bonus-outstanding')
      .filter({ hasText: yuan(bonusBefore) })
      .waitFor();
    await page
      .getByTestId('report-plans')
      .getByRole('row', { name: /充100送20\s+1\s+¥100\.00\s+¥20\.00\s+¥100\.00\s+¥20\.00/ })
      .waitFor();

    // The member's card on the members page, and a points adjustment that needs a reason.
    await nav.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByLabel('手机号后 4 位').fill(SUFFIX);
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByRole('button', { name: `查看 139****${SUFFIX} 的会员卡与积分` }).click();
    await page.getByTestId('member-card-number').waitFor();
    const card = await stack.server.services.memberCards.ensure(stack.server.demo!.merchantId, memberId);
    assert.equal((await page.getByTestId('member-card-number').innerText()).replace(/ /g, ''), card.card_number);
    await page.getByTestId('member-points-balance').filter({ hasText: '0 积分' }).waitFor();
    await page.getByRole('button', { name: '调整积分' }).click();
    const adjust = page.getByRole('dialog', { name: '调整会员积分' });
    await adjust.getByLabel('调整积分数').fill('50');
    await adjust.getByRole('button', { name: '确认调整' }).click();
    await adjust.getByRole('alert').filter({ hasText: '请写明调整原因。' }).waitFor();
    await adjust.getByLabel('原因（必填，会记入操作日志）').fill('开业活动补发');
    await adjust.getByRole('button', { name: '确认调整' }).click();
    await status('已调整 50 积分，现在共 50 积分。').waitFor();
    await page.getByTestId('member-points-balance').filter({ hasText: '50 积分' }).waitFor();
    await page
      .getByTestId('member-points-history')
      .getByRole('row', { name: /人工调整\s+\+50/ })
      .waitFor();
    // Taking more than the balance is refused with the server's code, in words.
    await page.getByRole('button', { name: '调整积分' }).click();
    await adjust.getByLabel('调整积分数').fill('-80');
    await adjust.getByLabel('原因（必填，会记入操作日志）').fill('误发扣回');
    await adjust.getByRole('button', { name: '确认调整' }).click();
    await adjust.getByRole('alert').filter({ hasText: '会员积分不够扣除。' }).waitFor();
    await expectAccessible(page, 'member card with the adjustment dialog');
    await adjust.getByRole('button', { name: '取消' }).click();
    await screenshot(page, 'console-member-card');
  },
);

test('on a tablet the membership pages fit the screen', { timeout: 120_000 }, async () => {
  const tablet = await stack.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
  const tab = await tablet.newPage();
  try {
    await signInToConsole(tab, stack.url, 'boss');
    for (const hash of ['loyalty', 'stored-value'] as const) {
      await tab.goto(`${stack.url}/console/#/${hash}`);
      await tab.locator('main h1').waitFor();
      await tab.locator('main table').first().waitFor();
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${hash} scrolls sideways by ${overflow}px on a tablet`);
      await expectAccessible(tab, `console ${hash} on a tablet`);
      await screenshot(tab, `console-tablet-${hash}`);
    }
  } finally {
    await tablet.close();
  }
});
