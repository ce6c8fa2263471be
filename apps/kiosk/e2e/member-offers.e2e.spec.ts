/**
 * What the recognised face unlocks, end to end: a 金卡 member with a 满20减5 coupon pays at the kiosk by face. The
 * greeting shows their tier, every discount and the points they will earn; they switch the coupon off and on again and
 * confirm. The amount paid, the points earned, the coupon's state and the receipt agree; the merchant refunds the
 * payment and, as its rule says, the points go back and the coupon returns to the member's wallet.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectTouchFriendly,
  installFakeCamera,
  screenshot,
  shopperPhotos,
  startE2eStack,
  type E2eStack,
} from '@shualian/server/testing/browser';
import { registerAndEnroll, type EnrolledMember } from '../../member/e2e/member-steps.ts';
import { KIOSK_TOUCH, openActivatedKiosk } from './kiosk-steps.ts';

const PHONE = '13912340612';
const PIN = '741852';

let stack: E2eStack;
let boss: string;
let merchantId: string;
let member: EnrolledMember;
let memberPhone: BrowserContext;
let kiosk: BrowserContext;
let page: Page;

interface Wallet {
  usable: Array<{ couponId: string; name: string }>;
  used: Array<{ couponId: string; redeemedAt: string | null }>;
}
const couponsOfMember = () => stack.api<Wallet>('GET', '/v1/member/coupons', { token: member.memberToken });
const pointsOfMember = () =>
  stack.api<{ balance: number; history: Array<{ kind: string; points: number }> }>('GET', '/v1/member/loyalty/points', {
    token: member.memberToken,
  });

/** Waits for what the events after a payment or refund do (points, coupons), which happen just after the commit. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let waited = 0; ; waited += 250) {
    const value = await read();
    if (done(value)) return value;
    assert.ok(waited < 30_000, `${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

before(async () => {
  stack = await startE2eStack();
  const photos = await shopperPhotos();
  const login = await stack.api<{ token: string; staff: { merchantId: string } }>('POST', '/v1/auth/login', {
    body: { username: 'boss', password: DEMO_PASSWORD },
  });
  boss = login.token;
  merchantId = login.staff.merchantId;
  const merchant = `/v1/merchants/${merchantId}`;
  // The merchant's membership: one point a yuan, 金卡 from the first day with 9.5折 and double points; a refund of a
  // whole payment gives its coupons back.
  await stack.api('PATCH', `${merchant}/loyalty/program`, { token: boss, body: { pointsPerYuan: 1 } });
  await stack.api('PUT', `${merchant}/loyalty/tiers`, {
    token: boss,
    body: {
      tiers: [{ name: '金卡', threshold: 0, discountPercent: 5, pointsMultiplierPercent: 200, birthdayPoints: 0 }],
    },
  });
  await stack.api('PUT', `${merchant}/promotion-settings`, {
    token: boss,
    body: { restoreCouponsOnRefund: true, welcomeTemplateId: null, redPacket: null },
  });

  memberPhone = await stack.browser.newContext();
  member = await registerAndEnroll(stack, memberPhone, {
    phone: PHONE,
    photo: photos.a,
    displayName: '李佳',
    topUpYuan: 200,
    passwordFree: { perPaymentYuan: 100, dailyYuan: 500 },
    pin: PIN,
  });
  const { templateId } = await stack.api<{ templateId: string }>('POST', `${merchant}/coupon-templates`, {
    token: boss,
    body: {
      name: '满20减5',
      method: { type: 'fixed_off', target: 'order', amountFen: 500 },
      rules: { minCartFen: 2000 },
      validity: { kind: 'days', days: 30 },
    },
  });
  await stack.api('POST', `${merchant}/coupon-templates/${templateId}/grants`, {
    token: boss,
    body: { memberId: member.memberId, reason: '新会员礼', idempotencyKey: `grant-${member.memberId}` },
  });

  kiosk = await stack.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', hasTouch: true });
  await installFakeCamera(kiosk, { photo: photos.aAgain, respondsToScreen: true });
  page = await openActivatedKiosk(stack, kiosk, '南山店 会员优惠收银机');
});

after(async () => {
  await kiosk?.close().catch(() => undefined);
  await memberPhone?.close().catch(() => undefined);
  await stack?.close();
});

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

test(
  'a 金卡 member with a coupon is greeted, chooses, pays by face; the refund takes the points back and returns the coupon',
  { timeout: 400_000 },
  async () => {
    const coupon = (await couponsOfMember()).usable.find((c) => c.name === '满20减5');
    assert.ok(coupon, 'the member holds the coupon');

    await page.getByRole('button', { name: '点击开始' }).tap();
    await page.getByRole('heading', { name: '购物车' }).waitFor();
    await page.locator('[data-product-id]').filter({ hasText: '招牌卤鸭脖' }).tap();
    await page.locator('[data-product-id]').filter({ hasText: '冰镇可乐 330ml' }).tap();
    await page.getByRole('button', { name: '刷脸付款' }).tap();

    // The face may need the phone's digits before it names the member surely; then the greeting.
    const greeting = page.getByRole('heading', { name: /欢迎光临/ });
    const keypad = page.getByRole('group', { name: '数字键盘' });
    const declined = page.getByRole('heading', { name: '未能完成付款' });
    await greeting.or(keypad).or(declined).first().waitFor({ timeout: 120_000 });
    while (await keypad.isVisible()) {
      const question = (await page.locator('#step-up-title').textContent()) ?? '';
      const digits = question.includes('后四位') ? PHONE.slice(-4) : question.includes('完整手机号') ? PHONE : PIN;
      for (const d of digits) await keypad.getByRole('button', { name: d, exact: true }).tap();
      await keypad.getByRole('button', { name: '确认' }).tap();
      await keypad.waitFor({ state: 'detached' });
      await greeting.or(keypad).or(declined).first().waitFor({ timeout: 60_000 });
    }
    assert.ok(await greeting.isVisible(), `greeted: ${await page.locator('main').innerText()}`);

    // 2800 + 350 at list; member price 2500 + 350; 金卡 9.5折 −125 −17; 满20减5 −500: 2208.
    await page.getByTestId('greeting-tier').filter({ hasText: '金卡会员' }).waitFor();
    const discounts = async () =>
      (await page.getByTestId('greeting-discount').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.deepEqual(await discounts(), ['会员价 -¥3.00', '金卡 9.5折 -¥1.42', '满20减5 -¥5.00']);
    const total = page.getByTestId('greeting-total');
    assert.equal(await total.innerText(), yuan(2208));
    const toEarn = Number((await page.getByTestId('greeting-points-to-earn').innerText()).match(/\d+/)![0]);
    assert.equal(toEarn, 44, '22 whole yuan, one point each, doubled for 金卡');
    await expectAccessible(page, 'member greeting');
    await expectTouchFriendly(page, 'member greeting', KIOSK_TOUCH);
    await screenshot(page, 'kiosk-member-greeting');

    // The member switches the coupon off (the amount goes up) and on again.
    const couponSwitch = page.getByRole('switch', { name: /满20减5/ });
    assert.equal(await couponSwitch.getAttribute('aria-checked'), 'true');
    await couponSwitch.tap();
    await total.filter({ hasText: yuan(2708) }).waitFor();
    assert.equal(await page.getByRole('switch', { name: /满20减5/ }).getAttribute('aria-checked'), 'false');
    assert.deepEqual(await discounts(), ['会员价 -¥3.00', '金卡 9.5折 -¥1.42']);
    await page.getByRole('switch', { name: /满20减5/ }).tap();
    await total.filter({ hasText: yuan(2208) }).waitFor();

    await page.getByRole('button', { name: `确认支付 ${yuan(2208)}` }).tap();
    await page.getByRole('heading', { name: '付款成功' }).waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('paid-amount').innerText(), yuan(2208));
    assert.equal(await page.getByTestId('paid-points').innerText(), `+${toEarn}`);
    assert.equal(await page.getByTestId('paid-tier').innerText(), '金卡');
    await screenshot(page, 'kiosk-member-paid');

    // The server's record agrees with the screens: the payment, its receipt, the coupon spent, the points earned.
    const { payments } = await stack.api<{ payments: Array<{ paymentId: string; amountFen: number }> }>(
      'GET',
      `/v1/merchants/${merchantId}/payments?memberId=${member.memberId}`,
      { token: boss },
    );
    assert.equal(payments.length, 1);
    assert.equal(payments[0]!.amountFen, 2208);
    const { receipts } = await stack.api<{
      receipts: Array<{ paymentId: string | null; body: { amountFen?: number; discounts?: unknown[] } }>;
    }>('GET', '/v1/member/receipts', { token: member.memberToken });
    const receipt = receipts.find((r) => r.paymentId === payments[0]!.paymentId);
    assert.equal(receipt?.body.amountFen, 2208);
    assert.deepEqual(
      (receipt?.body.discounts as Array<{ label: string; amountFen: number }>).map((d) => [d.label, d.amountFen]),
      [
        ['会员价', -300],
        ['金卡 9.5折', -142],
        ['满20减5', -500],
      ],
    );
    const wallet = await couponsOfMember();
    assert.ok(wallet.used.some((c) => c.couponId === coupon.couponId));
    assert.ok(!wallet.usable.some((c) => c.couponId === coupon.couponId));
    await eventually(pointsOfMember, (p) => p.balance === toEarn, 'points earned on payment.completed');

    // The merchant refunds the whole payment: the points go back and, by its rule, the coupon returns.
    await stack.api('POST', `/v1/merchants/${merchantId}/payments/${payments[0]!.paymentId}/refunds`, {
      token: boss,
      body: { amountFen: 2208, idempotencyKey: `refund-${payments[0]!.paymentId}`, reason: '顾客退货' },
    });
    await eventually(pointsOfMember, (p) => p.balance === 0, 'points reversed on refund.completed');
    await eventually(
      couponsOfMember,
      (w) => w.usable.some((c) => c.couponId === coupon.couponId),
      'the coupon back in the wallet',
    );
  },
);
