import { invalid } from '../../platform/domain-errors.ts';

/** Mainland China mobile numbers, as members type them: spaces, dashes and a +86 prefix are accepted. */
export function normalisePhone(input: string): string {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  if (!/^1[3-9]\d{9}$/.test(digits))
    throw invalid('phone_invalid', 'phone must be an 11-digit mainland China mobile number');
  return digits;
}

export const phoneSuffix = (phone: string) => phone.slice(-4);

/** 138****5678: what staff screens and kiosks show. */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
