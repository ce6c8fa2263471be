import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ModalDialog, useI18n } from '@shualian/web-kit';
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
  return (
    <ModalDialog
      open={props.open}
      onCancel={props.onCancel}
      class="confirm"
      labelledBy="confirm-title"
      describedBy="confirm-body"
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
    </ModalDialog>
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
