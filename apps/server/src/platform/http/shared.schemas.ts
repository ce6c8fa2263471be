import { Type, type TSchema } from '@sinclair/typebox';
import { DomainError } from '../domain-errors.ts';
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

/** Schemas shared by many routes. Every error body has this one shape. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable machine-readable code, e.g. invalid_request' }),
      message: Type.String(),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorBody', title: 'ErrorBody' },
);

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
/** A time a client sends (a page cursor, a filter): from 1970 on, as years around 0 do not survive every database driver. */
export const RequestTimestamp = Type.String({ format: 'date-time', pattern: '^(19[7-9][0-9]|[2-9][0-9]{3})-' });

/** The statuses an error answers with (see errors.plugin.ts for how a domain error's kind maps to one). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 500 | 503;

/**
 * The error responses of an operation: for each status, the codes it can answer with. Codes every operation of a kind
 * shares (authentication, malformed requests, rate limits, internal errors) are added by `documentErrors`.
 */
export function errorResponses(codes: Partial<Record<ErrorStatus, readonly ErrorCode[]>>): Record<number, TSchema> {
  return Object.fromEntries(Object.entries(codes).map(([status, list]) => [Number(status), errorBody(list)]));
}

/** An ErrorBody whose code is one of these, described code by code. */
export function errorBody(codes: readonly string[]): TSchema {
  const sorted = [...new Set(codes)].sort();
  return Type.Object(
    {
      error: Type.Object({
        code: Type.Unsafe<string>({ type: 'string', enum: sorted }),
        message: Type.String({ description: 'for people; may change' }),
        details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      }),
    },
    {
      description: sorted
        .map((code) => `- \`${code}\`: ${ERROR_CODES[code as ErrorCode] ?? 'see the message'}`)
        .join('\n'),
    },
  );
}

/** The codes an error response schema made by `errorBody` lists. */
export function codesOf(schema: unknown): string[] {
  const code = (schema as { properties?: { error?: { properties?: { code?: { enum?: unknown } } } } }).properties?.error
    ?.properties?.code;
  return Array.isArray(code?.enum) ? (code.enum as string[]) : [];
}

/** The same schema with a description (OpenAPI shows it as the response's description). */
export const described = <T extends TSchema>(schema: T, description: string): T => ({ ...schema, description });

export const MerchantParams = Type.Object({ merchantId: Uuid });
export const StoreParams = Type.Object({ merchantId: Uuid, storeId: Uuid });

/** How many rows a staff list answers with at most. */
export const PageLimit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });

/** A body field that may be set to null to clear it. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/** A merchant's brand code: members name the merchant by it in the member app. */
export const MerchantCode = Type.String({ pattern: '^[a-z0-9-]{2,40}$', description: 'the brand code, e.g. yabo' });

export const IdempotencyKey = Type.String({
  pattern: '^[A-Za-z0-9_.:-]{8,128}$',
  description: 'unique per intended operation; retries reuse it',
});
export const Fen = Type.Integer({ description: 'amount in fen (1/100 yuan)' });
export const PositiveFen = Type.Integer({
  minimum: 1,
  maximum: 1_000_000_000,
  description: 'amount in fen (1/100 yuan), at least 1',
});
export const LimitFen = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'limit in fen (1/100 yuan)' });

/** A captured camera frame: JPEG, PNG or WebP, base64 (a data: URL prefix is accepted). */
export const Base64Image = Type.String({ minLength: 100, maxLength: 1_500_000 });

export function decodeImage(value: string, field: string): Buffer {
  const body = value.replace(/^data:image\/[a-z]+;base64,/, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw new DomainError('invalid', 'image_encoding_invalid', `${field} is not base64`);
  }
  return Buffer.from(body, 'base64');
}
