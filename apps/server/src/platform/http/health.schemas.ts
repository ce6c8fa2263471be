import { Type } from '@sinclair/typebox';

/** What a process supervisor and a load balancer read: the process answers, the start-up work is done. */
const CheckState = Type.Union([Type.Literal('pending'), Type.Literal('ok'), Type.Literal('failed')]);

export const Healthy = Type.Object(
  { status: Type.Literal('ok'), database: Type.String({ description: 'pglite or postgres' }) },
  { description: 'The server and its database answer' },
);
export const Ready = Type.Object(
  { status: Type.Literal('ready'), checks: Type.Record(Type.String(), CheckState) },
  { description: 'Every start-up check is done: face payment can be served' },
);
