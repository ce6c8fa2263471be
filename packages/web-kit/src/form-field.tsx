import type { ComponentChildren, TargetedEvent } from 'preact';

/** What is wrong with a field, announced when it appears; `id` lets the input point at it (aria-describedby). */
export function FieldError(props: { id?: string; children?: ComponentChildren }) {
  if (!props.children) return null;
  return (
    <p class="field-error" id={props.id} role="alert">
      {props.children}
    </p>
  );
}

/** A labelled input with an optional hint above it and the correction it needs below it, tied to it for screen readers. */
export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  name: string;
  type?: 'text' | 'password' | 'tel';
  value: string;
  onInput(event: TargetedEvent<HTMLInputElement>): void;
  autoComplete?: string;
  autoCapitalize?: 'none' | 'off' | 'sentences';
  inputMode?: 'text' | 'numeric' | 'tel';
  maxLength?: number;
  pattern?: string;
  placeholder?: string;
}) {
  const { id, label, hint, error, ...input } = props;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {/* the props above are the input's own; preact types each input type apart */}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...(input as object)} />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </>
  );
}

/** A form's submit button that says when it is working and takes no second press meanwhile. */
export function SubmitButton(props: { busy: boolean; label: string; busyLabel: string; class?: string }) {
  return (
    <button type="submit" class={props.class ?? 'primary wide'} disabled={props.busy}>
      {props.busy ? props.busyLabel : props.label}
    </button>
  );
}
