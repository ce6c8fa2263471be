import {
  ApiError,
  NetworkError,
  type FaceSession,
  type OfferChoices,
  type PaymentResult as Payment,
  type StepUpAnswer,
} from '@shualian/sdk';
import { centreBrightness, closeCamera, formatFen, openCamera, Spinner, useI18n } from '@shualian/web-kit';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { cartTotals, sessionItems, type CartLine } from '../cart.ts';
import { CAPTURE, cssColour, playChallenge, type Rgb } from '../face-pay/challenge.ts';
import { openDemoCamera, type DemoCamera } from '../face-pay/demo-camera.ts';
import { faceHint, lookAtFace, preloadFaceCheck } from '../face-pay/face-check.ts';
import { followFrames, grabFrame } from '../face-pay/frame-grab.ts';
import { HEAD_TURN_CAPTURE, playHeadTurn, type TurnStage } from '../face-pay/head-turn.ts';
import { brightnessHint, qualityHint } from '../face-pay/hints.ts';
import { payOnce } from '../face-pay/payment.ts';
import { speak } from '../face-pay/speech.ts';
import type { KioskApi } from '../kiosk-api.ts';
import { DeclinedScreen, type Declined } from './declined.screen.tsx';
import { GreetingScreen } from './greeting.screen.tsx';
import { PaidScreen } from './paid.screen.tsx';
import { ProgressSteps } from './progress-steps.view.tsx';
import { StepUpKeypad } from './step-up-keypad.view.tsx';

type Phase =
  | { kind: 'detect'; hint: string }
  | { kind: 'flash' }
  | { kind: 'head_turn'; side: 'left' | 'right'; stage: TurnStage }
  | { kind: 'identify' }
  | { kind: 'step_up'; session: FaceSession; wrong: string | null; busy: boolean }
  | { kind: 'greeting'; session: FaceSession; busy: boolean; problem: string | null }
  | { kind: 'paying'; confirming: boolean }
  | { kind: 'paid'; session: FaceSession; payment: Payment | null }
  | { kind: 'declined'; declined: Declined };

const STEP_OF: Record<Phase['kind'], number> = {
  detect: 0,
  flash: 1,
  head_turn: 1,
  identify: 2,
  step_up: 2,
  greeting: 3,
  paying: 3,
  paid: 3,
  declined: -1,
};
/** Wrong step-up answers the keypad explains; any other reason of a step_up session is why it was asked. */
const WRONG_ANSWERS = new Set(['no_match_for_phone', 'pin_wrong']);
/** How long the brightness hint may hold the shopper before the server is left to judge the frames. */
const PRECHECK_MS = 6000;
/** With no face in view this long (the on-device detector ready), the kiosk says so instead of flashing at nobody. */
const NO_FACE_MS = 2500;
/** A refusal stays on screen this long before the basket comes back for the next try or another way to pay. */
const DECLINED_RETURN_MS = 45_000;
/** Looks the kiosk takes by itself when the server found no clear face, before asking the shopper to try again. */
const LOOKS = 2;

/** Marks on the page's performance timeline, so the time from tap to result can be measured and broken down. */
const mark = (name: string) => performance.mark(`kiosk:${name}`);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('cancelled', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('cancelled', 'AbortError'));
      },
      { once: true },
    );
  });

async function videoReady(video: HTMLVideoElement, signal: AbortSignal) {
  for (let waited = 0; video.videoWidth === 0 && waited < 5000; waited += 50) await sleep(50, signal);
}

/** Nobody in front of the camera: nothing was checked, and nothing flashed. */
class NoFaceSeen extends Error {}

function declinedFrom(error: unknown): Declined {
  if (error instanceof NoFaceSeen) return { code: 'no_face_seen', notCharged: true };
  if (error instanceof ApiError) return { code: error.code, notCharged: true };
  if (error instanceof NetworkError) return { code: 'network', notCharged: true };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'camera', detail: message, notCharged: true };
}

/** What the prompt asks at each stage of the head turn; `data-head-turn` on the prompt says it to machines too. */
const TURN_PROMPT = {
  look: 'face.turn.look',
  turn: { left: 'face.turn.left', right: 'face.turn.right' },
  back: 'face.turn.back',
} as const;
const turnPrompt = (side: 'left' | 'right', stage: TurnStage) =>
  stage === 'turn' ? TURN_PROMPT.turn[side] : TURN_PROMPT[stage];

