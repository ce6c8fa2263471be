// The door-access module: member-only doors opened by a recognised consenting member through a signed command to the
// door's relay; the cameras that watch the doors, barred members, the doors' trail.
// Other modules import only from here (lint: shualian/module-door).
export { migrations } from './migrations/index.ts';
export {
  DOOR_REPEAT_MS,
  DoorAccessService,
  checkRelayUrl,
  type DoorAccessDependencies,
  type DoorCandidate,
  type DoorDecision,
  type DoorView,
} from './door-access.service.ts';
export { DOOR_COMMAND_TTL_MS, DoorKeys } from './door-keys.ts';
export { HttpDoorRelay, type DoorRelay, type RelayAnswer } from './door-relay.ts';
export { DoorDecisionSchema } from './door.schemas.ts';
export { doorRoutes } from './door.routes.ts';
