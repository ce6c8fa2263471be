import type { Member } from '@shualian/db';
import { birthdayOf } from './birthday.ts';
import { maskPhone } from './phone.ts';
import type { MemberService } from './member.service.ts';
import type { MemberListService } from './member-list.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireMember, requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams, Uuid } from '../../platform/http/shared.schemas.ts';
import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app.types.ts';
import {
  BirthdayCorrection,
  BirthdayInput,
  MemberBirthday,
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
  birthday: birthdayOf(m),
});

const MemberParams = Type.Object({ merchantId: Uuid, memberId: Uuid });

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

      memberApp.put(
        '/v1/member/me/birthday',
        {
          schema: {
            ...member,
            operationId: 'setMyBirthday',
            summary: 'Give my birthday (once): month and day, the year if I like',
            description:
              'Birthday gifts (the tier’s birthday coupon and points) come on it. It is given once: afterwards only the store corrects it (`birthday_already_set`), so it cannot be moved to collect gifts. 29 February is celebrated on 28 February in other years.',
            body: BirthdayInput,
            response: {
              200: described(MemberProfile, 'The member, with the birthday'),
              ...errorResponses({
                400: ['birthday_invalid'],
                404: ['member_not_found'],
                409: ['birthday_already_set'],
              }),
            },
          },
        },
        async (request) => profile(await services.members.setMyBirthday(requireMember(request), request.body)),
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
              birthday: birthdayOf(m),
              createdAt: m.created_at.toISOString(),
            })),
          };
        },
      );

      staffApp.put(
        '/v1/merchants/:merchantId/members/:memberId/birthday',
        {
          schema: {
            ...staff,
            operationId: 'correctMemberBirthday',
            tags: ['members'],
            summary: "Correct a member's birthday (or clear it), with a reason; audited",
            description:
              'Members give their birthday once; staff with `member.birthday_correct` correct it. A birthday gift is given once a year whatever the corrections; cleared, the member may give it again.',
            params: MemberParams,
            body: BirthdayCorrection,
            response: {
              200: described(MemberBirthday, 'The member’s birthday now'),
              ...errorResponses({
                400: ['birthday_invalid', 'reason_required', 'reason_too_long'],
                403: ['forbidden'],
                404: ['merchant_not_found', 'member_not_found'],
              }),
            },
          },
        },
        async (request) => {
          const updated = await services.members.correctBirthday(
            requireStaff(request),
            request.params.merchantId,
            request.params.memberId,
            request.body,
          );
          return { memberId: updated.id, birthday: birthdayOf(updated) };
        },
      );
    });
  };
}
