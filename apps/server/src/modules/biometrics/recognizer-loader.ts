import type { Recognizer } from './face.ports.ts';

/** Loads the recognizer once, on first use (models take seconds); a failed load is retried on the next call. */
export function lazyRecognizer(load: () => Promise<Recognizer>): () => Promise<Recognizer> {
  let pending: Promise<Recognizer> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
