/**
 * The member app ("mini-program") end to end at phone size in headless Chromium, against the real server and face
 * engine: sign-up by SMS code, consent, face enrollment through the (fake) camera, wallet top-up, 免密 and PIN,
 * receipts with a deep link, my face data with deletion and withdrawal, English once, and what bad input looks like.
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
import {
  captureFace,
  DEMO_MERCHANT,
  enrollFace,
  giveConsent,
  goToTab,
  MEMBER_VIEWPORT,
  openMemberApp,
  registerAndEnroll,
  requestCode,
  setPaymentPin,
  signIn,
  storedToken,
} from './member-steps.ts';

let stack: E2eStack;
let photos: { a: Buffer; aAgain: Buffer; b: Buffer };
const contexts: BrowserContext[] = [];

const newContext = async () => {
  const context = await stack.browser.newContext({ viewport: MEMBER_VIEWPORT });
  contexts.push(context);
  return context;
};

/**
 * Stands in for the kiosk: a face+PIN payment recorded through the server's own payment service, with the demo
 * store and the demo catalogue's member price (the kiosk spec pays through the kiosk UI itself).
 */
async function purchaseAsTheKioskWould(memberId: string): Promise<{ paymentId: string }> {
  const db = stack.server.database.db;
  const demo = stack.server.demo!;
  const product = await db
    .selectFrom('products')
    .selectAll()
    .where('merchant_id', '=', demo.merchantId)
    .where('sku', '=', 'YB-001')
    .executeTakeFirstOrThrow();
  const unit = product.member_price_fen ?? product.price_fen;
  const { payments } = stack.server.services;
  const items = [
    {
      productId: product.id,
      name: product.name,
      quantity: 2,
      unitPriceFen: product.price_fen,
      memberPriceFen: product.member_price_fen,
      lineTotalFen: unit * 2,
    },
  ];
  return payments.pay({
    merchantId: demo.merchantId,
    storeId: demo.storeIds[0]!,
    deviceId: null,
    memberId,
    faceSessionId: null,
    amountFen: unit * 2,
    items,
    verification: 'face+pin',
    idempotencyKey: `member-e2e-${memberId}`,
  });
}

