import { Spinner, useI18n } from '@shualian/web-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FaceSession, StepUpAnswer } from '@shualian/sdk';
import type { KeypadStepUp } from '../kiosk-api.ts';
import { messages } from '../messages.ts';

const LENGTH: Record<KeypadStepUp, number> = { phone_suffix: 4, full_phone: 11, pin: 6 };
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function answerFor(kind: KeypadStepUp, digits: string): StepUpAnswer {
  return kind === 'phone_suffix'
    ? { phoneSuffix: digits }
    : kind === 'full_phone'
      ? { phone: digits }
      : { pin: digits };
}

/**
 * The step-up the server asked for, typed on large on-screen digits (a PIN is shown as dots only). Typing on a
 * keyboard works too, for staff testing the terminal.
 */
export function StepUpKeypad(props: {
  session: FaceSession;
  wrong: string | null;
  busy: boolean;
  onAnswer: (answer: StepUpAnswer) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const kind: KeypadStepUp =
    props.session.stepUp === 'full_phone' || props.session.stepUp === 'pin' ? props.session.stepUp : 'phone_suffix';
  const length = LENGTH[kind];
  const [digits, setDigits] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  // A new question (or a wrong answer) starts with an empty entry.
  useEffect(() => {
    setDigits('');
    heading.current?.focus();
  }, [kind, props.wrong, props.session.attemptsLeft]);

  const press = (d: string) => setDigits((current) => (current.length < length ? current + d : current));
  const submit = () => digits.length === length && !props.busy && props.onAnswer(answerFor(kind, digits));
  const submitRef = useRef(submit);
  submitRef.current = submit;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (/^\d$/.test(event.key)) press(event.key);
      else if (event.key === 'Backspace') setDigits((c) => c.slice(0, -1));
      else if (event.key === 'Enter' && event.target === document.body) submitRef.current();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [length]);

  const shown = kind === 'pin' ? '●'.repeat(digits.length) : digits;
  const why =
    props.session.reason && `stepUp.why.${props.session.reason}` in messages['zh-CN']
      ? `stepUp.why.${props.session.reason}`
      : null;
  return (
    <section class="step-up" aria-labelledby="step-up-title">
      <h1 id="step-up-title" ref={heading} tabIndex={-1}>
        {t(`stepUp.ask.${kind}`)}
      </h1>
      {props.session.member && (
        <p class="step-up-member">{t('stepUp.member', { phone: props.session.member.maskedPhone })}</p>
      )}
      {why && !props.wrong && why !== `stepUp.why.${props.wrong}` && <p class="muted">{t(why)}</p>}
      {props.wrong && (
        <p class="notice notice-error" role="alert">
          {t(`stepUp.wrong.${props.wrong}`)} {t('stepUp.attemptsLeft', { n: props.session.attemptsLeft })}
        </p>
      )}
      <div
        class="step-up-entry"
        role="status"
        aria-label={t('stepUp.entryLabel', { n: digits.length, total: length })}
        data-step-up-entry
      >
        {Array.from({ length }, (_, i) => (
          <span key={i} class={`step-up-slot ${i < digits.length ? 'filled' : ''}`} aria-hidden="true">
            {shown[i] ?? ''}
          </span>
        ))}
      </div>
      {props.busy ? (
        <Spinner label={t('stepUp.checking')} />
      ) : (
        <div class="keypad" role="group" aria-label={t('stepUp.keypad')}>
          {KEYS.map((d) => (
            <button key={d} type="button" class="keypad-key" onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button type="button" class="keypad-key keypad-word" onClick={() => setDigits((c) => c.slice(0, -1))}>
            {t('stepUp.delete')}
          </button>
          <button type="button" class="keypad-key" onClick={() => press('0')}>
            0
          </button>
          <button
            type="button"
            class="keypad-key keypad-word primary"
            disabled={digits.length !== length}
            onClick={submit}
          >
            {t('stepUp.confirm')}
          </button>
        </div>
      )}
      <button type="button" class="big step-up-cancel" onClick={props.onCancel}>
        {t('stepUp.cancel')}
      </button>
    </section>
  );
}
