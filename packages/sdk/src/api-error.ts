/**
 * What a failed call becomes. Every refusal the server answers has the ErrorBody shape `{ error: { code, message,
 * details? } }` and becomes an ApiError; no answer at all (offline, timeout) is a NetworkError, the only kind a caller
 * may retry blindly.
 */
export class ApiError<Code extends string = string> extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
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
