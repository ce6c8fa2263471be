import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ApiError } from '@shualian/sdk';
import { ErrorNotice, formatFen, ModalDialog, Spinner, useI18n } from '@shualian/web-kit';
import { hasMessage } from '../messages.ts';

/**
 * A failed call in words: the console's own sentence for error codes it knows (money and limits filled in from the
 * error's details), the server's message otherwise.
 */
export function Problem(props: { error: unknown }) {
  const { t } = useI18n();
  const { error } = props;
  if (!error) return null;
  if (error instanceof ApiError && hasMessage(`error.${error.code}`)) {
    return (
      <p class="notice notice-error" role="alert">
        {t(`error.${error.code}`, { message: error.message, ...detailVars(error.details) })}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}

function detailVars(details: unknown): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  if (details && typeof details === 'object') {
    for (const [key, value] of Object.entries(details)) {
      if (typeof value === 'number') vars[key] = key.endsWith('Fen') ? formatFen(value) : value;
      else if (typeof value === 'string') vars[key] = value;
    }
  }
  return vars;
}

/** Loading, failed, empty or the content: every list and report says which of the four it is. */
export function Loadable(props: {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: string;
  children: ComponentChildren;
  hasData: boolean;
}) {
  const { t } = useI18n();
  if (props.error) return <Problem error={props.error} />;
  if (!props.hasData && props.loading) return <Spinner label={t('state.loading')} />;
  if (props.empty) return <p class="empty-state">{props.emptyText ?? t('state.empty')}</p>;
  return <>{props.children}</>;
}

export function PageTitle(props: { title: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = props.title;
  }, [props.title]);
  return (
    <div class="page-title">
      <h1>{props.title}</h1>
      {props.children}
    </div>
  );
}

/** A modal question (the native <dialog>: focus kept inside, Esc cancels); its content only while open. */
export function Dialog(props: {
  open: boolean;
  title: string;
  onClose(): void;
  children: ComponentChildren;
  labelId: string;
}) {
  return (
    <ModalDialog open={props.open} onCancel={props.onClose} class="dialog" labelledBy={props.labelId}>
      {props.open && (
        <>
          <h2 id={props.labelId}>{props.title}</h2>
          {props.children}
        </>
      )}
    </ModalDialog>
  );
}

export function StatusBadge(props: { tone: 'ok' | 'warn' | 'off' | 'error'; children: ComponentChildren }) {
  return <span class={`badge badge-${props.tone}`}>{props.children}</span>;
}

export function Money(props: { fen: number }) {
  return <span class="money">{formatFen(props.fen)}</span>;
}

/**
 * The reason staff must give for a money or points correction: a short text, marked invalid with `missingMessage`
 * shown under it while it is required and empty; the form decides what a new reason means (a new idempotency key).
 */
export function ReasonField(props: {
  id: string;
  label: string;
  value: string;
  missing: boolean;
  missingMessage: string;
  onInput(value: string): void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        maxLength={200}
        rows={2}
        value={props.value}
        aria-invalid={props.missing}
        aria-describedby={props.missing ? errorId : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.missing && (
        <p id={errorId} class="field-error" role="alert">
          {props.missingMessage}
        </p>
      )}
    </>
  );
}
