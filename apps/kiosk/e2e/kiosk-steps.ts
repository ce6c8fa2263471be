/**
 * Steps that set up the checkout kiosk like the store's staff do, for any browser spec:
 *
 *   const page = await openActivatedKiosk(stack, context, '南山店 e2e 收银机');   // idle screen, ready for a cart
 *
 * The store manager (demo account `manager`) registers the kiosk in their store; the kiosk page is opened from the
 * link staff use (`/kiosk/?m=yabo`, which names the merchant for receipt links) and activated with the code.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, type E2eStack } from '@shualian/server/testing/browser';

/** The touch targets and text sizes the kiosk's stylesheet promises, for expectTouchFriendly. */
export const KIOSK_TOUCH = { minTargetPx: 64, minTextPx: 18 } as const;

async function post<T>(stack: E2eStack, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `POST ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The store manager registers a kiosk in their store; the console would show this code once. */
export async function kioskActivationCode(stack: E2eStack, deviceName: string): Promise<string> {
  const manager = await post<{ token: string; staff: { merchantId: string; storeId: string } }>(
    stack,
    '/v1/auth/login',
    { username: 'manager', password: DEMO_PASSWORD },
  );
  const { merchantId, storeId } = manager.staff;
  const registered = await post<{ activationCode: string }>(
    stack,
    `/v1/merchants/${merchantId}/stores/${storeId}/devices`,
    { kind: 'kiosk', name: deviceName },
    manager.token,
  );
  return registered.activationCode;
}

/** Opens the kiosk in `context` (its camera installed already), activates it, and waits for the idle screen. */
export async function openActivatedKiosk(stack: E2eStack, context: BrowserContext, deviceName: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`[kiosk console] ${m.text()}`));
  await page.goto(`${stack.url}/kiosk/?m=yabo`);
  await page.getByLabel('激活码').fill(await kioskActivationCode(stack, deviceName));
  await page.getByRole('button', { name: '激活' }).tap();
  await page.getByRole('button', { name: '点击开始' }).waitFor();
  return page;
}
