import { signedHeaders } from '@shualian/device-signing';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, NetworkError } from './api-error.ts';
import type { paths } from './schema.gen.ts';

export type { Middleware } from 'openapi-fetch';
export type ApiClient = Client<paths>;

/** How long a call may take when it names no `timeoutMs` of its own. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A typed client of the Shualian API: every path, parameter and body as the server's OpenAPI document says. Calls
 * answer `{ data, error, response }`; `unwrap` turns that into the data or a thrown ApiError. A call may name
 * `timeoutMs` beside its params (15 s otherwise); no answer in time, or none at all, is a NetworkError.
 */
export function createApiClient(options: { baseUrl?: string; middleware?: Middleware[] } = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    fetch: async (request) => {
      const timeoutMs = (request as Request & { timeoutMs?: number }).timeoutMs ?? DEFAULT_TIMEOUT_MS;
      try {
        return await globalThis.fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new NetworkError(error instanceof Error ? error.message : String(error));
      }
    },
  });
  client.use(...(options.middleware ?? []));
  return client;
}

type Answer = { data?: unknown; error?: unknown; response: Response };
/** What a call's successful answer holds. */
export type DataOf<R> = R extends { data: infer Data } ? Data : never;

/** The answer's data, or the refusal as an ApiError with the server's code, message and details. */
export async function unwrap<R extends Answer>(pending: Promise<R>): Promise<DataOf<R>> {
  const { data, error, response } = await pending;
  if (response.ok) return data as DataOf<R>;
  const body = (error as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  throw new ApiError(
    response.status,
    typeof body?.code === 'string' ? body.code : `http_${response.status}`,
    typeof body?.message === 'string' ? body.message : response.statusText,
    body?.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : undefined,
  );
}

/**
 * Sends a staff or member session token as `Authorization: Bearer`. `onRefused` hears the code of every 401, so an
 * app can sign out when its session has ended.
 */
export function bearerToken(token: string, onRefused?: (code: string) => void): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.status !== 401 || !onRefused) return;
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { error?: { code?: string } } | undefined;
      onRefused(body?.error?.code ?? 'http_401');
    },
  };
}

/** A store device's identity: its ids and the private key it signs with (never extractable in the browser). */
export interface DeviceCredential {
  deviceId: string;
  merchantId: string;
  storeId: string;
  name: string;
  privateKey: CryptoKey;
}

/**
 * Signs every request as the device (docs/device-signing.md): method, path and query as sent, the exact body bytes,
 * and a fresh timestamp and nonce on every call and every retry of it.
 */
export function deviceSignature(credential: DeviceCredential): Middleware {
  return {
    async onRequest({ request }) {
      const url = new URL(request.url);
      const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
      const headers = await signedHeaders(credential, {
        method: request.method,
        path: url.pathname + url.search,
        body,
      });
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return request;
    },
  };
}
