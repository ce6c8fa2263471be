import type { StaffUser } from '@shualian/db';
import type { StaffService } from './staff.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { NewPassword, NewStaff, StaffChange, StaffList, StaffMember, StaffParams } from './staff.schemas.ts';

const secured = { tags: ['staff'], security: [{ staffSession: [] }] };
const personErrors = { 403: ['forbidden'], 404: ['merchant_not_found', 'staff_not_found'] } as const;

function present(s: StaffUser) {
  return {
    staffId: s.id,
    username: s.username,
    displayName: s.display_name,
    role: s.role,
    merchantId: s.merchant_id!,
    storeId: s.store_id,
    disabled: s.disabled_at !== null,
    disabledAt: s.disabled_at?.toISOString() ?? null,
    createdAt: s.created_at.toISOString(),
  };
}

/** A merchant's staff accounts, kept by its merchant admins (and the provider's admins). */
export function staffRoutes(services: { staff: StaffService }, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.staff);

    app.get(
      '/v1/merchants/:merchantId/staff',
      {
        schema: {
          ...secured,
          operationId: 'listStaff',
          summary: 'The staff accounts of a merchant, disabled ones included',
          description: 'Merchant and provider admins. Passwords are never shown.',
          params: MerchantParams,
          response: {
            200: StaffList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => ({
        staff: (await services.staff.list(requireStaff(request), request.params.merchantId)).map(present),
      }),
    );

    app.post(
      '/v1/merchants/:merchantId/staff',
      {
        schema: {
          ...secured,
          operationId: 'createStaff',
          summary: 'Create a staff account with a role (and a store for store roles)',
          description:
            'Merchant admins and provider admins. Store managers and cashiers need `storeId`; a merchant admin has none. Give the person the username and password by hand; they sign in with `login`. Audited (without the password).',
          params: MerchantParams,
          body: NewStaff,
          response: {
            201: described(StaffMember, 'The new staff account'),
            ...errorResponses({
              400: ['store_required', 'store_not_allowed'],
              403: ['forbidden', 'role_not_assignable'],
              404: ['merchant_not_found', 'store_not_found'],
              409: ['username_taken'],
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(present(await services.staff.create(requireStaff(request), request.params.merchantId, request.body))),
    );

    app.patch(
      '/v1/merchants/:merchantId/staff/:staffId',
      {
        schema: {
          ...secured,
          operationId: 'updateStaff',
          summary: "Change a staff member's display name, role or store",
          description:
            'A new role takes effect on their next request. Changing to merchant_admin drops the store; changing to a store role needs `storeId` unless they already have one. Nobody changes their own role or store. Audited.',
          params: StaffParams,
          body: StaffChange,
          response: {
            200: described(StaffMember, 'The staff account after the change'),
            ...errorResponses({
              400: ['store_required', 'store_not_allowed'],
              403: ['forbidden', 'role_not_assignable'],
              404: ['merchant_not_found', 'staff_not_found', 'store_not_found'],
              409: ['staff_self_change'],
            }),
          },
        },
      },
      async (request) =>
        present(
          await services.staff.update(
            requireStaff(request),
            request.params.merchantId,
            request.params.staffId,
            request.body,
          ),
        ),
    );

    for (const [action, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/v1/merchants/:merchantId/staff/:staffId/${action}`,
        {
          schema: {
            ...secured,
            operationId: `${action}Staff`,
            summary: disabled
              ? 'Disable a staff account: signed out everywhere at once, and no more sign-ins'
              : 'Enable a disabled staff account again',
            description: disabled
              ? 'For someone who leaves or a lost password. Nothing they did is lost. You cannot disable yourself. Doing it twice changes nothing. Audited.'
              : 'They sign in with the password they had (reset it with `resetStaffPassword` if need be). Audited.',
            params: StaffParams,
            response: {
              200: described(StaffMember, `The staff account, ${action}d`),
              ...errorResponses(disabled ? { ...personErrors, 409: ['staff_self_change'] } : personErrors),
            },
          },
        },
        async (request) =>
          present(
            await services.staff.setDisabled(
              requireStaff(request),
              request.params.merchantId,
              request.params.staffId,
              disabled,
            ),
          ),
      );
    }

    app.post(
      '/v1/merchants/:merchantId/staff/:staffId/password',
      {
        schema: {
          ...secured,
          operationId: 'resetStaffPassword',
          summary: 'Set a new password for a staff member; their sessions end',
          description:
            'The admin chooses the new password and hands it over; the person is signed out everywhere and signs in with it. Audited (without the password).',
          params: StaffParams,
          body: NewPassword,
          response: {
            200: described(StaffMember, 'The staff account, with its new password set'),
            ...errorResponses(personErrors),
          },
        },
      },
      async (request) =>
        present(
          await services.staff.resetPassword(
            requireStaff(request),
            request.params.merchantId,
            request.params.staffId,
            request.body.password,
          ),
        ),
    );
  };
}
