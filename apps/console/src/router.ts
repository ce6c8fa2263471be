import { useEffect, useState } from 'preact/hooks';

/** Hash routes (`#/payments?memberId=…`): the server serves one index.html, so the page lives after the #. */
export interface Route {
  page: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  return { page: path, params: new URLSearchParams(search) };
}

export function hrefFor(page: string, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}

export function navigate(page: string, params: Record<string, string | undefined> = {}): void {
  location.hash = hrefFor(page, params);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
