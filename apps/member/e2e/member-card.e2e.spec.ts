/**
 * 会员卡 end to end at phone size: a new member opens the card (number, a QR code that scans at the till, no points
 * yet), pays, and finds the points the payment earned with their history; the code is fetched again before it expires.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import QRCode from 'qrcode';
import type { BrowserContext, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectTouchFriendly,
  screenshot,
  startE2eStack,
  type E2eStack,
} from '@shualian/server/testing/browser';
import { goToTab, MEMBER_VIEWPORT, openMemberApp, signIn, storedToken, topUp } from './member-steps.ts';

const PHONE = '13912340731';
let stack: E2eStack;
let context: BrowserContext;

before(async () => {
  stack = await startE2eStack();
  context = await stack.browser.newContext({ viewport: MEMBER_VIEWPORT });
});
after(async () => {
  await context?.close().catch(() => undefined);
  await stack?.close();
});

/** A payment as the kiosk records it after a face match and PIN, through the server's own payment service. */
async function payAsTheKioskWould(memberId: string): Promise<number> {
  const demo = stack.server.demo!;
  const product = await stack.server.database.db
    .selectFrom('products')
    .selectAll()
    .where('merchant_id', '=', demo.merchantId)
    .where('sku', '=', 'YB-001')
    .executeTakeFirstOrThrow();
  const unit = product.member_price_fen ?? product.price_fen;
  await stack.server.services.payments.pay({
    merchantId: demo.merchantId,
    storeId: demo.storeIds[0]!,
    deviceId: null,
    memberId,
    faceSessionId: null,
    amountFen: unit * 2,
    items: [
      {
        productId: product.id,
        name: product.name,
        quantity: 2,
        unitPriceFen: product.price_fen,
        memberPriceFen: product.member_price_fen,
        lineTotalFen: unit * 2,
      },
    ],
    verification: 'face+pin',
    idempotencyKey: `member-card-e2e-${memberId}`,
  });
  return unit * 2;
}

async function memberGet<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `${path} → ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The QR image on the screen, read module by module, against the QR code the same payload makes: every dark and light
 * module in place means the picture is that payload as a real, scannable QR code.
 */
async function expectQrOf(page: Page, payload: string): Promise<void> {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const margin = 2;
  const dark = await page.getByTestId('card-qr').evaluate(
    (img: HTMLImageElement, { size, margin }) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const scale = img.naturalWidth / (size + margin * 2);
      const cells: boolean[] = [];
      for (let row = 0; row < size; row++)
        for (let col = 0; col < size; col++) {
          const x = Math.floor((margin + col + 0.5) * scale);
          const y = Math.floor((margin + row + 0.5) * scale);
          cells.push(context.getImageData(x, y, 1, 1).data[0]! < 128);
        }
      return cells;
    },
    { size, margin },
  );
  const expected = Array.from({ length: size * size }, (_, i) => qr.modules.data[i] === 1);
  const wrong = expected.filter((module, i) => module !== dark[i]).length;
  assert.equal(wrong, 0, `${wrong} of ${size * size} QR modules differ from the payload's QR code`);
}