/**
 * 刷脸付款 from the tap to the result: the camera and a quick brightness check, the screen-flash liveness challenge
 * (a head turn instead where the flash does not show on the face), identification, a step-up when the server asks,
 * and the payment, made once whatever the network does.
 */
export function FacePayScreen(props: {
  api: KioskApi;
  cart: CartLine[];
  /** The demo merchant's demo camera, when the kiosk has it switched on; the real camera otherwise. */
  demoCamera?: DemoCamera;
  onBackToCart: () => void;
  onFinished: () => void;
}) {
  const { t, lang } = useI18n();
  const { api } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'detect', hint: 'face.opening' });
  const [attempt, setAttempt] = useState(0);
  /** 检测 is ticked only once the on-device detector really saw a face (not when it could not look). */
  const [faceSeen, setFaceSeen] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const flash = useRef<HTMLDivElement>(null);
  const words = useRef({ t, lang });
  words.current = { t, lang };
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  const update = useCallback((next: Phase) => alive.current && setPhase(next), []);
  /** The member confirmed their greeting (coupons, points, amount): from then on an approval pays. */
  const confirmed = useRef(false);

  const hint = useCallback(
    (key: string, aloud: boolean) => {
      update({ kind: 'detect', hint: key });
      if (aloud) speak(words.current.t(key), words.current.lang);
    },
    [update],
  );

  /** Carries out what the server decided about the session. */
  const settle = useCallback(
    async (session: FaceSession) => {
      if (session.greeting?.choosable && !confirmed.current) {
        update({ kind: 'greeting', session, busy: false, problem: null });
        speak(words.current.t('greeting.title', { name: session.member?.maskedName ?? '' }), words.current.lang);
      } else if (session.status === 'approved') {
        update({ kind: 'paying', confirming: false });
        const outcome = await payOnce(api, session.sessionId, () => update({ kind: 'paying', confirming: true }));
        mark('payment-answered');
        if (outcome.kind === 'paid') update({ kind: 'paid', session, payment: outcome.payment });
        else if (outcome.kind === 'declined')
          update({ kind: 'declined', declined: { code: outcome.code, notCharged: true } });
        else update({ kind: 'declined', declined: { code: 'payment_unknown', notCharged: false } });
      } else if (session.status === 'paid') {
        update({ kind: 'paid', session, payment: null });
      } else if (session.status === 'step_up') {
        update({
          kind: 'step_up',
          session,
          wrong: session.reason && WRONG_ANSWERS.has(session.reason) ? session.reason : null,
          busy: false,
        });
      } else {
        update({ kind: 'declined', declined: { code: session.reason ?? session.status, notCharged: true } });
      }
    },
    [api, update],
  );

  useEffect(() => {
    const abort = new AbortController();
    const { signal } = abort;
    let stream: MediaStream | undefined;
    let demo: { stop(): void } | undefined;
    const items = sessionItems(props.cart);
    const showColour = (rgb: Rgb | undefined) => {
      const overlay = flash.current;
      if (!overlay) return;
      overlay.style.backgroundColor = rgb ? cssColour(rgb) : 'transparent';
      overlay.classList.toggle('on', Boolean(rgb));
    };

    // Waits for the on-device detector (loaded in the background since the kiosk started) so that "no face" is known,
    // not guessed; if it cannot load, the server's own checks stay the judge and 检测 is not ticked.
    const precheck = async (camera: HTMLVideoElement) => {
      const detector = await preloadFaceCheck();
      const started = performance.now();
      let seen = false;
      while (performance.now() - started < PRECHECK_MS) {
        const look = detector ? await lookAtFace(camera) : undefined;
        if (look && look.faces > 0 && !seen) {
          seen = true;
          if (alive.current) setFaceSeen(true);
        }
        if (detector && !seen && performance.now() - started > NO_FACE_MS) throw new NoFaceSeen();
        const problem = brightnessHint(centreBrightness(camera)) ?? faceHint(look);
        if (!problem && (seen || !detector)) return;
        if (problem) hint(problem, true);
        await sleep(250, signal);
      }
      if (detector && !seen) throw new NoFaceSeen();
    };

    const run = async () => {
      confirmed.current = false;
      performance.clearMarks();
      performance.clearMeasures();
      mark('start');
      const opening = api.createFaceSession(items);
      opening.then(
        () => mark('session-answered'),
        () => undefined,
      );
      hint('face.opening', false);
      const camera = video.current!;
      if (props.demoCamera) {
        const played = await openDemoCamera(camera, props.demoCamera);
        demo = played;
        stream = played.stream;
      } else stream = await openCamera(camera);
      if (signal.aborted) return closeCamera(stream);
      await videoReady(camera, signal);
      mark('camera-ready');
      hint('face.lookHere', false);
      await precheck(camera);
      mark('checked');
      let session = await opening;
      mark('session-open');
      for (let look = 1; ; look++) {
        if (signal.aborted) return;
        update({ kind: 'flash' });
        speak(words.current.t('face.flashing'), words.current.lang);
        mark('flash-start');
        const clock = followFrames(camera);
        const played = await playChallenge(session.challenge, {
          show: showColour,
          capture: captureSendingFirst(session.sessionId, camera),
          frameTakenAt: clock.latest,
          signal,
        }).finally(clock.stop);
        mark('flash-end');
        update({ kind: 'identify' });
        try {
          let decided = await answered(session.sessionId, () =>
            api.submitFrames(session.sessionId, played.frames, played.shownAtMs),
          );
          mark('decided');
          if (decided.status === 'step_up' && decided.stepUp === 'head_turn' && decided.headTurn)
            decided = await turnHead(decided, decided.headTurn, camera);
          closeCamera(stream);
          return await settle(decided);
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 'no_usable_frame') || look >= LOOKS) throw error;
          hint(qualityHint((error.details as { reasons?: unknown } | undefined)?.reasons), true);
          const next = api.createFaceSession(items);
          next.catch(() => undefined);
          await sleep(1200, signal);
          await precheck(camera);
          session = await next;
        }
      }
    };

    // The first frame goes to the server at once, so it is analysed while the rest of the colours flash.
    const captureSendingFirst = (sessionId: string, camera: HTMLVideoElement) => {
      let sent = false;
      return () => {
        const image = grabFrame(camera, CAPTURE.jpegQuality);
        if (!sent) {
          sent = true;
          image
            .then((bytes) => api.submitFirstLook(sessionId, bytes))
            .then(
              () => mark('first-look-answered'),
              () => undefined,
            );
        }
        return image;
      };
    };

    const turnHead = async (
      session: FaceSession,
      challenge: NonNullable<FaceSession['headTurn']>,
      camera: HTMLVideoElement,
    ) => {
      const prompt = (stage: TurnStage) => {
        update({ kind: 'head_turn', side: challenge.side, stage });
        speak(words.current.t(turnPrompt(challenge.side, stage)), words.current.lang);
      };
      const frames = await playHeadTurn(challenge, {
        prompt,
        capture: () => grabFrame(camera, HEAD_TURN_CAPTURE.jpegQuality),
        signal,
      });
      update({ kind: 'identify' });
      return answered(session.sessionId, () => api.submitHeadTurn(session.sessionId, frames));
    };

    // A lost answer to the frames may still have been decided: the session says how.
    const answered = async (sessionId: string, send: () => Promise<FaceSession>) => {
      try {
        return await send();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'face_session_wrong_state') return api.session(sessionId);
        throw error;
      }
    };

    run().catch((error: unknown) => {
      if (signal.aborted) return;
      closeCamera(stream);
      update({ kind: 'declined', declined: declinedFrom(error) });
    });
    return () => {
      abort.abort();
      showColour(undefined);
      closeCamera(stream);
      demo?.stop();
    };
    // The cart does not change while paying; a retry is a new attempt.
  }, [attempt]);

  // Nobody left at the terminal: an unanswered step-up or greeting ends when its session does, a refusal goes back to
  // the basket.
  const waitingOn = (phase.kind === 'step_up' || phase.kind === 'greeting') && !phase.busy ? phase.session : undefined;
  useEffect(() => {
    if (!waitingOn) return;
    const left = Math.max(5000, new Date(waitingOn.expiresAt).getTime() - Date.now());
    const timer = setTimeout(
      () => update({ kind: 'declined', declined: { code: 'face_session_expired', notCharged: true } }),
      left,
    );
    return () => clearTimeout(timer);
  }, [waitingOn, update]);
  const backToCart = useRef(props.onBackToCart);
  backToCart.current = props.onBackToCart;
  const isDeclined = phase.kind === 'declined';
  useEffect(() => {
    if (!isDeclined) return;
    const timer = setTimeout(() => backToCart.current(), DECLINED_RETURN_MS);
    return () => clearTimeout(timer);
  }, [isDeclined]);

  const answer = async (session: FaceSession, given: StepUpAnswer) => {
    update({ kind: 'step_up', session, wrong: null, busy: true });
    try {
      await settle(await api.stepUp(session.sessionId, given));
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'phone_suffix_invalid' || error.code === 'phone_invalid')) {
        update({ kind: 'step_up', session, wrong: 'no_match_for_phone', busy: false });
      } else {
        update({ kind: 'declined', declined: declinedFrom(error) });
      }
    }
  };

  const choose = async (session: FaceSession, choices: OfferChoices) => {
    update({ kind: 'greeting', session, busy: true, problem: null });
    try {
      update({
        kind: 'greeting',
        session: await api.chooseOffers(session.sessionId, choices),
        busy: false,
        problem: null,
      });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.code === 'choice_needs_pin'))
        update({ kind: 'greeting', session, busy: false, problem: error.code });
      else update({ kind: 'declined', declined: declinedFrom(error) });
    }
  };
  const confirm = (session: FaceSession) => {
    confirmed.current = true;
    void settle(session);
  };

  const total = cartTotals(props.cart).memberFen;
  const step = STEP_OF[phase.kind];
  return (
    <main class="kiosk-main face-pay">
      {phase.kind !== 'declined' && <ProgressSteps current={step} done={phase.kind === 'paid'} detected={faceSeen} />}
      {(phase.kind === 'detect' ||
        phase.kind === 'flash' ||
        phase.kind === 'head_turn' ||
        phase.kind === 'identify') && (
        <section class="face-look" aria-labelledby="face-title">
          <h1 id="face-title">{t('face.title')}</h1>
          <p class="face-amount">{t('face.amount', { amount: formatFen(total) })}</p>
          <div class="face-guide">
            <video ref={video} class="face-video" aria-label={t('face.video')} muted playsInline />
            <span class="face-ring" aria-hidden="true" />
          </div>
          {props.demoCamera && (
            <p class="demo-camera-note" data-demo-camera>
              {t('demo.playing', { name: props.demoCamera.memberName })}
            </p>
          )}
          {phase.kind === 'head_turn' ? (
            <div class="head-turn" data-head-turn={phase.stage === 'turn' ? phase.side : 'front'}>
              <p class="head-turn-why">{t('face.turn.why')}</p>
              <p class="face-hint head-turn-prompt" role="status" aria-live="assertive">
                {phase.stage === 'turn' && (
                  <span class="head-turn-arrow" aria-hidden="true">
                    {phase.side === 'left' ? '←' : '→'}
                  </span>
                )}
                {t(turnPrompt(phase.side, phase.stage))}
              </p>
            </div>
          ) : (
            <p class="face-hint" role="status" aria-live="polite">
              {phase.kind === 'detect' ? t(phase.hint) : phase.kind === 'flash' ? t('face.flashing') : ''}
            </p>
          )}
          {phase.kind === 'identify' && <Spinner label={t('face.recognising')} />}
          {phase.kind !== 'identify' && (
            <button type="button" class="big" onClick={props.onBackToCart}>
              {t('face.cancel')}
            </button>
          )}
        </section>
      )}
      {phase.kind === 'paying' && (
        <section class="face-paying" aria-labelledby="paying-title">
          <h1 id="paying-title">{t('face.title')}</h1>
          <Spinner label={t(phase.confirming ? 'pay.confirming' : 'pay.paying')} />
        </section>
      )}
      {phase.kind === 'step_up' && (
        <StepUpKeypad
          session={phase.session}
          wrong={phase.wrong}
          busy={phase.busy}
          onAnswer={(a) => void answer(phase.session, a)}
          onCancel={props.onBackToCart}
        />
      )}
      {phase.kind === 'greeting' && (
        <GreetingScreen
          session={phase.session}
          busy={phase.busy}
          problem={phase.problem}
          onChoose={(choices) => void choose(phase.session, choices)}
          onConfirm={() => confirm(phase.session)}
          onCancel={props.onBackToCart}
        />
      )}
      {phase.kind === 'paid' && (
        <PaidScreen session={phase.session} payment={phase.payment} onDone={props.onFinished} />
      )}
      {phase.kind === 'declined' && (
        <DeclinedScreen
          declined={phase.declined}
          onRetry={() => {
            setFaceSeen(false);
            setPhase({ kind: 'detect', hint: 'face.opening' });
            setAttempt((a) => a + 1);
          }}
          onBack={props.onBackToCart}
        />
      )}
      <div ref={flash} class="screen-flash" data-screen-flash aria-hidden="true">
        <p class="screen-flash-label">{t('face.flashing')}</p>
      </div>
    </main>
  );
}
