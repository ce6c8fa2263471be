import { formatDateTime, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import {
  couponSourceKey,
  couponValidity,
  couponValue,
  walletGroups,
  walletIsEmpty,
  type CouponGroup,
  type WalletCoupon,
} from '../coupon-view.ts';
import { useMember } from '../member-context.ts';
import { Problem, ScreenTitle } from '../screen.view.tsx';

/** 我的优惠券: 可用, 即将可用, 已使用, 已过期; at the till the best usable ones apply by themselves. */
export function CouponsScreen() {
  const { t } = useI18n();
  const { api } = useMember();
  const wallet = useLoad(() => api.coupons());

  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('coupons.title')}</ScreenTitle>
      <p class="muted small">{t('coupons.intro')}</p>
      {wallet.error ? (
        <>
          <Problem error={wallet.error} />
          <button type="button" onClick={wallet.reload}>
            {t('app.retry')}
          </button>
        </>
      ) : !wallet.data ? (
        <Spinner label={t('app.loading')} />
      ) : walletIsEmpty(wallet.data) ? (
        <p class="card muted" data-testid="coupons-empty">
          {t('coupons.empty')}
        </p>
      ) : (
        walletGroups(wallet.data).map(({ group, coupons }) => (
          <section key={group} class="card" aria-labelledby={`coupons-${group}`} data-testid={`coupons-${group}`}>
            <h2 id={`coupons-${group}`}>
              {t(`coupons.group.${group}`)} <span class="muted small">{coupons.length}</span>
            </h2>
            {coupons.length === 0 ? (
              <p class="muted small">{t(`coupons.none.${group}`)}</p>
            ) : (
              <ul class="list coupons">
                {coupons.map((coupon) => (
                  <CouponItem key={coupon.couponId} coupon={coupon} group={group} />
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </main>
  );
}

function CouponItem(props: { coupon: WalletCoupon; group: CouponGroup }) {
  const { t, lang } = useI18n();
  const { coupon, group } = props;
  const validity = couponValidity(coupon, group);
  const faded = group === 'used' || group === 'expired';
  return (
    <li class={faded ? 'coupon coupon-faded' : 'coupon'}>
      <span class="coupon-value">{couponValue(coupon)}</span>
      <span class="coupon-body">
        <strong>{coupon.name}</strong>
        <br />
        <span class="muted small">
          {t(validity.key, { at: formatDateTime(validity.at, lang) })} · {t(couponSourceKey(coupon.source))}
        </span>
        {(coupon.expiresSoon || coupon.offlineOnly) && (
          <span class="coupon-tags">
            {coupon.expiresSoon && <span class="coupon-tag coupon-tag-warn">{t('coupons.expiresSoon')}</span>}
            {coupon.offlineOnly && <span class="coupon-tag">{t('coupons.offlineOnly')}</span>}
          </span>
        )}
      </span>
    </li>
  );
}
