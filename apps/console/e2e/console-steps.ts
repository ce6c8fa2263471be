import { DEMO_PASSWORD, type E2eStack } from '@shualian/server/testing/browser';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Steps other browser specs reuse: a staff member signs in to the merchant console, or registers a kiosk there and
 * reads its one-time activation code (which the kiosk's activation screen then takes). Selectors are ids, so the
 * steps work in either language.
 */
export async function signInToConsole(
  page: Page,
  url: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${url}/console/#/stores`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('signed-in-as').waitFor();
}

export async function registerKioskInConsole(
  stack: E2eStack,
  context: BrowserContext,
  options: { username: string; storeName?: string; deviceName: string },
): Promise<string> {
  const page = await context.newPage();
  try {
    await signInToConsole(page, stack.url, options.username);
    await page.goto(`${stack.url}/console/#/stores`);
    const form = page.locator('section[aria-labelledby="register-device-title"]');
    await form.locator('#register-store').waitFor();
    if (options.storeName) await form.locator('#register-store').selectOption({ label: options.storeName });
    await form.locator('#register-kind').selectOption('kiosk');
    await form.locator('#register-name').fill(options.deviceName);
    await form.locator('button[type="submit"]').click();
    const code = (await form.getByTestId('activation-code').textContent({ timeout: 30_000 }))?.trim();
    if (!code) throw new Error('the console showed no activation code');
    return code;
  } finally {
    await page.close();
  }
}
