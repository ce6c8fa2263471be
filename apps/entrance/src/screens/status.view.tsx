import type { CameraRole, DeviceProfile } from '@shualian/sdk';
import { useI18n } from '@shualian/web-kit';
import type { Ref } from 'preact';
import type { FaceReason } from '../picker/face-quality.ts';
import type { RecentCount } from '../sending/recent-count.ts';
import type { CropOutcome } from '../sending/send-outcome.ts';
import type { CameraState } from './door.screen.tsx';

/** What the camera has done since it started, kept by the door screen and drawn here. */
export interface DoorStats {
  frames: number;
  faces: number;
  people: number;
  held: FaceReason[];
  sent: RecentCount;
  sentTotal: number;
  /** crops the server counted towards a visit (every outcome but no_face) */
  counted: number;
  last:
    | { at: number; counts: Partial<Record<CropOutcome, number>>; code?: undefined; message?: undefined }
    | { at: number; counts?: undefined; code: string; message: string }
    | undefined;
  network: 'ok' | 'retrying';
  waiting: number;
  dropped: number;
  /** the member-only door this camera watches: what it did at the last answer that said (opened or not) */
  door?: { at: number; opened: boolean };
}

const OUTCOMES: CropOutcome[] = ['entered', 'seen', 'left', 'not_counted', 'no_face'];
const CLOCK_CODES = new Set(['crop_time_invalid', 'device_request_stale']);

