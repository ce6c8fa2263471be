import { Type } from '@sinclair/typebox';
import { PageLimit, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** The door-access wire shapes: doors, camera binding, barred members, the doors' trail. */
export const DoorParams = Type.Object({ merchantId: Uuid, doorId: Uuid });
export const CameraDoorParams = Type.Object({ merchantId: Uuid, deviceId: Uuid });
export const MemberDoorParams = Type.Object({ merchantId: Uuid, memberId: Uuid });

const DoorName = Type.String({ minLength: 1, maxLength: 60, description: 'what staff call the door, e.g. 会员通道' });
const RelayUrl = Type.String({
  minLength: 1,
  maxLength: 500,
  description:
    'where the door controller takes signed open commands (POST, JSON); http or https, no user, password or #fragment',
});

export const NewDoor = Type.Object({ name: DoorName, relayUrl: RelayUrl }, { additionalProperties: false });
export const DoorChange = Type.Object(
  {
    name: Type.Optional(DoorName),
    relayUrl: Type.Optional(RelayUrl),
    enabled: Type.Optional(Type.Boolean({ description: 'false: the door opens for nobody (every crop refused)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Door = Type.Object(
  {
    doorId: Uuid,
    storeId: Uuid,
    name: Type.String(),
    relayUrl: Type.String(),
    publicKey: Type.String({
      description:
        "the door's Ed25519 public key (base64url SPKI; the raw 32-byte key is its last 32 bytes): give it to the relay, which checks every command with it (@shualian/device-signing createDoorCommandVerifier)",
    }),
    commandScheme: Type.Literal('SHUALIAN-DOOR-ED25519-V1'),
    enabled: Type.Boolean(),
    cameraIds: Type.Array(Uuid, { description: 'the entrance cameras that watch the door' }),
    createdAt: Timestamp,
  },
  { description: 'A member-only door and its relay' },
);
export const DoorList = Type.Object({ doors: Type.Array(Door) }, { description: "The store's member-only doors" });

export const CameraDoorBody = Type.Object(
  { doorId: Type.Union([Uuid, Type.Null()], { description: 'the door the camera watches; null: none' }) },
  { additionalProperties: false },
);
export const CameraDoor = Type.Object(
  { deviceId: Uuid, doorId: Type.Union([Uuid, Type.Null()]) },
  { description: 'The door the camera watches now' },
);

export const BlockBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200, description: 'why, for the audit log' }) },
  { additionalProperties: false },
);

export const DoorOutcomeSchema = Type.Union(
  [Type.Literal('opened'), Type.Literal('relay_failed'), Type.Literal('refused')],
  {
    description:
      '`opened`: the relay accepted the signed open command; `relay_failed`: it did not answer in time or refused it; `refused`: no command was sent (see `reason`)',
  },
);
export const DoorRefusalSchema = Type.Union(
  [
    Type.Literal('anonymous'),
    Type.Literal('no_entrance_consent'),
    Type.Literal('member_blocked'),
    Type.Literal('door_disabled'),
    Type.Null(),
  ],
  {
    description:
      '`anonymous`: not a member who turned entrance recognition on; `no_entrance_consent`: recognised, but entrance consent was withdrawn; `member_blocked`: the member is barred from the doors; `door_disabled`: staff disabled the door',
  },
);

export const DoorEventsQuery = Type.Object({ limit: Type.Optional(PageLimit) }, { additionalProperties: false });
export const DoorEventItem = Type.Object({
  eventId: Uuid,
  doorId: Uuid,
  deviceId: Uuid,
  memberId: Type.Union([Uuid, Type.Null()], { description: 'the member; null for anyone not named' }),
  outcome: DoorOutcomeSchema,
  reason: DoorRefusalSchema,
  commandId: Type.Union([Uuid, Type.Null()]),
  relayStatus: Type.Union([Type.Integer(), Type.Null()], { description: "the relay's HTTP status, if it answered" }),
  relayError: Type.Union([Type.String(), Type.Null()]),
  at: Timestamp,
});
export const DoorEventList = Type.Object(
  { events: Type.Array(DoorEventItem) },
  { description: "The store's doors' trail, newest first" },
);

export const DoorDecisionSchema = Type.Union(
  [
    Type.Object({
      doorId: Uuid,
      outcome: DoorOutcomeSchema,
      reason: DoorRefusalSchema,
      repeated: Type.Boolean({
        description: "the same person's decision of a moment ago: nothing was sent to the relay for this crop",
      }),
    }),
    Type.Null(),
  ],
  {
    description:
      'what the member-only door this camera watches did for this crop (show 请进 when opened, 请找店员 otherwise); null when the camera watches no door or the crop had no face',
  },
);
