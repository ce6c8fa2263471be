import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DeviceActor, MemberActor, StaffActor } from '../actors.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body exactly as received; devices sign these bytes. */
    rawBody?: Buffer;
    staff?: StaffActor & { username: string; displayName: string };
    device?: DeviceActor;
    member?: MemberActor;
  }
}
