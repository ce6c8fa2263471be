import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '@shualian/web-kit';
import type { StorePresence } from '@shualian/sdk';
import { chime } from '../chime.ts';
import { readVipTiers, vipArrivals } from '../vip-arrivals.ts';
import { useSession } from '../session.context.tsx';

/**
 * The list is read again as soon as the server says the store changed (someone entered, was named or left), and at
 * the latest after this long (payments, and changes another server process counted, show by then).
 */
export const PRESENCE_WAIT_SECONDS = 20;
/** After a failed read, the next one waits this long. */
const RETRY_MS = 2_000;
const vipKey = (merchantId: string) => `shualian.console.inStore.vipTiers.${merchantId}`;

type Member = StorePresence['members'][number];

/**
 * Reads the store's presence now, then holds one read open that the server answers when the store changes (or after
 * PRESENCE_WAIT_SECONDS); keeps the last list shown while the next one comes, and when a read fails.
 */
export function usePresence(storeId: string) {
  const { api, merchant } = useSession();
  const [state, setState] = useState<{ data?: StorePresence; error?: unknown }>({});
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let version: string | undefined;
    const read = () => {
      api
        .presence(merchant.id, storeId, version ? { after: version, waitSeconds: PRESENCE_WAIT_SECONDS } : undefined)
        .then(
          (data) => {
            version = data.version;
            if (!stopped) setState({ data });
            return undefined;
          },
          (error: unknown) => {
            if (!stopped) setState((s) => ({ data: s.data, error }));
            return error;
          },
        )
        .then((refused) => {
          // A refusal that asking again will not change (no longer this store's staff, the store gone) stops reading.
          const status = (refused as { status?: number } | undefined)?.status;
          if (stopped || status === 403 || status === 404) return;
          timer = setTimeout(read, refused ? RETRY_MS : 0);
        });
    };
    read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, merchant.id, storeId]);
  return state;
}

/**
 * The VIP tiers chosen on this device (localStorage, per merchant) and the chime: it sounds once for each visit of a
 * VIP member that appears after the page first loaded (those already inside when the page opened are not news).
 */
export function useVipTiers(members: Member[] | undefined) {
  const { t } = useI18n();
  const { api, merchant, can } = useSession();
  const [chosen, setChosen] = useState<string[]>(() => readVipTiers(localStorage.getItem(vipKey(merchant.id))));
  const [programmeTiers, setProgrammeTiers] = useState<string[]>([]);
  const [seenTiers, setSeenTiers] = useState<string[]>([]);
  const [chimes, setChimes] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const known = useRef<ReadonlySet<string> | null>(null);

  useEffect(() => {
    if (!can('loyalty.manage')) return;
    api.loyaltyTiers(merchant.id).then(
      (tiers) => setProgrammeTiers(tiers.map((tier) => tier.name)),
      () => {},
    );
  }, [api, merchant.id]);

  const isVip = useCallback((m: Member) => m.tier !== null && chosen.includes(m.tier), [chosen]);

  useEffect(() => {
    if (!members) return; // nothing read yet: the first list, when it comes, is not news
    const fresh = members.filter((m) => m.tier !== null && !seenTiers.includes(m.tier)).map((m) => m.tier!);
    if (fresh.length > 0) setSeenTiers((s) => [...new Set([...s, ...fresh])]);
    const arrived = vipArrivals(known.current, members, chosen);
    known.current = new Set(members.map((m) => m.visitId));
    if (arrived.length === 0) return;
    chime();
    setChimes((n) => n + 1);
    setAnnouncement(
      arrived.map((m) => t('inStore.vipArrived', { name: m.name ?? m.phone, tier: m.tier ?? '' })).join('；'),
    );
  }, [members]);

  const toggle = (tier: string, on: boolean) => {
    const next = on ? [...new Set([...chosen, tier])] : chosen.filter((x) => x !== tier);
    localStorage.setItem(vipKey(merchant.id), JSON.stringify(next));
    setChosen(next);
    if (on) chime(); // the click lets the page make sound from now on, and the staff hear what they chose
  };

  const tiers = useMemo(
    () => [...new Set([...programmeTiers, ...seenTiers, ...chosen])],
    [programmeTiers, seenTiers, chosen],
  );
  return { known: tiers, chosen, toggle, isVip, chimes, announcement };
}