async function refundAsStaff(paymentId: string, amountFen: number, reason: string): Promise<void> {
  const call = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${path} → ${response.status} ${await response.clone().text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const { token } = (await call('/v1/auth/login', { username: 'boss', password: DEMO_PASSWORD })) as { token: string };
  await call(
    `/v1/merchants/${stack.server.demo!.merchantId}/payments/${paymentId}/refunds`,
    { amountFen, reason, idempotencyKey: `member-e2e-refund-${paymentId}` },
    token,
  );
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const alert = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

before(async () => {
  stack = await startE2eStack();
  photos = await shopperPhotos();
});

/**
 * Every screen a member sees on a 375 px phone: WCAG A/AA by axe, no sideways scrolling, 44 px touch targets and no
 * text under 14 px.
 */
async function expectPhoneScreen(page: Page, what: string) {
  await expectAccessible(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: scrolls sideways by ${overflow}px at ${MEMBER_VIEWPORT.width}px`);
  await expectTouchFriendly(page, what, { minTargetPx: 44, minTextPx: 14 });
}

after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stack?.close();
});

test('a link without a merchant, or with an unknown one, says so', { timeout: 120_000 }, async () => {
  const page = await (await newContext()).newPage();
  await page.goto(`${stack.url}/member/`);
  await page.getByRole('heading', { name: '链接不完整' }).waitFor();
  await expectPhoneScreen(page, 'member app without a merchant');
  await page.goto(`${stack.url}/member/?m=no-such-shop`);
  await alert(page, '商户代码“no-such-shop”不存在').waitFor();
  await screenshot(page, 'member-unknown-merchant');
});

test(
  'the whole member journey: sign-up, consent, enrollment, wallet, 免密 and PIN, receipts, my face data',
  { timeout: 600_000 },
  async () => {
    const phone = '13800138001';
    const context = await newContext();
    await installFakeCamera(context, { photo: photos.a, respondsToScreen: true });
    const page = await openMemberApp(stack, context);

    // Sign-up
    await page.getByRole('heading', { name: '手机号登录 / 注册', level: 1 }).waitFor();
    await expectPhoneScreen(page, 'sign-in');
    await screenshot(page, 'member-sign-in');
    await signIn(page, stack, phone, '王小明');

    // Consent: the full text, an unticked box, and nothing happens without the tick
    await page.getByRole('heading', { name: /人脸信息处理同意书/, level: 1 }).waitFor();
    const consentText = await page.locator('.consent-text').innerText();
    for (const part of ['处理者：鸭脖小铺', '目的：', '保存期限：', '撤回'])
      assert.ok(consentText.includes(part), `the consent text names ${part}`);
    const box = page.getByRole('checkbox', { name: /我已阅读并同意/ });
    assert.equal(await box.isChecked(), false, 'the consent box starts unticked');
    assert.equal(await page.locator('video').count(), 0, 'no camera before consent');
    await page.getByRole('button', { name: '同意并继续' }).click();
    await alert(page, '请先勾选同意').waitFor();
    await expectPhoneScreen(page, 'consent');
    await screenshot(page, 'member-consent');
    await giveConsent(page);

    // Enrollment through the camera
    await expectPhoneScreen(page, 'face enrollment');
    await screenshot(page, 'member-enroll-camera');
    const started = Date.now();
    await enrollFace(page);
    console.log(`enrollment answered in ${Date.now() - started} ms (includes the face engine's first load)`);
    await status(page, /保存了 \d+ 个人脸特征值/).waitFor();
    await expectPhoneScreen(page, 'enrolled');
    await screenshot(page, 'member-enrolled');
    await page.getByRole('button', { name: '完成', exact: true }).click();

    // Wallet: empty, then receipts are empty, then a top-up with a bad amount first
    await page.getByRole('heading', { name: '你好，王小明', level: 1 }).waitFor();
    await page.getByTestId('balance').filter({ hasText: '¥0.00' }).waitFor();
    await page.getByText('已与账本核对一致').waitFor();
    await goToTab(page, '收据');
    await page.getByTestId('receipts-empty').waitFor();
    await expectPhoneScreen(page, 'receipts (empty)');
    await screenshot(page, 'member-receipts-empty');

    await goToTab(page, '钱包');
    await page.getByLabel('充值金额（元）').fill('12.345');
    await page.getByRole('button', { name: '充值', exact: true }).click();
    await alert(page, '请输入正确的金额').waitFor();
    await page.getByLabel('充值金额（元）').fill('88.8');
    await page.getByRole('button', { name: '充值', exact: true }).click();
    await status(page, '已充值 ¥88.80，当前余额 ¥88.80').waitFor();
    await page.getByTestId('balance').filter({ hasText: '¥88.80' }).waitFor();
    await page.locator('.history li').filter({ hasText: '充值' }).filter({ hasText: '+¥88.80' }).waitFor();
    await expectPhoneScreen(page, 'wallet');
    await screenshot(page, 'member-wallet');

    // 免密 needs a PIN; PIN input is checked here and by the server
    await goToTab(page, '免密支付');
    await page.getByRole('switch', { name: '开启免密支付' }).check();
    await page.getByRole('button', { name: '保存免密设置' }).click();
    await alert(page, '请先设置 6 位支付密码').waitFor();
    await page.getByLabel('新支付密码（6 位数字）').fill('258036');
    await page.getByLabel('再次输入新支付密码').fill('258037');
    await page.getByRole('button', { name: '设置支付密码' }).click();
    await alert(page, '两次输入的支付密码不一致').waitFor();
    await page.getByLabel('新支付密码（6 位数字）').fill('123456');
    await page.getByLabel('再次输入新支付密码').fill('123456');
    await page.getByRole('button', { name: '设置支付密码' }).click();
    await alert(page, '密码太简单').waitFor();
    assert.equal(await page.getByLabel('新支付密码（6 位数字）').getAttribute('type'), 'password', 'the PIN is masked');
    await setPaymentPin(page, '258036');
    await page.getByTestId('pin-state').filter({ hasText: '已设置支付密码' }).waitFor();

    await page.getByLabel('单笔限额（元）').fill('300');
    await page.getByLabel('每日限额（元）').fill('100');
    await page.getByRole('button', { name: '保存免密设置' }).click();
    await alert(page, '单笔限额不能高于每日限额').waitFor();
    await page.getByLabel('单笔限额（元）').fill('50');
    await page.getByLabel('每日限额（元）').fill('200');
    await page.getByRole('button', { name: '保存免密设置' }).click();
    await status(page, '免密设置已保存：免密支付已开启，单笔 ¥50.00，每日 ¥200.00').waitFor();
    await page.getByTestId('password-free-state').filter({ hasText: '免密支付已开启' }).waitFor();

    await page.getByLabel('当前支付密码').fill('000000');
    await page.getByLabel('新支付密码（6 位数字）').fill('741852');
    await page.getByLabel('再次输入新支付密码').fill('741852');
    await page.getByRole('button', { name: '修改支付密码' }).click();
    await alert(page, '当前支付密码不正确').waitFor();
    await setPaymentPin(page, '741852', '258036');
    await expectPhoneScreen(page, '免密 and PIN');
    await screenshot(page, 'member-payments');

    const token = await storedToken(page);
    const agreement = (await (
      await fetch(`${stack.url}/v1/member/payment-agreement`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as Record<string, unknown>;
    assert.deepEqual(agreement, {
      passwordFree: true,
      perPaymentLimitFen: 5_000,
      dailyLimitFen: 20_000,
      pinSet: true,
      pinLockedUntil: null,
    });

    // Receipts: the top-up's receipt, opened from the list and by a deep link in a fresh page
    await goToTab(page, '收据');
    await page.getByRole('link', { name: /查看收据：充值/ }).click();
    await page.getByRole('heading', { name: '收据详情 · 充值', level: 1 }).waitFor();
    await page.locator('.receipt').getByText('¥88.80').first().waitFor();
    const receiptHash = new URL(page.url()).hash;
    assert.match(receiptHash, /^#\/receipts\/[0-9a-f-]{36}$/);
    await expectPhoneScreen(page, 'receipt');
    const linked = await openMemberApp(stack, context, DEMO_MERCHANT, receiptHash);
    await linked.getByRole('heading', { name: '收据详情 · 充值', level: 1 }).waitFor();
    await linked.close();

    // The same face cannot be enrolled for a second member
    const other = await newContext();
    await installFakeCamera(other, { photo: photos.aAgain, respondsToScreen: true });
    const second = await openMemberApp(stack, other);
    await signIn(second, stack, '13800138002');
    await giveConsent(second);
    await captureFace(second);
    await second.getByText('这张脸已经被另一个会员录入过了').waitFor();
    await screenshot(second, 'member-enroll-duplicate-face');
    await other.close();

    // My face data, once in English
    await goToTab(page, '我的人脸');
    await page.getByTestId('face-status').filter({ hasText: '已录入' }).waitFor();
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('heading', { name: 'My face data', level: 1 }).waitFor();
    await page.getByTestId('face-status').filter({ hasText: 'Enrolled' }).waitFor();
    await page.getByRole('link', { name: 'Wallet' }).waitFor();
    await expectPhoneScreen(page, 'my face data (English)');
    await screenshot(page, 'member-face-data-en');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.getByRole('heading', { name: '我的人脸数据', level: 1 }).waitFor();
    const facts = await page.getByTestId('face-facts').innerText();
    assert.match(facts, /人脸特征值\s+\d+ 个（加密存储）/);
    assert.match(facts, /原始照片\s+不保存/);

    // Delete the face data (asked first), then withdraw consent
    await page.getByRole('button', { name: '删除人脸数据' }).click();
    const dialog = page.getByRole('dialog', { name: '删除人脸数据？' });
    await dialog.waitFor();
    await expectPhoneScreen(page, 'delete face data dialog');
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await status(page, /人脸数据已删除（\d+ 个特征值/).waitFor();
    await page.getByTestId('face-status').filter({ hasText: '未录入' }).waitFor();
    await page.getByTestId('consent-status').filter({ hasText: '已同意版本' }).waitFor();

    await page.getByRole('button', { name: '撤回同意' }).click();
    const withdraw = page.getByRole('dialog', { name: '撤回人脸信息处理同意？' });
    await withdraw.getByText('撤回同意会立即删除您的全部人脸数据').waitFor();
    await withdraw.getByRole('button', { name: '确认撤回并删除' }).click();
    await status(page, '已撤回同意').waitFor();
    await page.getByTestId('consent-status').filter({ hasText: '未同意' }).waitFor();
    await page.getByRole('button', { name: '开通刷脸支付' }).waitFor();
    await expectPhoneScreen(page, 'my face data after withdrawal');
    await screenshot(page, 'member-face-data');

    // Signing out forgets the session
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('您已退出登录。').waitFor();
    assert.equal(await page.evaluate(`localStorage.getItem('shualian.member.session.${DEMO_MERCHANT}')`), null);

    // The kiosk's receipt QR opened while signed out leads through sign-in to that receipt.
    // The code from the first sign-in may be under a minute old: the app then counts down to when it may ask again.
    await page.goto(`${stack.url}/member/?m=${DEMO_MERCHANT}${receiptHash}`);
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await status(page, '验证码已发送').or(alert(page, '验证码发送太频繁')).waitFor();
    if (await alert(page, '验证码发送太频繁').isVisible()) {
      await page.getByRole('button', { name: /秒后可重新发送/ }).waitFor();
      await page.getByRole('button', { name: '获取验证码' }).and(page.locator(':enabled')).waitFor({ timeout: 90_000 });
      await page.getByRole('button', { name: '获取验证码' }).click();
      await status(page, '验证码已发送').waitFor();
    }
    await page.getByLabel('短信验证码').fill(await stack.latestOtp(phone));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '收据详情 · 充值', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).hash, receiptHash);
  },
);

test(
  'a wrong SMS code, a resend too soon, and a camera that sees no face get clear words',
  { timeout: 300_000 },
  async () => {
    const phone = '13800138003';
    const context = await newContext();
    // A picture with nobody in it: a plain gradient drawn by the browser.
    const scratch = await context.newPage();
    const nobody = Buffer.from(
      (await scratch.evaluate(`(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 640; canvas.height = 480;
      const g = canvas.getContext('2d');
      const gradient = g.createLinearGradient(0, 0, 640, 480);
      gradient.addColorStop(0, '#9aa7b8'); gradient.addColorStop(1, '#d9c8a5');
      g.fillStyle = gradient; g.fillRect(0, 0, 640, 480);
      return canvas.toDataURL('image/jpeg', 0.9).slice('data:image/jpeg;base64,'.length);
    })()`)) as string,
      'base64',
    );
    await scratch.close();
    await installFakeCamera(context, { photo: nobody, respondsToScreen: true });
    const page = await openMemberApp(stack, context);

    await page.getByLabel('手机号').fill('12345');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await alert(page, '请输入 11 位中国大陆手机号').waitFor();

    await requestCode(page, phone);
    await page
      .getByRole('button', { name: /\d+ 秒后可重新发送/ })
      .and(page.locator(':disabled'))
      .waitFor();
    const real = await stack.latestOtp(phone);
    await page.getByLabel('短信验证码').fill(real === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await alert(page, '验证码不正确').waitFor();
    await expectPhoneScreen(page, 'sign-in with a wrong code');
    await screenshot(page, 'member-sign-in-wrong-code');

    await page.getByLabel('短信验证码').fill(real);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await giveConsent(page);
    await captureFace(page);
    await page.getByText('没有拍到清楚的人脸').waitFor();
    await page.getByText('没有看到人脸，请把脸放进椭圆框内').waitFor();
    await page.getByRole('button', { name: '再试一次' }).waitFor();
    await expectPhoneScreen(page, 'enrollment failed');
    await screenshot(page, 'member-enroll-no-face');
  },
);

test(
  'registerAndEnroll: the step other specs use leaves a member ready to pay by face',
  { timeout: 300_000 },
  async () => {
    const context = await newContext();
    const { page, memberToken, memberId } = await registerAndEnroll(stack, context, {
      phone: '13800138004',
      photo: photos.b,
      displayName: '李四',
      topUpYuan: 150,
      passwordFree: { perPaymentYuan: 80, dailyYuan: 300 },
      pin: '385216',
    });
    assert.match(memberId, /^[0-9a-f-]{36}$/);
    const headers = { authorization: `Bearer ${memberToken}` };
    const wallet = (await (await fetch(`${stack.url}/v1/member/wallet`, { headers })).json()) as {
      balanceFen: number;
      verified: boolean;
    };
    assert.deepEqual(
      { balanceFen: wallet.balanceFen, verified: wallet.verified },
      { balanceFen: 15_000, verified: true },
    );
    const agreement = (await (await fetch(`${stack.url}/v1/member/payment-agreement`, { headers })).json()) as Record<
      string,
      unknown
    >;
    assert.deepEqual(agreement, {
      passwordFree: true,
      perPaymentLimitFen: 8_000,
      dailyLimitFen: 30_000,
      pinSet: true,
      pinLockedUntil: null,
    });
    const face = (await (await fetch(`${stack.url}/v1/member/face`, { headers })).json()) as { enrolled: boolean };
    assert.equal(face.enrolled, true);

    // A purchase in the store and a partial refund by staff, then the member reads both receipts.
    const { paymentId } = await purchaseAsTheKioskWould(memberId);
    await refundAsStaff(paymentId, 1_000, '少了一盒');
    await goToTab(page, '收据');
    await page.getByRole('link', { name: /查看收据：消费/ }).click();
    const receipt = page.locator('.receipt');
    await page.getByRole('heading', { name: '收据详情 · 消费', level: 1 }).waitFor();
    await receipt.getByRole('cell', { name: /招牌卤鸭脖/ }).waitFor();
    await receipt.getByText('会员价 ¥25.00（原价 ¥28.00）').waitFor();
    const totals = await receipt.locator('.totals').innerText();
    assert.match(totals, /会员优惠\s+-¥6\.00/);
    assert.match(totals, /实付\s+¥50\.00/);
    assert.match(totals, /验证方式\s+刷脸 \+ 支付密码/);
    await receipt.getByRole('link', { name: /退款 ¥10\.00/ }).waitFor();
    await receipt.getByText('原因：少了一盒').waitFor();
    await expectPhoneScreen(page, 'purchase receipt with a refund');
    await screenshot(page, 'member-receipt-purchase');
    await receipt.getByRole('link', { name: /退款 ¥10\.00/ }).click();
    await page.getByRole('heading', { name: '收据详情 · 退款', level: 1 }).waitFor();
    await page.locator('.receipt').getByRole('link', { name: /\d/ }).click();
    await page.getByRole('heading', { name: '收据详情 · 消费', level: 1 }).waitFor();

    await screenshot(page, 'member-ready-to-pay');
  },
);
