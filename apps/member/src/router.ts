import { useEffect, useState } from 'preact/hooks';

/** Hash routes (#/receipts/<id>): the server serves one page per app and has no fallback for deep paths. */
export type Route =
  | { name: 'home' }
  | { name: 'receipts' }
  | { name: 'receipt'; receiptId: string }
  | { name: 'payments' }
  | { name: 'face' }
  | { name: 'consent' }
  | { name: 'enroll' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'receipts':
      return parts[1] ? { name: 'receipt', receiptId: parts[1] } : { name: 'receipts' };
    case 'payments':
    case 'face':
    case 'consent':
    case 'enroll':
      return { name: parts[0] };
    default:
      return { name: 'home' };
  }
}

export function routeHash(route: Route): string {
  return route.name === 'receipt' ? `#/receipts/${encodeURIComponent(route.receiptId)}` : `#/${route.name}`;
}

export function navigate(route: Route): void {
  location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
