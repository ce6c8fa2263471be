import type { Member } from '@shualian/db';
import { maskPhone } from './phone.ts';
import type { MemberService } from './member.service.ts';
import type { MemberListService } from './member-list.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember, requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import {
  MemberList,
  MemberListQuery,
  MemberProfile,
  OtpRequest,
  OtpSent,
  Registration,
  SignedIn,
} from './member.schemas.ts';

const member = { tags: ['member app'], security: [{ memberSession: [] }] };
const staff = { security: [{ staffSession: [] }] };

const profile = (m: Member) => ({
  memberId: m.id,
  merchantId: m.merchant_id,
  maskedPhone: maskPhone(m.phone),
  displayName: m.display_name,
});

/** Members: sign-up and sign-in by SMS code and the signed-in member (member app), the member list (console). */
export function memberRoutes(
  services: { members: MemberService; memberList: MemberListService },
  auth: Authenticators,
  otpPerMinute: number,
) {
  return async (app: App) => {
    app.post(
      '/v1/members/otp',
      {
        config: { rateLimit: { max: otpPerMinute, timeWindow: '1 minute' } },
        schema: {
          operationId: 'requestOtp',
          tags: ['member app'],
          summary: 'Send a 6-digit SMS code (5 minutes; resend after 60 s; per-phone and per-network limits)',
          description:
            'First step of member sign-in (and sign-up) in the member app of one merchant, named by its code. The code arrives by SMS; `registerMember` checks it.',
          body: OtpRequest,
          response: {
            202: OtpSent,
            ...errorResponses({
              400: ['phone_invalid'],
              404: ['merchant_not_found'],
              429: ['otp_too_soon', 'otp_phone_limit', 'otp_ip_limit', 'otp_merchant_limit'],
            }),
          },
        },
      },
      async (request, reply) => {
        const { expiresAt } = await services.members.requestOtp(
          request.body.merchantCode,
          request.body.phone,
          request.ip,
        );
        return reply.status(202).send({ expiresAt: expiresAt.toISOString() });
      },
    );

    app.post(
      '/v1/members/register',
      {
        config: { rateLimit: { max: otpPerMinute, timeWindow: '1 minute' } },
        schema: {
          operationId: 'registerMember',
          tags: ['member app'],
          summary: 'Verify the SMS code; registers the phone with the merchant if new, and signs the member in',
          description:
            'Returns a member session token (30 days) for the member operations. `created` tells a new member from a returning one.',
          body: Registration,
          response: {
            200: SignedIn,
            ...errorResponses({
              400: ['phone_invalid'],
              401: ['otp_invalid', 'otp_expired'],
              404: ['merchant_not_found'],
              429: ['otp_attempts_exceeded'],
            }),
          },
        },
      },
      async (request) => {
        const result = await services.members.register(request.body);
        return {
          token: result.token,
          expiresAt: result.expiresAt.toISOString(),
          created: result.created,
          member: profile(result.member),
        };
      },
    );

    app.register(async (memberApp: App) => {
      memberApp.addHook('preHandler', auth.member);

      memberApp.get(
        '/v1/member/me',
        {
          schema: {
            ...member,
            operationId: 'getMember',
            summary: 'Who am I: the signed-in member',
            description: 'The member behind the member session token; the phone is masked.',
            response: { 200: described(MemberProfile, 'The member'), ...errorResponses({ 404: ['member_not_found'] }) },
          },
        },
        async (request) => profile(await services.members.get(requireMember(request))),
      );
    });

    app.register(async (staffApp: App) => {
      staffApp.addHook('preHandler', auth.staff);

      staffApp.get(
        '/v1/merchants/:merchantId/members',
        {
          schema: {
            ...staff,
            operationId: 'listMembers',
            tags: ['members'],
            summary: 'Members with consent and enrollment state; phones masked; no face images',
            description: 'Find a member at the till by the last 4 digits of the phone. Newest first.',
            params: MerchantParams,
            querystring: MemberListQuery,
            response: { 200: MemberList, ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }) },
          },
        },
        async (request) => {
          const entries = await services.memberList.list(
            requireStaff(request),
            request.params.merchantId,
            request.query,
          );
          return {
            members: entries.map(({ member: m, consent, enrolled }) => ({
              memberId: m.id,
              maskedPhone: maskPhone(m.phone),
              displayName: m.display_name,
              consent,
              enrolled,
              createdAt: m.created_at.toISOString(),
            })),
          };
        },
      );
    });
  };
}
