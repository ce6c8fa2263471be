import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Merchant, Permission, StaffProfile, Store } from '@shualian/sdk';
import { ConsoleApi } from './api.ts';

const TOKEN_KEY = 'shualian.console.token';
const MERCHANT_KEY = 'shualian.console.merchant';

/** The signed-in staff member, the merchant being looked at and its stores (in reach of the role). */
export interface Session {
  api: ConsoleApi;
  staff: StaffProfile;
  merchants: Merchant[];
  merchant: Merchant;
  stores: Store[];
  can(permission: Permission): boolean;
  storeName(storeId: string): string;
  selectMerchant(merchantId: string): void;
  signOut(): Promise<void>;
}

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed_out'; reason?: 'expired' }
  | { status: 'no_merchant'; staff: StaffProfile; signOut(): Promise<void> }
  | { status: 'failed'; error: unknown; retry(): void; signOut(): Promise<void> }
  | { status: 'ready'; session: Session };

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}

export function SessionProvider(props: { session: Session; children: ComponentChildren }) {
  return <SessionContext.Provider value={props.session}>{props.children}</SessionContext.Provider>;
}

/**
 * Keeps the bearer token in sessionStorage (gone when the tab closes), checks it with getCurrentStaff on load, and
 * loads the merchants and stores the role reaches. An expired session on any call signs the console out.
 */
export function useSessionState(): { state: SessionState; signIn(token: string): void } {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  const [state, setState] = useState<SessionState>(() => (token ? { status: 'checking' } : { status: 'signed_out' }));
  const [merchantId, setMerchantId] = useState(() => sessionStorage.getItem(MERCHANT_KEY));
  const [attempt, setAttempt] = useState(0);

  const forget = useCallback((reason?: 'expired') => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setState({ status: 'signed_out', reason });
  }, []);

  const api = useMemo(() => (token ? new ConsoleApi(token, () => forget('expired')) : null), [token, forget]);

  const signOut = useCallback(async () => {
    try {
      await api?.logout();
    } catch {
      // the token is forgotten either way; an already-expired session needs no logout
    }
    sessionStorage.removeItem(MERCHANT_KEY);
    setMerchantId(null);
    forget();
  }, [api, forget]);

  useEffect(() => {
    if (!api) return;
    let cancelled = false;
    setState((s) => (s.status === 'ready' ? s : { status: 'checking' }));
    (async () => {
      const staff = await api.me();
      const merchants = await api.merchants();
      const merchant = merchants.find((m) => m.id === (merchantId ?? staff.merchantId)) ?? merchants[0];
      if (!merchant) return { status: 'no_merchant', staff, signOut } as const;
      const stores = await api.stores(merchant.id);
      const names = new Map(stores.map((s) => [s.id, s.name]));
      const session: Session = {
        api,
        staff,
        merchants,
        merchant,
        stores,
        can: (permission) => staff.permissions.includes(permission),
        storeName: (storeId) => names.get(storeId) ?? storeId.slice(0, 8),
        selectMerchant: (id) => {
          sessionStorage.setItem(MERCHANT_KEY, id);
          setMerchantId(id);
        },
        signOut,
      };
      return { status: 'ready', session } as const;
    })().then(
      (next) => !cancelled && setState(next),
      (error: unknown) => {
        if (cancelled || (error as { status?: number }).status === 401) return;
        setState({ status: 'failed', error, retry: () => setAttempt((n) => n + 1), signOut });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, merchantId, attempt, signOut]);

  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next);
    setToken(next);
  }, []);

  return { state, signIn };
}
