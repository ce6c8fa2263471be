import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDateTime, Spinner, useI18n } from '@shualian/web-kit';
import type { StorePresence } from '@shualian/sdk';
import { chime } from '../chime.ts';
import { readVipTiers, vipArrivals } from '../vip-arrivals.ts';
import { useSession } from '../session.context.tsx';
import { PageTitle, Problem } from '../ui/page.view.tsx';

/**
 * The list is read again as soon as the server says the store changed (someone entered, was named or left), and at
 * the latest after this long (payments, and changes another server process counted, show by then).
 */
export const PRESENCE_WAIT_SECONDS = 20;
/** After a failed read, the next one waits this long. */
const RETRY_MS = 2_000;
const STORE_KEY = 'shualian.console.inStore.store';
const vipKey = (merchantId: string) => `shualian.console.inStore.vipTiers.${merchantId}`;

type Member = StorePresence['members'][number];

/**
 * 店内顾客: who is in the store now, for the staff on the floor. Consenting members by masked name with their tier,
 * visits, last purchase and usable coupons; everyone else a count. Live: the server answers a waiting read when
 * someone enters, is named or leaves; the last list stays on screen while the next one comes (and when a read fails).
 * A chime for the VIP tiers chosen on this device.
 */
export function InStorePage() {
  const { t } = useI18n();
  const session = useSession();
  const { stores, merchant } = session;
  const [storeId, setStoreId] = useState(() => {
    const kept = localStorage.getItem(STORE_KEY);
    return stores.find((s) => s.id === kept)?.id ?? stores[0]?.id ?? '';
  });
  const chooseStore = (id: string) => {
    localStorage.setItem(STORE_KEY, id);
    setStoreId(id);
  };

  return (
    <>
      <PageTitle title={t('page.in-store')}>
        {stores.length > 1 && (
          <div class="field">
            <label for="in-store-store">{t('inStore.store')}</label>
            <select id="in-store-store" value={storeId} onChange={(e) => chooseStore(e.currentTarget.value)}>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </PageTitle>
      <p class="muted">{t('inStore.intro')}</p>
      {storeId ? (
        <StorePresenceView key={`${merchant.id}:${storeId}`} storeId={storeId} />
      ) : (
        <p class="empty-state">{t('inStore.noStore')}</p>
      )}
    </>
  );
}

/**
 * Reads the store's presence now, then holds one read open that the server answers when the store changes (or after
 * PRESENCE_WAIT_SECONDS); keeps the last list shown while the next one comes, and when a read fails.
 */
function usePresence(storeId: string) {
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

function StorePresenceView(props: { storeId: string }) {
  const { t, lang } = useI18n();
  const { data, error } = usePresence(props.storeId);
  const vip = useVipTiers(data?.members);

  if (!data) {
    if (error) return <Problem error={error} />;
    return <Spinner label={t('state.loading')} />;
  }
  return (
    <>
      <section
        class="card"
        aria-labelledby="in-store-summary"
        data-testid="in-store"
        data-members={data.members.length}
        data-anonymous={data.anonymous.count}
        data-chimes={vip.chimes}
      >
        <div class="card-head">
          <h2 id="in-store-summary">
            {t('inStore.summary', { members: data.members.length, anonymous: data.anonymous.count })}
          </h2>
          <p class="muted" aria-live="off">
            {t('inStore.updated', { at: formatDateTime(data.at, lang) })}
          </p>
        </div>
        {error ? (
          <p class="notice notice-warn" role="status">
            {t('inStore.stale')}
          </p>
        ) : null}
        {data.members.length === 0 ? (
          <p class="empty-state">{t('inStore.empty')}</p>
        ) : (
          <table>
            <caption class="visually-hidden">{t('inStore.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inStore.member')}</th>
                <th scope="col">{t('inStore.phone')}</th>
                <th scope="col">{t('inStore.tier')}</th>
                <th scope="col">{t('inStore.visits')}</th>
                <th scope="col">{t('inStore.lastPurchase')}</th>
                <th scope="col">{t('inStore.coupons')}</th>
                <th scope="col">{t('inStore.entered')}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.visitId} data-member-id={m.memberId} class={vip.isVip(m) ? 'vip-row' : undefined}>
                  <th scope="row">{m.name ?? t('inStore.noName')}</th>
                  <td>{m.phone}</td>
                  <td>{m.tier ?? t('inStore.noTier')}</td>
                  <td>{t('inStore.visitsN', { n: m.visitCount })}</td>
                  <td>
                    {m.lastPurchaseAt ? formatDateTime(m.lastPurchaseAt, lang) : t('inStore.never')}
                    {m.purchasesThisVisit > 0 && <span class="muted"> · {t('inStore.purchasedNow')}</span>}
                  </td>
                  <td>{t('inStore.couponsN', { n: m.usableCoupons })}</td>
                  <td>{formatDateTime(m.enteredAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.anonymous.count > 0 && (
          <p data-testid="anonymous-count">{t('inStore.anonymous', { n: data.anonymous.count })}</p>
        )}
      </section>
      <p class="visually-hidden" role="status" aria-live="polite">
        {vip.announcement}
      </p>
      <VipSettings tiers={vip.known} chosen={vip.chosen} onToggle={vip.toggle} />
    </>
  );
}

/**
 * The VIP tiers chosen on this device (localStorage, per merchant) and the chime: it sounds once for each visit of a
 * VIP member that appears after the page first loaded (those already inside when the page opened are not news).
 */
function useVipTiers(members: Member[] | undefined) {
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

function VipSettings(props: { tiers: string[]; chosen: string[]; onToggle(tier: string, on: boolean): void }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="vip-title">
      <h2 id="vip-title">{t('inStore.vipTitle')}</h2>
      <p class="muted">{t('inStore.vipIntro')}</p>
      {props.tiers.length === 0 ? (
        <p class="empty-state">{t('inStore.vipNone')}</p>
      ) : (
        <fieldset class="plain vip-tiers">
          <legend class="visually-hidden">{t('inStore.vipTitle')}</legend>
          {props.tiers.map((tier, i) => (
            <label key={tier} for={`vip-tier-${i}`} class="checkbox">
              <input
                id={`vip-tier-${i}`}
                type="checkbox"
                checked={props.chosen.includes(tier)}
                onChange={(e) => props.onToggle(tier, e.currentTarget.checked)}
              />
              {t('inStore.vipTier', { tier })}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" onClick={chime}>
        {t('inStore.testChime')}
      </button>
    </section>
  );
}
