import { useState } from 'preact/hooks';
import { formatDateTime, hashFor, Spinner, useI18n } from '@shualian/web-kit';
import { chime } from '../chime.ts';
import { useSession } from '../session.context.tsx';
import { PageTitle, Problem } from '../ui/page.view.tsx';
import { usePresence, useVipTiers } from './presence.hooks.ts';

const STORE_KEY = 'shualian.console.inStore.store';

/**
 * 店内顾客: who is in the store now, for the staff on the floor. Consenting members by masked name with their tier,
 * visits, last purchase and usable coupons; everyone else a count. Polled every second, the last list kept on
 * screen while the next one loads (and when it fails). A chime for the VIP tiers chosen on this device.
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
      {storeId && (
        <p>
          <a class="button" href={hashFor(['store-tablet', storeId])} data-testid="open-tablet">
            {t('tablet.open')}
          </a>{' '}
          <span class="muted small">{t('tablet.openHint')}</span>
        </p>
      )}
      {storeId ? (
        <StorePresenceView key={`${merchant.id}:${storeId}`} storeId={storeId} />
      ) : (
        <p class="empty-state">{t('inStore.noStore')}</p>
      )}
    </>
  );
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
