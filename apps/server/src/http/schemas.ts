import { Type, type TSchema } from '@sinclair/typebox';
import { DomainError } from '../domain/errors.ts';

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

export const errorResponses = (...statuses: number[]): Record<number, TSchema> =>
  Object.fromEntries(statuses.map((status) => [status, Type.Ref('ErrorBody')]));

export const MerchantParams = Type.Object({ merchantId: Uuid });

export const IdempotencyKey = Type.String({ pattern: '^[A-Za-z0-9_.:-]{8,128}$', description: 'unique per intended operation; retries reuse it' });
export const Fen = Type.Integer({ description: 'amount in fen (1/100 yuan)' });
export const PositiveFen = Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'amount in fen (1/100 yuan), at least 1' });
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