/** The staff's view of the camera: is it live, what it sees, what it sent, what the server said, the network. */
export function StatusView(props: {
  video: Ref<HTMLVideoElement>;
  profile: DeviceProfile | undefined;
  role: CameraRole | undefined;
  camera: CameraState;
  detector: 'loading' | 'ready' | 'unavailable';
  stopped: string | null;
  stats: DoorStats;
  inputs: Array<{ deviceId: string; label: string }>;
  inputId: string | undefined;
  onChooseInput: (deviceId: string) => void;
  onRetryCamera: () => void;
  onForget: () => void;
}) {
  const { t, lang } = useI18n();
  const { profile, camera, stats } = props;

  if (!profile) {
    return (
      <main class="entrance-main">
        <p>{t('app.loading')}</p>
      </main>
    );
  }
  if (profile.kind !== 'entrance_camera') {
    return (
      <main class="entrance-main">
        <section class="card" role="alert">
          <p>{t('kind.wrong', { kind: t(`deviceKind.${profile.kind}`) })}</p>
          <button type="button" class="primary" onClick={props.onForget}>
            {t('kind.reactivate')}
          </button>
        </section>
      </main>
    );
  }

  const time = (at: number) => new Date(at).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN');
  const last = stats.last;
  const answer = !last
    ? t('answer.none')
    : last.counts
      ? t('answer.counted', {
          time: time(last.at),
          summary: OUTCOMES.filter((o) => last.counts[o])
            .map((o) => t(`outcome.${o}`, { n: last.counts[o]! }))
            .join(lang === 'en' ? ', ' : '，'),
        })
      : CLOCK_CODES.has(last.code)
        ? t('answer.clock')
        : t('answer.refused', { time: time(last.at), code: last.code, message: last.message });
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  const network = offline
    ? t('network.offline', { waiting: stats.waiting })
    : stats.network === 'retrying'
      ? t('network.retrying', { waiting: stats.waiting })
      : t('network.ok');
  const live = camera.kind === 'live' && props.detector === 'ready' && !props.stopped;

  return (
    <main
      class="entrance-main door"
      data-testid="entrance-status"
      data-live={live}
      data-frames={stats.frames}
      data-faces={stats.faces}
      data-crops-sent={stats.sentTotal}
      data-crops-counted={stats.counted}
      data-crops-waiting={stats.waiting}
      data-crops-dropped={stats.dropped}
      data-network={offline ? 'offline' : stats.network}
    >
      <div class="door-picture">
        <video
          ref={props.video}
          class="door-video"
          aria-label={t('camera.video')}
          muted
          playsInline
          hidden={camera.kind !== 'live' && camera.kind !== 'starting'}
        />
        {camera.kind === 'starting' && <p class="notice notice-info">{t('camera.starting')}</p>}
        <CameraProblem camera={camera} onRetry={props.onRetryCamera} />
        {props.detector === 'loading' && camera.kind === 'live' && (
          <p class="notice notice-info">{t('detector.loading')}</p>
        )}
        {props.detector === 'unavailable' && (
          <section class="card door-problem" role="alert">
            <h2>{t('detector.unavailableTitle')}</h2>
            <p>{t('detector.unavailable')}</p>
          </section>
        )}
        {props.stopped && (
          <p class="notice notice-error" role="alert">
            {t(props.stopped)}
          </p>
        )}
        {props.inputs.length > 1 && (
          <div class="door-input">
            <label for="video-input">{t('camera.choose')}</label>
            <select
              id="video-input"
              value={props.inputId ?? props.inputs[0]!.deviceId}
              onChange={(e) => props.onChooseInput(e.currentTarget.value)}
            >
              {props.inputs.map((input, i) => (
                <option key={input.deviceId} value={input.deviceId}>
                  {input.label || t('camera.unnamed', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <section class="card door-status" aria-labelledby="door-status-title">
        <h1 id="door-status-title">{t('status.title')}</h1>
        <dl class="door-facts">
          <dt>{t('status.role')}</dt>
          <dd data-testid="camera-role">{props.role ? t(`role.${props.role}`) : t('role.unknown')}</dd>
          <dt>{t('status.camera')}</dt>
          <dd>
            <span class={`door-light ${live ? 'on' : 'off'}`} aria-hidden="true" />
            {live ? t('status.cameraLive') : cameraWords(t, camera, props.detector)}
          </dd>
          <dt>{t('status.faces')}</dt>
          <dd data-testid="faces-in-view">{t('status.facesValue', { n: stats.faces })}</dd>
          <dt>{t('status.people')}</dt>
          <dd>{stats.people}</dd>
          <dt>{t('status.sentMinute')}</dt>
          <dd data-testid="sent-last-minute">{t('status.sentValue', { n: stats.sent.count(performance.now()) })}</dd>
          <dt>{t('status.lastAnswer')}</dt>
          <dd data-testid="last-answer" aria-live="polite">
            {answer}
          </dd>
          {stats.door && (
            <>
              <dt>{t('status.door')}</dt>
              <dd data-testid="door-answer" aria-live="polite" class={stats.door.opened ? 'door-open' : 'door-closed'}>
                {t(stats.door.opened ? 'door.open' : 'door.askStaff', { time: time(stats.door.at) })}
              </dd>
            </>
          )}
          <dt>{t('status.network')}</dt>
          <dd data-testid="network" aria-live="polite">
            {network}
            {stats.dropped > 0 && <span class="muted"> · {t('network.dropped', { n: stats.dropped })}</span>}
          </dd>
          <dt>{t('status.held')}</dt>
          <dd>
            {stats.held.length
              ? stats.held.map((r) => t(`reason.${r}`)).join(lang === 'en' ? '; ' : '；')
              : t('status.heldNone')}
          </dd>
        </dl>
        <p class="muted door-privacy">{t('status.privacy')}</p>
      </section>
    </main>
  );
}

function cameraWords(
  t: (key: string, vars?: Record<string, string | number>) => string,
  camera: CameraState,
  detector: string,
) {
  if (camera.kind === 'starting') return t('camera.starting');
  if (camera.kind === 'missing') return t('camera.problemTitle');
  if (camera.kind === 'denied') return t('camera.denied');
  if (camera.kind === 'failed') return t('camera.failed', { message: camera.message });
  if (detector === 'loading') return t('detector.loading');
  return t('detector.unavailableTitle');
}

function CameraProblem(props: { camera: CameraState; onRetry: () => void }) {
  const { t } = useI18n();
  const { camera } = props;
  if (camera.kind === 'live' || camera.kind === 'starting') return null;
  const text =
    camera.kind === 'missing'
      ? t('camera.missing')
      : camera.kind === 'denied'
        ? t('camera.denied')
        : t('camera.failed', { message: camera.message });
  return (
    <section class="card door-problem" role="alert">
      <h2>{t('camera.problemTitle')}</h2>
      <p>{text}</p>
      <button type="button" class="primary" onClick={props.onRetry}>
        {t('camera.retry')}
      </button>
    </section>
  );
}
