import { Type } from '@sinclair/typebox';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, StoreParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import type { DoorAccessService, DoorView } from './door-access.service.ts';
import type { DoorEvent } from './door.schema.ts';
import {
  BlockBody,
  CameraDoor,
  CameraDoorBody,
  CameraDoorParams,
  Door,
  DoorChange,
  DoorEventList,
  DoorEventsQuery,
  DoorList,
  DoorParams,
  MemberDoorParams,
  NewDoor,
} from './door.schemas.ts';
import { DOOR_COMMAND_SCHEME } from '@shualian/device-signing';

const staff = { tags: ['doors'], security: [{ staffSession: [] }] };

const presentDoor = (door: DoorView) => ({
  ...door,
  commandScheme: DOOR_COMMAND_SCHEME as typeof DOOR_COMMAND_SCHEME,
  createdAt: door.createdAt.toISOString(),
});

const presentEvent = (event: DoorEvent) => ({
  eventId: event.id,
  doorId: event.door_id,
  deviceId: event.device_id,
  memberId: event.member_id,
  outcome: event.outcome,
  reason: event.reason,
  commandId: event.command_id,
  relayStatus: event.relay_status,
  relayError: event.relay_error,
  at: event.at.toISOString(),
});

/** Member-only doors (staff): register and change doors, bind the cameras that watch them, bar members, the trail. */
export function doorRoutes(services: { doorAccess: DoorAccessService }, auth: Authenticators) {
  return async (app: App) => {
    app.post(
      '/v1/merchants/:merchantId/stores/:storeId/doors',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'registerDoor',
          summary: 'Register a member-only door: its name and the URL of the relay that opens it',
          description:
            "Store managers of the store and merchant admins. The server makes the door an Ed25519 key of its own and signs every open command with it; give the answer's `publicKey` to the relay, which checks each command (signature, expiry, single use) and can never make one. Bind the entrance camera that watches the door with `setCameraDoor`. Audited.",
          params: StoreParams,
          body: NewDoor,
          response: {
            201: described(Door, 'The door, with the public key for its relay'),
            ...errorResponses({
              400: ['door_name_invalid', 'relay_url_invalid'],
              403: ['forbidden'],
              404: ['merchant_not_found', 'store_not_found'],
              409: ['door_name_taken'],
            }),
          },
        },
      },
      async (request, reply) => {
        const door = await services.doorAccess.registerDoor(
          requireStaff(request),
          request.params.merchantId,
          request.params.storeId,
          request.body,
        );
        return reply.status(201).send(presentDoor(door));
      },
    );

    app.get(
      '/v1/merchants/:merchantId/stores/:storeId/doors',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'listDoors',
          summary: "A store's member-only doors, their relays, public keys and the cameras that watch them",
          description: "Staff who may see the store's devices.",
          params: StoreParams,
          response: {
            200: DoorList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'store_not_found'] }),
          },
        },
      },
      async (request) => ({
        doors: (
          await services.doorAccess.listDoors(requireStaff(request), request.params.merchantId, request.params.storeId)
        ).map(presentDoor),
      }),
    );

    app.patch(
      '/v1/merchants/:merchantId/doors/:doorId',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'updateDoor',
          summary: 'Rename a door, point it at another relay URL, or disable and enable it',
          description:
            'Store managers of its store and merchant admins. A disabled door sends no command: every crop of its cameras is refused (`door_disabled`) and written in the trail. Audited.',
          params: DoorParams,
          body: DoorChange,
          response: {
            200: described(Door, 'The door as it is now'),
            ...errorResponses({
              400: ['door_name_invalid', 'relay_url_invalid'],
              403: ['forbidden'],
              404: ['merchant_not_found', 'door_not_found', 'store_not_found'],
              409: ['door_name_taken'],
            }),
          },
        },
      },
      async (request) =>
        presentDoor(
          await services.doorAccess.updateDoor(
            requireStaff(request),
            request.params.merchantId,
            request.params.doorId,
            request.body,
          ),
        ),
    );

    app.put(
      '/v1/merchants/:merchantId/devices/:deviceId/door',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'setCameraDoor',
          summary: 'Bind an entrance camera to the member-only door it watches, or unbind it (null)',
          description:
            "Store managers of its store and merchant admins; the camera and the door must be in the same store. From the camera's next crop, a consenting member it recognises opens the door. Audited.",
          params: CameraDoorParams,
          body: CameraDoorBody,
          response: {
            200: CameraDoor,
            ...errorResponses({
              403: ['forbidden'],
              404: ['merchant_not_found', 'device_not_found', 'door_not_found', 'store_not_found'],
              409: ['device_not_entrance_camera', 'door_in_other_store'],
            }),
          },
        },
      },
      async (request) =>
        services.doorAccess.bindCamera(
          requireStaff(request),
          request.params.merchantId,
          request.params.deviceId,
          request.body.doorId,
        ),
    );

    app.get(
      '/v1/merchants/:merchantId/stores/:storeId/door-events',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'listDoorEvents',
          summary: "The store's doors' trail: every open, failed relay and refusal, newest first",
          description:
            "Staff who may see the store's devices. No face data; an anonymous person is never identified (memberId null).",
          params: StoreParams,
          querystring: DoorEventsQuery,
          response: {
            200: DoorEventList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'store_not_found'] }),
          },
        },
      },
      async (request) => ({
        events: (
          await services.doorAccess.recentEvents(
            requireStaff(request),
            request.params.merchantId,
            request.params.storeId,
            request.query.limit ?? 50,
          )
        ).map(presentEvent),
      }),
    );

    app.put(
      '/v1/merchants/:merchantId/members/:memberId/door-block',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'blockMemberAtDoors',
          summary: "Bar a member from the merchant's member-only doors",
          description:
            'Store managers and merchant admins (the bar holds at every door of the merchant). The member is still recognised and counted at the entrance, but no door opens for them (`member_blocked`). Audited with the reason.',
          params: MemberDoorParams,
          body: BlockBody,
          response: {
            204: Type.Null({ description: 'Barred' }),
            ...errorResponses({
              400: ['reason_invalid'],
              403: ['forbidden'],
              404: ['merchant_not_found', 'member_not_found'],
            }),
          },
        },
      },
      async (request, reply) => {
        await services.doorAccess.blockMember(
          requireStaff(request),
          request.params.merchantId,
          request.params.memberId,
          request.body.reason,
        );
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/v1/merchants/:merchantId/members/:memberId/door-block',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'unblockMemberAtDoors',
          summary: "Let a barred member through the merchant's member-only doors again",
          description: 'Store managers and merchant admins. Audited.',
          params: MemberDoorParams,
          response: {
            204: Type.Null({ description: 'No longer barred' }),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'member_not_blocked'] }),
          },
        },
      },
      async (request, reply) => {
        await services.doorAccess.unblockMember(
          requireStaff(request),
          request.params.merchantId,
          request.params.memberId,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
