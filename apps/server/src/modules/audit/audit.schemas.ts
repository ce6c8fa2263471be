import { Type } from '@sinclair/typebox';
import { PageLimit, Timestamp } from '../../platform/http/shared.schemas.ts';

/** The audit log, a page at a time. */
export const AuditEvent = Type.Object({
  id: Type.Integer(),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  at: Timestamp,
});
export const AuditQuery = Type.Object({
  limit: PageLimit,
  beforeId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
});
export const AuditEventList = Type.Object(
  { events: Type.Array(AuditEvent) },
  { description: 'Up to `limit` events, newest first' },
);
