/**
 * Member-only doors on the stores page, in headless Chromium against the real server: the store manager registers an
 * entrance camera, then a door (a bad relay URL is refused in words), reads the door's public key for the relay,
 * chooses the door the camera watches and disables the door. Opening it by face is proven by the server's specs
 * (door-access.int.spec.ts, with a real relay); here, what staff see and that it is accessible.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { expectAccessible, screenshot, startE2eStack, type E2eStack } from '@shualian/server/testing/browser';
import { signInToConsole } from './console-steps.ts';

const CAMERA = '南山店会员门摄像头';
let stack: E2eStack;
let context: BrowserContext;

before(async () => {
  stack = await startE2eStack();
  context = await stack.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  await stack?.close();
});

test(
  'the store manager registers a member-only door, binds the camera that watches it and disables it',
  { timeout: 240_000 },
  async () => {
    const page = await context.newPage();
    await signInToConsole(page, stack.url, 'manager');
    const form = page.locator('section[aria-labelledby="register-device-title"]');
    await form.locator('#register-kind').selectOption('entrance_camera');
    await form.locator('#register-name').fill(CAMERA);
    await form.locator('button[type="submit"]').click();
    await form.getByTestId('activation-code').waitFor();

    const doors = page.locator('.store-doors').first();
    await doors.getByText('这家门店还没有会员专用门。').waitFor();
    await doors.getByLabel('门名称').fill('会员通道');
    await doors.getByLabel('门控地址').fill('ftp://192.168.1.20/open');
    await doors.getByRole('button', { name: '登记门' }).click();
    await doors.getByText('门控地址必须是 http 或 https 地址，不含用户名、密码或 #。').waitFor();

    await doors.getByLabel('门控地址').fill('http://192.168.1.20/open');
    await doors.getByRole('button', { name: '登记门' }).click();
    await doors.getByRole('status').filter({ hasText: '已登记“会员通道”' }).waitFor();
    const row = doors.locator('tr[data-door-name="会员通道"]');
    const key = (await row.locator('code.door-key').textContent())!.trim();
    assert.match(key, /^[A-Za-z0-9_-]{40,}$/, 'the public key for the relay, base64url');

    const watched = doors.getByLabel(`“${CAMERA}”看的门`);
    await watched.selectOption({ label: '会员通道' });
    await doors
      .getByRole('status')
      .filter({ hasText: `已保存“${CAMERA}”看的门。` })
      .waitFor();
    await row.getByText(CAMERA).waitFor();

    await row.getByRole('button', { name: '停用门 会员通道' }).click();
    await row.getByText('已停用').waitFor();
    await doors.getByText('还没有开门记录。').waitFor();
    await expectAccessible(page, 'console stores with a member-only door');
    await screenshot(page, 'console-doors');
  },
);
