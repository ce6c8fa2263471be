import { DEVICE_HEADERS } from '@shualian/device-signing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../domain-errors.ts';
import type { Services } from '../../container.ts';

/** preHandlers that establish who is calling. Routes pick the one they accept. */
export function authenticators(services: Services) {
  async function staff(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) throw unauthenticated('session_missing', 'sign in first: Authorization: Bearer <token>');
    request.staff = await services.auth.authenticate(match[1]);
  }

  async function device(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    request.device = await services.devices.authenticate({
      merchantId: header(DEVICE_HEADERS.merchant),
      deviceId: header(DEVICE_HEADERS.device),
      timestamp: header(DEVICE_HEADERS.timestamp),
      nonce: header(DEVICE_HEADERS.nonce),
      signature: header(DEVICE_HEADERS.signature),
      method: request.method,
      path: request.url,
      body: request.rawBody ?? new Uint8Array(),
    });
  }

  /** Either a signed-in staff member or a signed device request (kiosks and the console share some reads). */
  async function staffOrDevice(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.headers.authorization) return staff(request, reply);
    if (request.headers[DEVICE_HEADERS.signature]) return device(request, reply);
    throw unauthenticated('credentials_missing', 'sign in as staff or sign the request as a device');
  }

  async function member(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const match = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) throw unauthenticated('member_session_missing', 'sign in with your phone number first');
    request.member = await services.members.authenticate(match[1]);
  }

  return { staff, device, staffOrDevice, member };
}

export type Authenticators = ReturnType<typeof authenticators>;

export function requireStaff(request: FastifyRequest) {
  if (!request.staff) throw unauthenticated('session_missing', 'sign in first');
  return request.staff;
}

export function requireDevice(request: FastifyRequest) {
  if (!request.device) throw unauthenticated('device_signature_missing', 'this route needs a signed device request');
  return request.device;
}

export function requireMember(request: FastifyRequest) {
  if (!request.member) throw unauthenticated('member_session_missing', 'sign in with your phone number first');
  return request.member;
}

export function requireActor(request: FastifyRequest) {
  const actor = request.staff ?? request.device ?? request.member;
  if (!actor) throw forbidden('forbidden', 'no caller identity');
  return actor;
}
