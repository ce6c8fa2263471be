import { formatFen, useI18n } from '@shualian/web-kit';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FaceSession, PaymentResult as Payment } from '@shualian/sdk';
import { merchantCode, receiptUrl } from '../merchant-code.ts';

export const RETURN_AFTER_S = 15;

/** Thanks by masked name, what was paid and saved, the balance left, and the receipt as a QR code; then back to idle. */
export function PaidScreen(props: { session: FaceSession; payment: Payment | null; onDone: () => void }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  const [left, setLeft] = useState(RETURN_AFTER_S);
  const heading = useRef<HTMLHeadingElement>(null);
  const onDone = useRef(props.onDone);
  onDone.current = props.onDone;

  const receiptId = props.payment?.receiptId;
  const link = receiptId ? receiptUrl(location.origin, receiptId, merchantCode()) : undefined;
  useEffect(() => {
    heading.current?.focus();
    if (!link) return;
    QRCode.toDataURL(link, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [link]);

  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) onDone.current();
  }, [left]);

  const member = props.session.member;
  const name = member?.maskedName ?? member?.maskedPhone ?? '';
  const savingsFen = props.session.items.reduce((sum, i) => sum + i.unitPriceFen * i.quantity - i.lineTotalFen, 0);
  // Priced for the member when the face named them: their tier and each discount with its label.
  const pricing = props.session.pricing?.forMember ? props.session.pricing : null;
  const discounts = pricing?.adjustments.filter((a) => a.amountFen < 0) ?? [];
  return (
    <section class="result paid" aria-labelledby="paid-title">
      <div class="result-icon ok" aria-hidden="true">
        ✓
      </div>
      <h1 id="paid-title" ref={heading} tabIndex={-1}>
        {t('paid.title')}
      </h1>
      <p class="paid-greeting">
        {t('paid.greeting', { name })}{' '}
        {member && member.maskedName ? <span class="muted">{member.maskedPhone}</span> : null}
      </p>
      <div class="paid-body">
        <dl class="paid-figures">
          <div>
            <dt>{t('paid.amount')}</dt>
            <dd data-testid="paid-amount">{formatFen(props.payment?.amountFen ?? props.session.amountFen)}</dd>
          </div>
          {pricing?.memberTier && (
            <div>
              <dt>{t('paid.tier')}</dt>
              <dd data-testid="paid-tier">{pricing.memberTier}</dd>
            </div>
          )}
          {discounts.map((d, i) => (
            <div key={i} data-testid="paid-discount">
              <dt>{d.label}</dt>
              <dd>-{formatFen(-d.amountFen)}</dd>
            </div>
          ))}
          {discounts.length === 0 && savingsFen > 0 && (
            <div>
              <dt>{t('paid.savings')}</dt>
              <dd>{formatFen(savingsFen)}</dd>
            </div>
          )}
          {props.session.greeting?.points && props.session.greeting.points.toEarn > 0 && (
            <div>
              <dt>{t('paid.pointsEarned')}</dt>
              <dd data-testid="paid-points">+{props.session.greeting.points.toEarn}</dd>
            </div>
          )}
          {props.payment && (
            <div>
              <dt>{t('paid.balance')}</dt>
              <dd data-testid="paid-balance">{formatFen(props.payment.balanceFen)}</dd>
            </div>
          )}
        </dl>
        {qr && (
          <figure class="paid-receipt">
            <img src={qr} alt={t('paid.receiptAlt')} width={240} height={240} data-receipt-url={link} />
            <figcaption>{t('paid.receipt')}</figcaption>
          </figure>
        )}
      </div>
      <button type="button" class="primary huge" onClick={props.onDone}>
        {t('paid.done')}
      </button>
      <p class="muted">{t('paid.returning', { s: Math.max(0, left) })}</p>
    </section>
  );
}
