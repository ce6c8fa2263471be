import {
  ApiError,
  type DeviceCredential,
  type CropResult,
  type DeviceProfile,
  type EntranceCameraConfig,
} from '@shualian/sdk';
import { closeCamera, openCamera } from '@shualian/web-kit';
import { loadFaceDetector, type FaceDetector } from '@shualian/web-kit/face-detector';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { startDoorCamera } from '../door-camera.ts';
import { createEntranceApi } from '../entrance-api.ts';
import type { PickRules } from '../picker/frame-picker.ts';
import { CropQueue } from '../sending/crop-queue.ts';
import { CropSender } from '../sending/crop-sender.ts';
import { RecentCount } from '../sending/recent-count.ts';
import { tally } from '../sending/send-outcome.ts';
import { APP_VERSION } from '../version.ts';
import { StatusView, type DoorStats } from './status.view.tsx';

const HEARTBEAT_MS = 30_000;
/** Staff may change the camera's role at any time: it is read again this often. */
const CONFIG_MS = 60_000;
/** The status is drawn again this often (the counters move with every frame; the screen need not). */
const TICK_MS = 500;
/** Until the server's configuration is read: its defaults (CROP_RULES). */
const DEFAULT_RULES: PickRules = { perSecond: 3, perRequest: 4, minEyeDistancePx: 30 };
/** Whatever the server allows, a person gives at most this many crops a second. */
const DEVICE_MAX_PER_SECOND = 3;

export type CameraState =
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'missing' }
  | { kind: 'denied' }
  | { kind: 'failed'; message: string };

/** A device answer meaning this camera is no longer trusted: it must be activated again. */
const lostTrust = (error: unknown) =>
  error instanceof ApiError && error.status === 401 && /^device_(unknown|revoked|not_activated)$/.test(error.code);

function cameraProblem(error: unknown): CameraState {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError' || name === 'SecurityError') return { kind: 'denied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || message === 'camera_unavailable')
    return { kind: 'missing' };
  return { kind: 'failed', message };
}

const newStats = (): DoorStats => ({
  frames: 0,
  faces: 0,
  people: 0,
  held: [],
  sent: new RecentCount(60_000),
  sentTotal: 0,
  counted: 0,
  last: undefined,
  network: 'ok',
  waiting: 0,
  dropped: 0,
});

/**
 * The camera at work: opens the camera and the on-device detector, picks and sends crops, and shows staff what it
 * is doing. It refuses to work (and says why) without a camera, without the detector, or when the device is not an
 * entrance camera. Everything lives in this component: two pages (two cameras) share nothing.
 */
