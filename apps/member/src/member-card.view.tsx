import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@shualian/sdk';
import { useI18n } from '@shualian/web-kit';

export type MemberCard = ResponseOf<'getMyCard'>;

/** The card number in groups of four, whatever spacing it came with. */
export const groupedCardNumber = (cardNumber: string) =>
  cardNumber
    .replace(/\s+/g, '')
    .replace(/(\d{4})(?=\d)/g, '$1 ')
    .trim();

/** The card face: tier badge, the number in groups of four, and the signed payload as a scannable QR code. */
export function MemberCardFace(props: { card: MemberCard; onRefresh(): void; refreshing: boolean }) {
  const { t } = useI18n();
  const { card } = props;
  const [qr, setQr] = useState<string | null>(null);
  const [qrFailed, setQrFailed] = useState(false);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(card.qr.payload, { margin: 2, width: 240, errorCorrectionLevel: 'M' }).then(
      (url) => current && (setQr(url), setQrFailed(false)),
      () => current && setQrFailed(true),
    );
    return () => {
      current = false;
    };
  }, [card.qr.payload]);

  return (
    <section class="card member-card" aria-labelledby="member-card-title">
      <div class="member-card-head">
        <h2 id="member-card-title">{t('card.title')}</h2>
        <span class={card.tier ? 'tier-badge' : 'tier-badge tier-none'} data-testid="tier-badge">
          {card.tier?.name ?? t('card.noTier')}
        </span>
      </div>
      <p class="card-number" data-testid="card-number" aria-label={t('card.numberLabel')}>
        {groupedCardNumber(card.cardNumber)}
      </p>
      <div class="qr-box">
        {qr ? (
          <img
            src={qr}
            width={240}
            height={240}
            alt={t('card.qrAlt')}
            data-testid="card-qr"
            data-payload={card.qr.payload}
            data-expires-at={card.qr.expiresAt}
          />
        ) : qrFailed ? (
          <p class="notice notice-error" role="alert">
            {t('card.qrFailed')}
          </p>
        ) : null}
      </div>
      <p class="muted small">{t('card.qrHint')}</p>
      <button type="button" class="wide" onClick={props.onRefresh} disabled={props.refreshing}>
        {props.refreshing ? t('card.refreshing') : t('card.refresh')}
      </button>
    </section>
  );
}
