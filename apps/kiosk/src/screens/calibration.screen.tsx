import { ApiError, type CaptureVerdict, type OpenCapture } from '@shualian/sdk';
import { closeCamera, openCamera, Spinner, useI18n } from '@shualian/web-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CAPTURE, cssColour, playChallenge, type Rgb } from '../face-pay/challenge.ts';
import { followFrames, grabFrame } from '../face-pay/frame-grab.ts';
import type { KioskApi } from '../kiosk-api.ts';
import { reasonKey } from '../messages.ts';

type Phase =
  | { kind: 'ready' }
  | { kind: 'flash' }
  | { kind: 'assessing' }
  | { kind: 'verdict'; verdict: CaptureVerdict }
  | { kind: 'failed'; code: string };

/**
 * The kiosk while a technician calibrates the live checks: no checkout, a banner saying so, and attempts that run the
 * payment's flash session on whatever is held in front of the camera. The server keeps the checks' numbers under the
 * capture's label; the screen shows each verdict so the technician can see it at once.
 */
export function CalibrationScreen(props: { api: KioskApi; capture: OpenCapture }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const [tally, setTally] = useState({ n: 0, passed: 0 });
  const video = useRef<HTMLVideoElement>(null);
  const flash = useRef<HTMLDivElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);
  const abort = useRef(new AbortController());

  useEffect(() => {
    const controller = abort.current;
    void openCamera(video.current!).then(
      (opened) => {
        if (controller.signal.aborted) closeCamera(opened);
        else stream.current = opened;
      },
      () => setPhase({ kind: 'failed', code: 'camera' }),
    );
    return () => {
      controller.abort();
      closeCamera(stream.current);
    };
  }, []);

  const showColour = (rgb: Rgb | undefined) => {
    const overlay = flash.current;
    if (!overlay) return;
    overlay.style.backgroundColor = rgb ? cssColour(rgb) : 'transparent';
    overlay.classList.toggle('on', Boolean(rgb));
  };

  async function attempt() {
    const camera = video.current!;
    setPhase({ kind: 'flash' });
    try {
      const { attemptId, challenge } = await props.api.startCaptureAttempt();
      const clock = followFrames(camera);
      const played = await playChallenge(challenge, {
        show: showColour,
        capture: () => grabFrame(camera, CAPTURE.jpegQuality),
        frameTakenAt: clock.latest,
        signal: abort.current.signal,
      }).finally(clock.stop);
      setPhase({ kind: 'assessing' });
      const { verdict } = await props.api.submitCaptureFrames(attemptId, played.frames, played.shownAtMs);
      setTally((n) => ({ n: n.n + 1, passed: n.passed + (verdict.passed ? 1 : 0) }));
      setPhase({ kind: 'verdict', verdict });
    } catch (error) {
      if (abort.current.signal.aborted) return;
      setPhase({ kind: 'failed', code: error instanceof ApiError ? error.code : 'network' });
    }
  }

  const label = t(`calibrationLabel.${props.capture.label}`);
  return (
    <main class="kiosk-main calibration" data-calibration={props.capture.label}>
      <section class="face-look" aria-labelledby="calibration-title">
        <h1 id="calibration-title">{t('calibration.title')}</h1>
        <p class="calibration-notice">{t('calibration.notice')}</p>
        <p class="face-amount">{t('calibration.label', { label })}</p>
        <div class="face-guide">
          <video ref={video} class="face-video" aria-label={t('face.video')} muted playsInline />
          <span class="face-ring" aria-hidden="true" />
        </div>
        <p class="face-hint" role="status" aria-live="polite">
          {phase.kind === 'flash' && t('calibration.flashing')}
          {phase.kind === 'verdict' && (
            <span data-calibration-verdict={phase.verdict.passed ? 'passed' : 'refused'}>
              {t(phase.verdict.passed ? 'calibration.passed' : 'calibration.refused')}
              {' · '}
              {t('calibration.steps', {
                confirmed: phase.verdict.colour.stepsConfirmed,
                seen: phase.verdict.colour.stepsSeen,
                chance: Math.log10(Math.max(phase.verdict.colour.chanceInStep, 1e-12)).toFixed(1),
              })}
            </span>
          )}
          {phase.kind === 'failed' &&
            (reasonKey(phase.code)
              ? t(reasonKey(phase.code)!, { message: '' })
              : t('reason.unknown', { code: phase.code }))}
        </p>
        {phase.kind === 'assessing' && <Spinner label={t('calibration.assessing')} />}
        <p class="muted">{t('calibration.count', tally)}</p>
        {(phase.kind === 'ready' || phase.kind === 'verdict' || phase.kind === 'failed') && (
          <button type="button" class="big primary" onClick={() => void attempt()}>
            {t('calibration.start')}
          </button>
        )}
      </section>
      <div ref={flash} class="screen-flash" data-screen-flash aria-hidden="true">
        <p class="screen-flash-label">{t('calibration.flashing')}</p>
      </div>
    </main>
  );
}
