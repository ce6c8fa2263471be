import { formatFen, Spinner, useI18n } from '@shualian/web-kit';
import { useEffect, useRef } from 'preact/hooks';
import type { FaceSession, OfferChoices } from '@shualian/sdk';
import { choicesWith } from '../face-pay/offer-choices.ts';
import { messages } from '../messages.ts';

/**
 * 刷脸 named the member: the kiosk greets them by masked name and tier, shows what their price applied and why, lets
 * them switch their coupons and points, says the points this payment earns and the amount, and waits for them to
 * confirm. Above their 免密 limit it says the PIN comes next.
 */
export function GreetingScreen(props: {
  session: FaceSession;
  busy: boolean;
  /** Why the last choice was refused (an error code), shown until the next one. */
  problem: string | null;
  onChoose: (choices: OfferChoices) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { session } = props;
  const greeting = session.greeting!;
  const pricing = session.pricing;
  const member = session.member;
  const name = member?.maskedName ?? member?.maskedPhone ?? '';
  const discounts = pricing?.adjustments.filter((a) => a.amountFen !== 0) ?? [];
  const points = greeting.points;
  const canRedeem = Boolean(points && points.maxRedeemPoints > 0);
  const pinNext = session.status === 'step_up' && session.stepUp === 'pin';
  const problemKey = props.problem
    ? `greeting.problem.${props.problem}` in messages['zh-CN']
      ? `greeting.problem.${props.problem}`
      : 'greeting.problem.other'
    : null;

  return (
    <section class="greeting" aria-labelledby="greeting-title" aria-busy={props.busy}>
      <h1 id="greeting-title" ref={heading} tabIndex={-1}>
        {t('greeting.title', { name })}
      </h1>
      {greeting.memberTier && (
        <p class="greeting-tier" data-testid="greeting-tier">
          {t('greeting.tier', { tier: greeting.memberTier })}
        </p>
      )}
      <div class="greeting-body">
        <dl class="paid-figures greeting-price">
          {pricing && (
            <div>
              <dt>{t('greeting.subtotal')}</dt>
              <dd>{formatFen(pricing.subtotalFen)}</dd>
            </div>
          )}
          {discounts.map((d) => (
            <div key={`${d.step}|${d.label}`} data-testid="greeting-discount">
              <dt>{d.label}</dt>
              <dd>
                {d.amountFen < 0 ? '-' : '+'}
                {formatFen(Math.abs(d.amountFen))}
              </dd>
            </div>
          ))}
          {points && (
            <div>
              <dt>{t('greeting.toEarn')}</dt>
              <dd data-testid="greeting-points-to-earn">{t('greeting.points', { n: points.toEarn })}</dd>
            </div>
          )}
          <div class="greeting-total">
            <dt>{t('greeting.total')}</dt>
            <dd data-testid="greeting-total">{formatFen(session.amountFen)}</dd>
          </div>
        </dl>
        {(greeting.coupons.length > 0 || canRedeem) && (
          <div class="greeting-offers">
            {greeting.coupons.length > 0 && (
              <fieldset class="greeting-coupons">
                <legend>{t('greeting.coupons')}</legend>
                {greeting.coupons.map((c) => (
                  <button
                    key={c.couponId}
                    type="button"
                    class="offer-toggle"
                    role="switch"
                    aria-checked={c.applied}
                    disabled={props.busy}
                    onClick={() => props.onChoose(choicesWith(greeting, { coupon: c.couponId }))}
                  >
                    <span class="offer-name">{c.label}</span>
                    <span class="offer-value">{t('greeting.saves', { amount: formatFen(c.discountFen) })}</span>
                  </button>
                ))}
              </fieldset>
            )}
            {points && canRedeem && (
              <fieldset class="greeting-points">
                <legend>{t('greeting.pointsTitle', { n: points.balance })}</legend>
                <button
                  type="button"
                  class="offer-toggle"
                  role="switch"
                  aria-checked={points.redeemedPoints > 0}
                  disabled={props.busy}
                  onClick={() => props.onChoose(choicesWith(greeting, { points: points.redeemedPoints === 0 }))}
                >
                  <span class="offer-name">
                    {t('greeting.redeem', { n: points.redeemedPoints || points.maxRedeemPoints })}
                  </span>
                </button>
              </fieldset>
            )}
          </div>
        )}
      </div>
      {problemKey && (
        <p class="notice notice-error" role="alert">
          {t(problemKey)}
        </p>
      )}
      {pinNext && <p class="muted">{t('greeting.pinNext')}</p>}
      {props.busy ? (
        <Spinner label={t('greeting.repricing')} />
      ) : (
        <button type="button" class="primary huge" onClick={props.onConfirm}>
          {t('greeting.confirm', { amount: formatFen(session.amountFen) })}
        </button>
      )}
      <button type="button" class="big" onClick={props.onCancel}>
        {t('greeting.cancel')}
      </button>
    </section>
  );
}
