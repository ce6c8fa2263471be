import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsentDocument } from '@shualian/sdk';
import type { MemberApi } from './member-api.ts';

/** What every signed-in screen works with: the member's API, the merchant, and the current consent text. */
export interface MemberContextValue {
  api: MemberApi;
  merchantCode: string;
  consentDocument: ConsentDocument;
}

export const MemberContext = createContext<MemberContextValue | null>(null);

export function useMember(): MemberContextValue {
  const value = useContext(MemberContext);
  if (!value) throw new Error('useMember outside a signed-in screen');
  return value;
}
