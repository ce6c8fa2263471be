import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  expectAccessible,
  expectTouchFriendly,
  screenshot,
  startE2eStack,
  type E2eStack,
} from '@shualian/server/testing/browser';
import type { Browser, Page } from 'playwright-core';
import { openMemberApp, signIn, storedToken } from '../../member/e2e/member-steps.ts';
import { signInToConsole } from './console-steps.ts';

const SHOPPER_PHONE = '13912340815';
const UI_TIMEOUT_MS = 30_000;

let stack: E2eStack;
let browser: Browser;

before(async () => {
  stack = await startE2eStack();
  browser = stack.browser;
});
after(async () => {
  await stack?.close();
});

/** The boss sets up a 满减 and a coupon in the console, gives the coupon to a member, and the member finds it. */
test('a 满减 promotion and a granted coupon, from the console to the member wallet', { timeout: 300_000 }, async () => {
  const memberContext = await browser.newContext();
  const member = await openMemberApp(stack, memberContext);
  await signIn(member, stack, SHOPPER_PHONE, '刘先生');
  const token = await storedToken(member);
  const me = await fetch(`${stack.url}/v1/member/me`, { headers: { authorization: `Bearer ${token}` } });
  const { memberId } = (await me.json()) as { memberId: string };

  const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page: Page = await consoleContext.newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await signInToConsole(page, stack.url, 'boss');
  await page.goto(`${stack.url}/console/#/promotions`);
  await page.getByRole('heading', { level: 1, name: '促销与优惠券' }).waitFor();

  // A 满减 with two tiers; the second tier first wrong (it takes off less than the first), corrected in place.
  await page.getByRole('button', { name: '新建促销' }).click();
  const promotionForm = page.locator('dialog form');
  await promotionForm.getByLabel('名称').fill('周末满减');
  await promotionForm.getByLabel('第 1 档：满（元）').fill('50');
  await promotionForm.getByLabel('第 1 档：减（元）').fill('10');
  await promotionForm.getByRole('button', { name: '加一档' }).click();
  await promotionForm.getByLabel('第 2 档：满（元）').fill('100');
  await promotionForm.getByLabel('第 2 档：减（元）').fill('8');
  await promotionForm.getByRole('button', { name: '保存' }).click();
  await promotionForm.getByText('每一档的门槛和减的金额都要高于上一档。').waitFor();
  await expectAccessible(page, 'console promotion form');
  await screenshot(page, 'console-promotion-form');
  await promotionForm.getByLabel('第 2 档：减（元）').fill('25');
  await promotionForm.getByRole('button', { name: '保存' }).click();
  const promotionRow = page.getByTestId('promotion-row').filter({ hasText: '周末满减' });
  await promotionRow.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match((await promotionRow.textContent()) ?? '', /满¥50减¥10 满¥100减¥25/);
  assert.match((await promotionRow.textContent()) ?? '', /进行中/);
  await expectAccessible(page, 'console promotions');
  await screenshot(page, 'console-promotions');

  await promotionRow.getByRole('button', { name: '暂停“周末满减”' }).click();
  await promotionRow.getByText('已暂停').waitFor({ timeout: UI_TIMEOUT_MS });
  await promotionRow.getByRole('button', { name: '恢复“周末满减”' }).click();
  await promotionRow.getByText('进行中').waitFor({ timeout: UI_TIMEOUT_MS });

  // A coupon template: 满30减5, 30 days from issue.
  await page.getByRole('button', { name: '新建优惠券' }).click();
  const templateForm = page.locator('dialog form');
  await templateForm.getByLabel('优惠券名称').fill('满30减5券');
  await templateForm.getByLabel('第 1 档：满（元）').fill('30');
  await templateForm.getByLabel('第 1 档：减（元）').fill('5');
  await templateForm.getByRole('button', { name: '保存' }).click();
  const templateRow = page.getByTestId('coupon-template-row').filter({ hasText: '满30减5券' });
  await templateRow.waitFor({ timeout: UI_TIMEOUT_MS });

  // Given to the member: the reason is required.
  await templateRow.getByRole('button', { name: '把“满30减5券”发给一位会员' }).click();
  const grantForm = page.locator('dialog form');
  await grantForm.getByLabel('会员编号').fill(memberId);
  await grantForm.getByRole('button', { name: '发给会员' }).click();
  await grantForm.getByText('请写明发放原因（会记入操作日志）。').waitFor();
  await grantForm.getByLabel('发放原因').fill('投诉补偿');
  await grantForm.getByRole('button', { name: '发给会员' }).click();
  await grantForm.getByRole('status').filter({ hasText: '已发放' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'console-coupon-grant');
  await grantForm.getByRole('button', { name: '关闭' }).click();
  await templateRow.locator('td.num').first().filter({ hasText: /^1$/ }).waitFor({ timeout: UI_TIMEOUT_MS });

  // The member finds it under 可用 on the coupon screen, reached from the wallet.
  await member.goto(`${stack.url}/member/?m=yabo#/home`);
  await member.getByTestId('coupons-link').click();
  await member.getByRole('heading', { level: 1, name: '我的优惠券' }).waitFor({ timeout: UI_TIMEOUT_MS });
  const usable = member.getByTestId('coupons-usable');
  await usable.getByText('满30减5券').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match((await usable.textContent()) ?? '', /满30减5/);
  assert.match((await usable.textContent()) ?? '', /商家赠送/);
  await expectAccessible(member, 'member coupons');
  await expectTouchFriendly(member, 'member coupons', { minTargetPx: 44, minTextPx: 14 });
  await screenshot(member, 'member-coupons');
  await consoleContext.close();
  await memberContext.close();
});
