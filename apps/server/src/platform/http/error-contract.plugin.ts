import type { RouteOptions } from 'fastify';
import type { ErrorCode } from './error-codes.ts';
import { codesOf, errorBody } from './shared.schemas.ts';

const STAFF_SESSION: ErrorCode[] = ['session_missing', 'session_invalid'];
const MEMBER_SESSION: ErrorCode[] = ['member_session_missing', 'member_session_invalid'];
const DEVICE_SIGNATURE: ErrorCode[] = [
  'device_signature_missing',
  'device_signature_malformed',
  'device_request_stale',
  'device_unknown',
  'device_revoked',
  'device_not_activated',
  'device_signature_invalid',
  'device_request_replayed',
];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * An `onRoute` hook that completes an operation's error contract: to the codes the route names it adds those that
 * come from how it is called (its security scheme, a body or parameters, a rate limit) and `internal_error`, and
 * lists them all, status by status, in the operation's `x-error-codes` as well as in its responses.
 */
export function documentErrors(route: RouteOptions): void {
  const schema = route.schema as
    | (Record<string, unknown> & { response?: Record<string, unknown>; security?: Array<Record<string, unknown>> })
    | undefined;
  if (!schema || schema.hide) return;
  const codes = new Map<number, Set<string>>();
  const add = (status: number, list: readonly string[]) => {
    const set = codes.get(status) ?? codes.set(status, new Set()).get(status)!;
    for (const code of list) set.add(code);
  };
  const successes: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(schema.response ?? {})) {
    if (Number(status) >= 400) add(Number(status), codesOf(response));
    else successes[status] = response;
  }

  const takesBody = [route.method].flat().some((method) => BODY_METHODS.has(method.toUpperCase()));
  if (schema.body || schema.querystring || schema.params || takesBody) add(400, ['invalid_request', 'string_invalid']);
  if (schema.params) {
    add(400, ['url_invalid']);
    add(414, ['url_too_long']);
  }
  if (takesBody) {
    add(413, ['body_too_large']);
    add(415, ['unsupported_media_type']);
  }
  const schemes = new Set((schema.security ?? []).flatMap((requirement) => Object.keys(requirement)));
  if (schemes.has('staffSession')) add(401, STAFF_SESSION);
  if (schemes.has('memberSession')) add(401, MEMBER_SESSION);
  if (schemes.has('deviceSignature')) add(401, DEVICE_SIGNATURE);
  if (schemes.has('staffSession') && schemes.has('deviceSignature')) add(401, ['credentials_missing']);
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) add(429, ['rate_limited']);
  add(500, ['internal_error']);

  const statuses = [...codes.keys()].sort((a, b) => a - b);
  schema.response = {
    ...successes,
    ...Object.fromEntries(statuses.map((status) => [status, errorBody([...codes.get(status)!])])),
  };
  schema['x-error-codes'] = Object.fromEntries(
    statuses.map((status) => [String(status), [...codes.get(status)!].sort()]),
  );
}
