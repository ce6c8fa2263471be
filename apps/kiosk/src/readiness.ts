/**
 * Whether the server can take face payments yet: /readyz answers 200 once the face engine is loaded and the galleries
 * (and the demo member) are ready, 503 before. The kiosk asks every `everyMs` until it is, and says "正在准备" meanwhile.
 */
export function watchReadiness(onReady: () => void, everyMs = 2000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async () => {
    const ready = await fetch('/readyz', { cache: 'no-store' }).then(
      (r) => r.ok,
      () => false,
    );
    if (stopped) return;
    if (ready) onReady();
    else timer = setTimeout(ask, everyMs);
  };
  void ask();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
