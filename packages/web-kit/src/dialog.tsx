import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal on the native <dialog>: shown with showModal (focus kept inside, the page behind inert), closed when `open`
 * turns false. Escape asks `onCancel` rather than closing by itself, so the app's state stays the one truth.
 */
export function ModalDialog(props: {
  open: boolean;
  onCancel(): void;
  class: string;
  labelledBy: string;
  describedBy?: string;
  children: ComponentChildren;
}) {
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
      class={props.class}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      {props.children}
    </dialog>
  );
}
