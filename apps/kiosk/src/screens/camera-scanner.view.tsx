import { BrowserMultiFormatOneDReader, type IScannerControls } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';
import { useI18n } from '@shualian/web-kit';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Product barcodes in Chinese shops are EAN-13; telling the reader so makes it faster and surer. */
const HINTS = new Map<DecodeHintType, unknown>([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_13]],
  [DecodeHintType.TRY_HARDER, true],
]);

/** A camera over the basket that reads one EAN-13 barcode, then closes. */
export function CameraScanner(props: { onScan: (code: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    close.current?.focus();
    let controls: IScannerControls | undefined;
    let done = false;
    const reader = new BrowserMultiFormatOneDReader(HINTS, { delayBetweenScanAttempts: 150 });
    reader
      .decodeFromConstraints(
        { video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false },
        video.current!,
        (result) => {
          if (!result || done) return;
          done = true;
          controls?.stop();
          latest.current.onScan(result.getText());
        },
      )
      .then(
        (c) => {
          controls = c;
          if (done) c.stop();
        },
        (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
      );
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && latest.current.onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      done = true;
      controls?.stop();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <div class="overlay-backdrop">
      <div class="scanner card" role="dialog" aria-modal="true" aria-labelledby="scanner-title">
        <h2 id="scanner-title">{t('scan.title')}</h2>
        <p>{t('scan.hint')}</p>
        <div class="scanner-view">
          <video ref={video} class="scanner-video" aria-label={t('scan.video')} muted playsInline />
          <span class="scanner-line" aria-hidden="true" />
        </div>
        {failure && (
          <p class="notice notice-error" role="alert">
            {t('scan.cameraFailed', { message: failure })}
          </p>
        )}
        <button ref={close} type="button" class="big" onClick={props.onClose}>
          {t('scan.close')}
        </button>
      </div>
    </div>
  );
}
