import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` on mount, whenever `deps` change and on `reload`; a late answer to an older request is dropped.
 * A `reload` keeps the last data shown while it runs; new `deps` (another search, another member) drop it, so a page
 * never shows the previous question's rows under the new question's heading.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const start = useCallback((keepData: boolean) => {
    const mine = ++generation.current;
    setState((s) => ({ data: keepData ? s.data : undefined, loading: true }));
    load().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: unknown) => mine === generation.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, deps);
  useEffect(() => start(false), [start]);
  const reload = useCallback(() => start(true), [start]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
