import type { StaffActor } from '../../platform/actors.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import type { AuthService } from './auth.service.ts';
import { permissionsOf } from './permissions.ts';
import { Credentials, SignedOut, StaffProfile, StaffSignedIn } from './auth.schemas.ts';

const profileOf = (staff: StaffActor & { username: string; displayName: string }) => ({
  ...staff,
  permissions: permissionsOf(staff.role),
});

export function authRoutes(services: { auth: AuthService }, auth: Authenticators, loginsPerMinute: number) {
  return async (app: App) => {
    app.post(
      '/v1/auth/login',
      {
        config: { rateLimit: { max: loginsPerMinute, timeWindow: '1 minute' } },
        schema: {
          operationId: 'login',
          tags: ['staff'],
          summary: 'Staff sign-in; returns a bearer token',
          description:
            'Signs a staff member in with username and password. Send the token as `Authorization: Bearer <token>` on staff operations until it expires or `logout`. A wrong password and an unknown username are refused alike. Limited per client address per minute (429 `rate_limited`), and per account: after repeated wrong passwords the account locks, from any address, each lock twice as long as the last (429 `account_locked` with `details.retryAfterSeconds`). A successful sign-in clears the count.',
          body: Credentials,
          response: {
            200: StaffSignedIn,
            ...errorResponses({ 401: ['invalid_credentials'], 429: ['account_locked'] }),
          },
        },
      },
      async (request) => {
        const session = await services.auth.login(request.body.username, request.body.password, { ip: request.ip });
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), staff: profileOf(session.staff) };
      },
    );

    app.post(
      '/v1/auth/logout',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'logout',
          tags: ['staff'],
          summary: 'Sign out: end this staff session',
          description:
            'The bearer token stops working at once. Other sessions of the same staff member are not touched.',
          security: [{ staffSession: [] }],
          response: { 204: SignedOut, ...errorResponses({}) },
        },
      },
      async (request, reply) => {
        const token = request.headers.authorization!.replace(/^Bearer\s+/i, '');
        await services.auth.logout(token);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/auth/me',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'getCurrentStaff',
          tags: ['staff'],
          summary: 'Who am I: the signed-in staff member',
          description:
            'The staff member behind the bearer token, with role, the provider, merchant and store it reaches, and what the role may do there.',
          security: [{ staffSession: [] }],
          response: { 200: described(StaffProfile, 'The signed-in staff member'), ...errorResponses({}) },
        },
      },
      async (request) => profileOf(requireStaff(request)),
    );
  };
}
