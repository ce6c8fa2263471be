import { useState } from 'preact/hooks';
import { formatDateTime, hashFor, Spinner, useI18n } from '@shualian/web-kit';
import { chime } from '../chime.ts';
import { couponTally } from '../coupon-names.ts';
import { useSession } from '../session.context.tsx';
import { Problem } from '../ui/page.view.tsx';
import { usePresence, useVipTiers } from './presence.hooks.ts';

/**
 * The store tablet by the door or the counter (#/store-tablet/<storeId>): the members in the store now in large
 * touch-friendly cards (masked name, tier, visits, last purchase, usable coupons by name) and how many others are in, live
 * (usePresence: the server answers when someone enters, is named or leaves), without the console's header and navigation. The VIP chime sounds for the tiers chosen
 * on this device (店内顾客 page). No face image, ever.
 */
export function StoreTabletPage(props: { storeId: string }) {
  const { t } = useI18n();
  const { stores, merchant } = useSession();
  const store = stores.find((s) => s.id === props.storeId);
  return (
    <main class="tablet" id="main">
      <header class="tablet-head">
        <h1>{t('tablet.title', { store: store?.name ?? '' })}</h1>
        <a class="tablet-exit" href={hashFor('in-store')}>
          {t('tablet.exit')}
        </a>
      </header>
      {store ? (
        <TabletPresence key={`${merchant.id}:${store.id}`} storeId={store.id} />
      ) : (
        <p class="notice notice-error" role="alert">
          {t('tablet.noStore')}
        </p>
      )}
    </main>
  );
}

function TabletPresence(props: { storeId: string }) {
  const { t, lang } = useI18n();
  const { data, error } = usePresence(props.storeId);
  const vip = useVipTiers(data?.members);
  const [sound, setSound] = useState(false);

  if (!data) return error ? <Problem error={error} /> : <Spinner label={t('state.loading')} />;
  return (
    <>
      <section
        class="tablet-summary"
        data-testid="tablet"
        data-members={data.members.length}
        data-anonymous={data.anonymous.count}
        data-chimes={vip.chimes}
      >
        <p class="tablet-count">
          <strong>{data.members.length}</strong>
          <span>{t('tablet.members')}</span>
        </p>
        <p class="tablet-count" data-testid="tablet-anonymous">
          <strong>{data.anonymous.count}</strong>
          <span>{t('tablet.anonymous')}</span>
        </p>
        <div class="tablet-tools">
          <button
            type="button"
            class={sound ? 'tablet-sound on' : 'tablet-sound primary'}
            aria-pressed={sound}
            onClick={() => {
              chime(); // the touch lets the page make sound from now on
              setSound(true);
            }}
          >
            {t(sound ? 'tablet.soundOn' : 'tablet.soundOff')}
          </button>
          <p class="muted small" aria-live="off">
            {t('tablet.updated', { at: formatDateTime(data.at, lang) })}
          </p>
        </div>
      </section>
      {error ? (
        <p class="notice notice-warn" role="status">
          {t('inStore.stale')}
        </p>
      ) : null}
      {data.members.length === 0 ? (
        <p class="empty-state tablet-empty">{t('inStore.empty')}</p>
      ) : (
        <ul class="tablet-members" aria-label={t('inStore.caption')}>
          {data.members.map((m) => (
            <li
              key={m.visitId}
              class={vip.isVip(m) ? 'tablet-member vip' : 'tablet-member'}
              data-member-id={m.memberId}
            >
              <p class="tablet-name">
                {m.name ?? m.phone}
                {m.tier && <span class="tablet-tier">{m.tier}</span>}
                {vip.isVip(m) && <span class="tablet-vip">{t('tablet.vip')}</span>}
              </p>
              <dl class="tablet-facts">
                <dt>{t('inStore.visits')}</dt>
                <dd>{t('inStore.visitsN', { n: m.visitCount })}</dd>
                <dt>{t('inStore.lastPurchase')}</dt>
                <dd>
                  {m.lastPurchaseAt ? formatDateTime(m.lastPurchaseAt, lang) : t('inStore.never')}
                  {m.purchasesThisVisit > 0 && ` · ${t('inStore.purchasedNow')}`}
                </dd>
                <dt>{t('inStore.coupons')}</dt>
                <dd>
                  {t('inStore.couponsN', { n: m.usableCoupons })}
                  {m.usableCouponNames.length > 0 && (
                    <ul class="tablet-coupons">
                      {couponTally(m.usableCouponNames).map((c) => (
                        <li key={c.name}>
                          {c.count > 1 ? t('tablet.couponTimes', { name: c.name, n: c.count }) : c.name}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt>{t('inStore.entered')}</dt>
                <dd>{formatDateTime(m.enteredAt, lang)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {vip.announcement}
      </p>
    </>
  );
}
