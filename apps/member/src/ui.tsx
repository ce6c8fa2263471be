import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@shualian/web-kit';
import { describeError } from './problems.ts';

/** A failed call said in words, announced to screen readers. */
export function Problem(props: { error: unknown; id?: string }) {
  const { t } = useI18n();
  if (!props.error) return null;
  return (
    <p class="notice notice-error" role="alert" id={props.id}>
      {describeError(props.error, t)}
    </p>
  );
}

/** A polite live region: success and progress messages are read out without moving focus. */
export function Status(props: { children?: ComponentChildren; tone?: 'ok' | 'info' | 'warn' }) {
  return (
    <div role="status" aria-live="polite" class="status-slot">
      {props.children ? <p class={`notice notice-${props.tone ?? 'ok'}`}>{props.children}</p> : null}
    </div>
  );
}

class FormInvalid extends Error {}

export interface FormState {
  /** What the member must correct before anything is sent. */
  invalid: string | undefined;
  /** The call that failed. */
  error: unknown;
  /** What was done, in words. */
  done: string | undefined;
  busy: boolean;
  setInvalid(message: string | undefined): void;
  /**
   * A submit handler: clears the last outcome, runs `work`, and shows the message it returns, the message it passed to
   * `refuse` (a correction, nothing sent) or the error it threw.
   */
  onSubmit(work: (refuse: (message: string) => never) => Promise<string>): (event: Event) => Promise<void>;
}

/** The outcome state every member form repeats: a correction, a failed call, a success message and "busy". */
export function useForm(): FormState {
  const [invalid, setInvalid] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const refuse = (message: string): never => {
    throw new FormInvalid(message);
  };
  const onSubmit = (work: (refuse: (message: string) => never) => Promise<string>) => async (event: Event) => {
    event.preventDefault();
    setInvalid(undefined);
    setError(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      setDone(await work(refuse));
    } catch (failure) {
      if (failure instanceof FormInvalid) setInvalid(failure.message);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { invalid, error, done, busy, setInvalid, onSubmit };
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads once on mount (and on reload); the latest answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [round, ...deps]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/** A modal question with a cancel and a confirm button; the native <dialog> keeps focus inside and closes on Escape. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div class="actions">
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          {t('app.cancel')}
        </button>
        <button type="button" class="primary danger-fill" onClick={props.onConfirm} disabled={props.busy}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** A screen's title; focused when the screen opens so screen readers announce where the member is. */
export function ScreenTitle(props: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class="screen-title">
      {props.children}
    </h1>
  );
}
