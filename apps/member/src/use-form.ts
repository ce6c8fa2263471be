import { useState } from 'preact/hooks';

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
