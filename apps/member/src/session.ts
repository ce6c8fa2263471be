import type { MemberSignIn } from '@shualian/sdk';

/** The member's sign-in, kept per merchant in this browser; signing out forgets it. */
export type StoredSession = Pick<MemberSignIn, 'token' | 'expiresAt'>;

const key = (merchantCode: string) => `shualian.member.session.${merchantCode}`;

export function loadSession(merchantCode: string): StoredSession | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key(merchantCode)) ?? 'null') as StoredSession | null;
    if (!stored?.token || new Date(stored.expiresAt).getTime() <= Date.now()) return null;
    return stored;
  } catch {
    return null;
  }
}

export function saveSession(merchantCode: string, session: StoredSession): void {
  localStorage.setItem(key(merchantCode), JSON.stringify(session));
}

export function clearSession(merchantCode: string): void {
  localStorage.removeItem(key(merchantCode));
}
