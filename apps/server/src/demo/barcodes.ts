/** EAN-13 barcode from a 12-digit body: appends the standard mod-10 check digit. */
export function ean13(body12: string): string {
  if (!/^\d{12}$/.test(body12)) throw new Error(`EAN-13 body must be 12 digits: ${body12}`);
  const sum = [...body12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return body12 + String((10 - (sum % 10)) % 10);
}
