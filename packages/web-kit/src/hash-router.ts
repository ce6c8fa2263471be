import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (`#/receipts/<id>`, `#/payments?memberId=…`): the server serves one index.html per app and has no
 * fallback for deep paths, so the page lives after the #.
 */
export interface HashRoute {
  /** The path's segments, decoded: `#/receipts/r1` → ['receipts', 'r1']. */
  path: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): HashRoute {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
}

/** The hash for a path and its parameters; empty parameters are left out. */
export function hashFor(path: string | string[], params: Record<string, string | undefined> = {}): string {
  const segments = (typeof path === 'string' ? [path] : path).map(encodeURIComponent).join('/');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return `#/${segments}${text ? `?${text}` : ''}`;
}

export function navigateTo(path: string | string[], params: Record<string, string | undefined> = {}): void {
  location.hash = hashFor(path, params);
}

/** The current hash route, following every change of the hash. */
export function useHashRoute(): HashRoute {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