/** A staff call as the console makes it: signed in as `username`, on the demo merchant. */
async function asStaff(
  username: string,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const login = await fetch(`${stack.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${stack.url}/v1/merchants/${stack.server.demo!.merchantId}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const scanAtTheTill = (payload: string) => asStaff('cashier', 'POST', '/loyalty/card-scans', { payload });

test(
  'a member opens 会员卡: number, a QR code that scans, then the points a payment earned',
  { timeout: 300_000 },
  async () => {
    const page = await openMemberApp(stack, context);
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    await signIn(page, stack, PHONE, '李先生');
    const token = await storedToken(page);
    const { memberId } = await memberGet<{ memberId: string }>(token, '/v1/member/me');

    await goToTab(page, '会员卡');
    await page.getByRole('heading', { name: '会员卡', level: 1 }).waitFor();
    const number = (await page.getByTestId('card-number').innerText()).trim();
    assert.match(number, /^88\d{2} \d{4} \d{4}$/, 'twelve digits in groups of four');
    const card = await memberGet<{ cardNumber: string }>(token, '/v1/member/loyalty/card');
    assert.equal(number.replace(/ /g, ''), card.cardNumber.replace(/ /g, ''));
    await page.getByTestId('points-balance').filter({ hasText: '0 积分' }).waitFor();
    await page.getByText('还没有积分记录。付款后会获得积分。').waitFor();
    await page.getByText('本店暂时没有储值方案。').waitFor();

    const qr = page.getByTestId('card-qr');
    await qr.waitFor();
    assert.equal(await qr.getAttribute('alt'), '会员码：在收银台出示给店员扫描');
    const payload = (await qr.getAttribute('data-payload'))!;
    await expectQrOf(page, payload);
    const scanned = await scanAtTheTill(payload);
    assert.equal(scanned.status, 200, JSON.stringify(scanned.body));
    assert.equal(scanned.body.memberId, memberId, 'the code shown is this member’s card');

    await expectAccessible(page, '会员卡 before a payment');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `会员卡 scrolls sideways by ${overflow}px`);
    await expectTouchFriendly(page, '会员卡', { minTargetPx: 44, minTextPx: 14 });
    await screenshot(page, 'member-card-new');

    // Before it expires (60 s), the screen fetches a fresh code by itself.
    const firstExpiry = (await qr.getAttribute('data-expires-at'))!;
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="card-qr"]')?.getAttribute('data-expires-at') !== before,
      firstExpiry,
      { timeout: 60_000 },
    );
    const fresh = (await qr.getAttribute('data-payload'))!;
    assert.notEqual(fresh, payload);
    assert.ok(Date.parse((await qr.getAttribute('data-expires-at'))!) > Date.now(), 'the code shown has not expired');
    await expectQrOf(page, fresh);

    // The merchant sets tiers by spend (普通 from 0, 金卡 from ¥500) and offers 充100送20 at the counter.
    const tiers = await asStaff('boss', 'PUT', '/loyalty/tiers', {
      tiers: [
        { name: '普通', threshold: 0, discountPercent: 0, pointsMultiplierPercent: 100, birthdayPoints: 0 },
        { name: '金卡', threshold: 50_000, discountPercent: 10, pointsMultiplierPercent: 150, birthdayPoints: 0 },
      ],
    });
    assert.equal(tiers.status, 200, JSON.stringify(tiers.body));
    const program = await asStaff('boss', 'PATCH', '/loyalty/program', { tierBasis: 'spend' });
    assert.equal(program.status, 200, JSON.stringify(program.body));
    const plan = await asStaff('boss', 'POST', '/stored-value-plans', {
      name: '充100送20',
      priceFen: 10_000,
      bonusFen: 2_000,
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      perMemberLimit: 2,
    });
    assert.equal(plan.status, 201, JSON.stringify(plan.body));

    // A payment earns points (the loyalty subscriber credits it once the payment event is delivered).
    await topUp(page, 100);
    const paidFen = await payAsTheKioskWould(memberId);
    let points = { balance: 0, history: [] as Array<{ kind: string; points: number }> };
    for (const started = Date.now(); points.balance === 0 && Date.now() - started < 60_000;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      points = await memberGet(token, '/v1/member/loyalty/points');
    }
    assert.ok(points.balance > 0, `a payment of ${paidFen} fen earned points`);

    await goToTab(page, '钱包');
    await goToTab(page, '会员卡');
    await page
      .getByTestId('points-balance')
      .filter({ hasText: `${points.balance} 积分` })
      .waitFor();
    const earned = page.getByTestId('points-history').getByRole('listitem').filter({ hasText: '消费获得' });
    await earned.filter({ hasText: `+${points.balance}` }).waitFor();
    assert.match(await earned.first().innerText(), /\d{4}/, 'the movement is dated');
    assert.equal(await page.getByTestId('stored-value-principal').innerText(), await principalText(token));
    // The payment put the member in 普通; what is left to 金卡 is the server's progress, in yuan.
    const progress = await memberGet<{ progress: { next: { remaining: number } | null } }>(
      token,
      '/v1/member/loyalty/card',
    );
    assert.ok(progress.progress.next, 'a next tier');
    const remaining = progress.progress.next.remaining;
    assert.equal(remaining, 50_000 - paidFen, 'the spend left to 金卡 is ¥500 less what was paid');
    await page
      .getByTestId('tier-progress')
      .filter({
        hasText: `再消费 ¥${Math.floor(remaining / 100)}.${String(remaining % 100).padStart(2, '0')} 升级金卡`,
      })
      .waitFor();
    await page.getByTestId('tier-badge').filter({ hasText: '普通' }).waitFor();
    const offered = page.getByTestId('plans').getByRole('listitem').filter({ hasText: '充100送20' });
    await offered.filter({ hasText: '充 ¥100.00 送 ¥20.00' }).filter({ hasText: '到店购买' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /购买|充值/ }).count(), 0, 'plans are not bought in the app');
    await expectAccessible(page, '会员卡 after a payment');
    await screenshot(page, 'member-card-paid');

    // Once in English: five tabs and the card still fit a 375 px phone.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('heading', { name: 'Member card', level: 1 }).waitFor();
    await page
      .getByTestId('points-balance')
      .filter({ hasText: `${points.balance} points` })
      .waitFor();
    const overflowEn = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflowEn <= 0, `the card in English scrolls sideways by ${overflowEn}px`);
    await expectTouchFriendly(page, 'member card (English)', { minTargetPx: 44, minTextPx: 14 });
    await expectAccessible(page, 'member card (English)');
    await screenshot(page, 'member-card-en');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
  },
);

async function principalText(token: string): Promise<string> {
  const card = await memberGet<{ storedValue: { principalFen: number } }>(token, '/v1/member/loyalty/card');
  return `¥${(card.storedValue.principalFen / 100).toFixed(2)}`;
}
