import type { Browser } from 'playwright-core';

/**
 * A printed EAN-13 barcode as the camera would see it held up close: a 640×480 JPEG drawn in the browser (no image
 * library needed), standard encoding, 5-pixel modules, quiet zones on both sides.
 */
const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const G = [
  '0100111',
  '0110011',
  '0011011',
  '0100001',
  '0011101',
  '0111001',
  '0000101',
  '0010001',
  '0001001',
  '0010111',
];
const R = L.map((code) => [...code].map((bit) => (bit === '1' ? '0' : '1')).join(''));
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code)) throw new Error(`not an EAN-13 code: ${code}`);
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0]!]!;
  const left = digits
    .slice(1, 7)
    .map((d, i) => (parity[i] === 'L' ? L : G)[d])
    .join('');
  const right = digits
    .slice(7)
    .map((d) => R[d])
    .join('');
  return `101${left}01010${right}101`;
}

export async function ean13Jpeg(browser: Browser, code: string): Promise<Buffer> {
  const modules = ean13Modules(code);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const base64 = await page.evaluate(
      ({ modules, code }) => {
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 480;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#fff';
        g.fillRect(0, 0, 640, 480);
        const module = 5;
        const left = (640 - modules.length * module) / 2;
        g.fillStyle = '#000';
        [...modules].forEach((bit, i) => bit === '1' && g.fillRect(left + i * module, 100, module, 240));
        g.font = '28px monospace';
        g.textAlign = 'center';
        g.fillText(code, 320, 380);
        return canvas.toDataURL('image/jpeg', 0.92).slice('data:image/jpeg;base64,'.length);
      },
      { modules, code },
    );
    return Buffer.from(base64, 'base64');
  } finally {
    await context.close();
  }
}
