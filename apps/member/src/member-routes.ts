import { parseHash, useHashRoute, type HashRoute } from '@shualian/web-kit';

/** The member app's screens as hash routes (#/receipts/<id>). */
export type Route =
  | { name: 'home' }
  | { name: 'card' }
  | { name: 'receipts' }
  | { name: 'receipt'; receiptId: string }
  | { name: 'payments' }
  | { name: 'coupons' }
  | { name: 'face' }
  | { name: 'consent' }
  | { name: 'entrance' }
  | { name: 'enroll' };

function routeOf({ path }: HashRoute): Route {
  switch (path[0]) {
    case 'receipts':
      return path[1] ? { name: 'receipt', receiptId: path[1] } : { name: 'receipts' };
    case 'card':
    case 'payments':
    case 'coupons':
    case 'face':
    case 'consent':
    case 'entrance':
    case 'enroll':
      return { name: path[0] };
    default:
      return { name: 'home' };
  }
}

export const parseRoute = (hash: string): Route => routeOf(parseHash(hash));

export function routeHash(route: Route): string {
  return route.name === 'receipt' ? `#/receipts/${encodeURIComponent(route.receiptId)}` : `#/${route.name}`;
}

export function navigate(route: Route): void {
  location.hash = routeHash(route);
}

export const useRoute = (): Route => routeOf(useHashRoute());
