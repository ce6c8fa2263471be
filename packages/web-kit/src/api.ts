/**
 * Calls to the Shualian API from a browser app. Every error the server answers has the shape
 * `{ error: { code, message, details? } }` and becomes an ApiError; no answer at all (offline, timeout) is a
 * NetworkError, which is the only kind a caller may retry blindly.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Sent as JSON; a string is sent as it is (signed requests sign exactly these bytes). */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function apiRequest<T>(request: ApiRequest): Promise<T> {
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(request.path, {
      method: request.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText, error?.details);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether trying the same call again could succeed: no answer, or the server or a proxy failing for now. */
export function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && (error.status >= 500 || error.status === 429));
}

/**
 * Runs `attempt` again after transient failures. The caller keeps anything that makes the call idempotent (an
 * idempotency key) the same across attempts; `attempt` builds everything that must be fresh (a signature's nonce).
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: { delaysMs?: number[]; onRetry?: (error: unknown, attemptNumber: number) => void } = {},
): Promise<T> {
  const delays = options.delaysMs ?? [400, 1200, 2500];
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= delays.length || !isTransient(error)) throw error;
      options.onRetry?.(error, i + 1);
      await new Promise((resolve) => setTimeout(resolve, delays[i]));
    }
  }
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
