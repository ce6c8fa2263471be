import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type EnrollmentResult } from '@shualian/sdk';
import { captureJpeg, centreBrightness, closeCamera, openCamera, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import { useMember } from '../member-context.ts';
import { describeError, frameHints } from '../problems.ts';
import { navigate } from '../member-routes.ts';
import { Problem, ScreenTitle, Status } from '../screen.view.tsx';

/** How enrollment samples the face: a few frames over about 1.5 s, so one blink or twitch does not spoil it. */
export const CAPTURE = { frames: 3, intervalMs: 700, jpegQuality: 0.9 } as const;
/** Centre brightness (0–255) outside which the on-device hint speaks up, before the server's own check. */
const LIGHT = { dark: 55, bright: 215 } as const;

type Phase =
  | { name: 'opening' }
  | { name: 'camera-error'; message: string }
  | { name: 'ready' }
  | { name: 'capturing'; taken: number }
  | { name: 'checking' }
  | { name: 'done'; result: EnrollmentResult }
  | { name: 'failed'; error: unknown; hints: string[] };

export function EnrollScreen() {
  const { t } = useI18n();
  const { api } = useMember();
  const face = useLoad(() => api.faceData());

  if (face.loading && !face.data) return <Loading />;
  if (!face.data) {
    return (
      <main class="screen" id="main">
        <ScreenTitle>{t('enroll.title')}</ScreenTitle>
        <Problem error={face.error} />
        <button type="button" onClick={face.reload}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!face.data.consent) {
    return (
      <main class="screen" id="main">
        <ScreenTitle>{t('enroll.title')}</ScreenTitle>
        <p class="notice notice-info">{t('enroll.needConsent')}</p>
        <button type="button" class="primary wide" onClick={() => navigate({ name: 'consent' })}>
          {t('enroll.toConsent')}
        </button>
      </main>
    );
  }
  return <Camera alreadyEnrolled={face.data.enrolled} />;
}

function Loading() {
  const { t } = useI18n();
  return (
    <main class="screen" id="main">
      <Spinner label={t('app.loading')} />
    </main>
  );
}

function Camera(props: { alreadyEnrolled: boolean }) {
  const { t } = useI18n();
  const { api } = useMember();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'opening' });
  const [light, setLight] = useState<'dark' | 'bright' | 'ok'>();
  const failure = useRef<HTMLDivElement>(null);
  // On a phone the camera box fills the screen: bring the reason (and the try-again button under it) into view.
  useEffect(() => {
    if (phase.name === 'failed') failure.current?.scrollIntoView({ block: 'center' });
  }, [phase]);

  useEffect(() => {
    let cancelled = false;
    const element = video.current!;
    openCamera(element).then(
      (opened) => {
        if (cancelled) return closeCamera(opened);
        stream.current = opened;
        setPhase({ name: 'ready' });
      },
      (error: unknown) => !cancelled && setPhase({ name: 'camera-error', message: cameraProblem(error, t) }),
    );
    return () => {
      cancelled = true;
      closeCamera(stream.current);
      stream.current = null;
    };
    // The camera opens once per visit to the screen; language changes must not reopen it.
  }, []);

  const live = phase.name === 'ready' || phase.name === 'failed';
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (!video.current) return;
      const brightness = centreBrightness(video.current);
      setLight(brightness < LIGHT.dark ? 'dark' : brightness > LIGHT.bright ? 'bright' : 'ok');
    }, 600);
    return () => clearInterval(timer);
  }, [live]);

  const capture = async () => {
    const element = video.current;
    if (!element) return;
    const frames: string[] = [];
    try {
      for (let i = 0; i < CAPTURE.frames; i++) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, CAPTURE.intervalMs));
        frames.push(captureJpeg(element, CAPTURE.jpegQuality));
        setPhase({ name: 'capturing', taken: i + 1 });
      }
      setPhase({ name: 'checking' });
      const result = await api.enrollFace(frames);
      closeCamera(stream.current);
      stream.current = null;
      setPhase({ name: 'done', result });
    } catch (error) {
      const rejected =
        error instanceof ApiError && error.code === 'no_usable_frame'
          ? ((error.details as { frames?: Array<{ reasons: string[] }> } | undefined)?.frames ?? [])
          : [];
      setPhase({ name: 'failed', error, hints: frameHints(rejected, t) });
    }
  };

  if (phase.name === 'done') return <Enrolled result={phase.result} />;

  const busy = phase.name === 'capturing' || phase.name === 'checking';
  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('enroll.title')}</ScreenTitle>
      <p>{t('enroll.intro')}</p>
      {props.alreadyEnrolled && <p class="notice notice-info">{t('enroll.replaces')}</p>}
      <div class={`camera ${busy ? 'camera-busy' : ''}`}>
        <video ref={video} aria-label={t('enroll.preview')} muted playsInline autoPlay />
        <svg class="face-guide" viewBox="0 0 300 400" aria-hidden="true" preserveAspectRatio="xMidYMid slice">
          <path
            fill="#000"
            fill-opacity="0.45"
            fill-rule="evenodd"
            d="M-300 -200H600V600H-300Z M55 190a95 128 0 1 0 190 0a95 128 0 1 0 -190 0Z"
          />
          <ellipse
            cx="150"
            cy="190"
            rx="95"
            ry="128"
            fill="none"
            stroke="#fff"
            stroke-width="4"
            stroke-dasharray={busy ? undefined : '10 8'}
          />
        </svg>
        <div class="camera-caption">
          <Status tone={phase.name === 'failed' ? 'warn' : 'info'}>
            {phase.name === 'failed'
              ? t('enroll.failedCaption')
              : phase.name === 'opening'
                ? t('enroll.opening')
                : phase.name === 'capturing'
                  ? t('enroll.capturing', { n: phase.taken, total: CAPTURE.frames })
                  : phase.name === 'checking'
                    ? t('enroll.checking')
                    : live && light
                      ? t(`enroll.light.${light}`)
                      : undefined}
          </Status>
        </div>
      </div>
      {phase.name === 'camera-error' && (
        <p class="notice notice-error" role="alert">
          {phase.message}
        </p>
      )}
      {phase.name === 'failed' && (
        <div class="notice notice-error" role="alert" ref={failure}>
          <p>
            <strong>{t('enroll.failed')}</strong>
          </p>
          <p>{describeError(phase.error, t)}</p>
          {phase.hints.length > 0 && (
            <>
              <p>{t('enroll.tryHints')}</p>
              <ul class="hints">
                {phase.hints.map((hint) => (
                  <li key={hint}>{hint}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <button type="button" class="primary wide" onClick={capture} disabled={!live}>
        {phase.name === 'failed' ? t('enroll.again') : t('enroll.start')}
      </button>
    </main>
  );
}

function cameraProblem(error: unknown, t: (key: string, vars?: Record<string, string>) => string): string {
  const name = error instanceof DOMException ? error.name : error instanceof Error ? error.message : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return t('enroll.cameraDenied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'camera_unavailable')
    return t('enroll.cameraMissing');
  return t('enroll.cameraFailed', { message: error instanceof Error ? error.message : String(error) });
}

function Enrolled(props: { result: EnrollmentResult }) {
  const { t } = useI18n();
  const { result } = props;
  const hints = frameHints(result.framesRejected, t);
  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('enroll.done')}</ScreenTitle>
      <div class="card">
        <Status>
          {t('enroll.doneDetail', { templates: result.templateCount, used: result.framesUsed })}
          {result.replacedPrevious && ` ${t('enroll.replaced')}`}
        </Status>
        {result.framesRejected.length > 0 && (
          <p class="muted">{t('enroll.someRejected', { n: result.framesRejected.length, hints: hints.join('；') })}</p>
        )}
        <div class="actions">
          <button type="button" onClick={() => navigate({ name: 'payments' })}>
            {t('enroll.toPayments')}
          </button>
          <button type="button" class="primary" onClick={() => navigate({ name: 'home' })}>
            {t('enroll.finish')}
          </button>
        </div>
      </div>
    </main>
  );
}
