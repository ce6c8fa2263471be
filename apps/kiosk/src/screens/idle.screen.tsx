import { closeCamera, formatFen, openCamera, useI18n } from '@shualian/web-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ARRIVAL, arrivalWatcher } from '../arrival.ts';
import { productName } from '../cart.ts';
import { lookAtFace } from '../face-pay/face-check.ts';
import type { Product } from '@shualian/sdk';

const ROTATE_MS = 4000;

/**
 * The attract screen between shoppers: the merchant's member-price deals, one after another, and a big start button.
 * The camera watches for someone walking up (on the device, nothing is sent or kept) and opens the basket for them.
 */
export function IdleScreen(props: { products: Product[]; onStart: () => void }) {
  const { t, lang } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const start = useRef(props.onStart);
  start.current = props.onStart;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arrived = arrivalWatcher();
    const look = async () => {
      if (stopped) return;
      if (arrived(await lookAtFace(video.current!).catch(() => undefined))) return start.current();
      if (!stopped) timer = setTimeout(() => void look(), ARRIVAL.lookEveryMs);
    };
    // Without a camera (refused, busy, none) the kiosk simply waits for a tap.
    openCamera(video.current!).then(
      (opened) => {
        stream = opened;
        if (stopped) closeCamera(stream);
        else void look();
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
      closeCamera(stream);
    };
  }, []);

  const deals = props.products.filter((p) => p.memberPriceFen !== null && p.memberPriceFen < p.priceFen);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (deals.length < 2) return;
    const timer = setInterval(() => setIndex((i) => i + 1), ROTATE_MS);
    return () => clearInterval(timer);
  }, [deals.length]);

  const deal = deals.length > 0 ? deals[index % deals.length] : undefined;
  return (
    // A tap anywhere starts; the button is the same action for keyboard and assistive technology.
    <main class="kiosk-main idle" onClick={props.onStart}>
      <h1 class="idle-welcome">{t('idle.welcome')}</h1>
      <p class="idle-tagline">{t('idle.tagline')}</p>
      {deal && (
        <section class="idle-deal" aria-labelledby="idle-deals-title">
          <h2 id="idle-deals-title">{t('idle.deals')}</h2>
          <p class="idle-deal-name">{productName(deal, lang)}</p>
          <p class="idle-deal-prices">
            <span class="idle-deal-member">{t('idle.member', { price: formatFen(deal.memberPriceFen!) })}</span>
            <s class="idle-deal-was">{t('idle.was', { price: formatFen(deal.priceFen) })}</s>
          </p>
          <p class="idle-deal-save">{t('idle.save', { amount: formatFen(deal.priceFen - deal.memberPriceFen!) })}</p>
          <p class="muted">{t('idle.dealPosition', { n: (index % deals.length) + 1, total: deals.length })}</p>
        </section>
      )}
      <video ref={video} class="idle-watch" muted playsInline aria-hidden="true" />
      <button
        type="button"
        class="primary huge idle-start"
        onClick={(e) => {
          e.stopPropagation();
          props.onStart();
        }}
      >
        {t('idle.start')}
      </button>
      <p class="muted idle-camera-note">{t('idle.cameraNote')}</p>
    </main>
  );
}