export function DoorScreen(props: {
  credential: DeviceCredential;
  videoInputKey: string;
  onLostTrust: () => void;
  onForget: () => void;
}) {
  const { onLostTrust } = props;
  const api = useMemo(() => createEntranceApi(props.credential), [props.credential]);
  const [profile, setProfile] = useState<DeviceProfile | undefined>(undefined);
  const [config, setConfig] = useState<EntranceCameraConfig | undefined>(undefined);
  const [camera, setCamera] = useState<CameraState>({ kind: 'starting' });
  const [detector, setDetector] = useState<FaceDetector | null | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [inputs, setInputs] = useState<Array<{ deviceId: string; label: string }>>([]);
  const [inputId, setInputId] = useState<string | undefined>(
    () => localStorage.getItem(props.videoInputKey) ?? undefined,
  );
  const [stopped, setStopped] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const stats = useRef<DoorStats>(newStats());
  const rules = useRef<PickRules>(DEFAULT_RULES);

  const onApiError = (error: unknown) => {
    if (lostTrust(error)) onLostTrust();
  };

  useEffect(() => {
    const beat = () => api.heartbeat(APP_VERSION).catch(onApiError);
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [api]);

  useEffect(() => {
    api.profile().then(setProfile, onApiError);
  }, [api]);

  const isEntranceCamera = profile?.kind === 'entrance_camera';

  useEffect(() => {
    if (!isEntranceCamera) return;
    const read = () =>
      api.config().then((c) => {
        setConfig(c);
        rules.current = {
          perSecond: Math.min(DEVICE_MAX_PER_SECOND, c.maxCropsPerSecondPerPerson),
          perRequest: c.maxCropsPerRequest,
          minEyeDistancePx: c.minEyeDistancePx,
        };
      }, onApiError);
    void read();
    const timer = setInterval(read, CONFIG_MS);
    return () => clearInterval(timer);
  }, [api, isEntranceCamera]);

  useEffect(() => {
    if (!isEntranceCamera) return;
    let current = true;
    void loadFaceDetector().then((d) => current && setDetector(d ?? null));
    return () => {
      current = false;
    };
  }, [isEntranceCamera]);

  // The camera: opened again on "try again" and when staff choose another one; lost when it is unplugged.
  useEffect(() => {
    if (!isEntranceCamera || !video.current) return;
    let stream: MediaStream | undefined;
    let current = true;
    setCamera({ kind: 'starting' });
    openCamera(video.current, { width: 1280, height: 720 }, { deviceId: inputId }).then(
      async (opened) => {
        stream = opened;
        if (!current) return closeCamera(opened);
        for (const track of opened.getVideoTracks()) track.onended = () => current && setCamera({ kind: 'missing' });
        setCamera({ kind: 'live' });
        const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
        if (current)
          setInputs(
            devices.filter((d) => d.kind === 'videoinput').map((d) => ({ deviceId: d.deviceId, label: d.label })),
          );
      },
      (error: unknown) => {
        // A remembered camera that is gone: forget it and take whichever is there.
        if (inputId && error instanceof Error && error.name === 'OverconstrainedError') {
          localStorage.removeItem(props.videoInputKey);
          setInputId(undefined);
          return;
        }
        if (current) setCamera(cameraProblem(error));
      },
    );
    return () => {
      current = false;
      closeCamera(stream);
    };
  }, [isEntranceCamera, attempt, inputId]);

  // At work: frames in, crops out, one request at a time.
  const working = isEntranceCamera && camera.kind === 'live' && detector && !stopped;
  useEffect(() => {
    if (!working || !detector || !video.current) return;
    const s = stats.current;
    const queue = new CropQueue();
    const sender = new CropSender<{ crops: CropResult[] }>(queue, (batch) => api.submitCrops(batch.atMs, batch.crops), {
      sent(batch, answer) {
        s.sent.add(performance.now(), batch.crops.length);
        s.sentTotal += batch.crops.length;
        s.counted += answer.crops.filter((c) => c.outcome !== 'no_face').length;
        s.last = { at: Date.now(), counts: tally(answer.crops.map((c) => c.outcome)) };
        const doors = answer.crops.flatMap((c) => (c.door ? [c.door] : []));
        if (doors.length) s.door = { at: Date.now(), opened: doors.some((d) => d.outcome === 'opened') };
        s.network = 'ok';
        s.waiting = queue.waiting;
      },
      refused(_batch, error) {
        s.last = {
          at: Date.now(),
          code: error instanceof ApiError ? error.code : 'error',
          message: error instanceof Error ? error.message : String(error),
        };
        s.network = 'ok';
        s.waiting = queue.waiting;
      },
      retrying() {
        s.network = 'retrying';
      },
      stopped(action, error) {
        if (action === 'lost_trust') onLostTrust();
        else {
          setStopped('stopped.notEntrance');
          onApiError(error);
        }
      },
    });
    const door = startDoorCamera({
      video: video.current,
      detector,
      rules: () => rules.current,
      onBatch(batch) {
        queue.push(batch, performance.now());
        s.waiting = queue.waiting;
        s.dropped = queue.dropped;
        sender.kick();
      },
      onFrame(frame) {
        s.frames += 1;
        s.faces = frame.faces;
        s.people = door.picker.tracker.started;
        s.held = [...new Set(frame.held)];
      },
    });
    const poll = setInterval(() => {
      queue.next(performance.now()); // lets the queue drop what went stale while nothing was sent
      s.waiting = queue.waiting;
      s.dropped = queue.dropped;
    }, TICK_MS);
    return () => {
      door.stop();
      sender.stop();
      clearInterval(poll);
    };
  }, [working, detector, api]);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    const redraw = () => setTick((n) => n + 1);
    addEventListener('online', redraw);
    addEventListener('offline', redraw);
    return () => {
      clearInterval(timer);
      removeEventListener('online', redraw);
      removeEventListener('offline', redraw);
    };
  }, []);

  return (
    <StatusView
      video={video}
      profile={profile}
      role={config?.role}
      camera={camera}
      detector={detector === undefined ? 'loading' : detector ? 'ready' : 'unavailable'}
      stopped={stopped}
      stats={stats.current}
      inputs={inputs}
      inputId={inputId}
      onChooseInput={(id) => {
        localStorage.setItem(props.videoInputKey, id);
        setInputId(id);
      }}
      onRetryCamera={() => setAttempt((n) => n + 1)}
      onForget={props.onForget}
    />
  );
}
