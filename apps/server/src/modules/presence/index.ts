// The presence module: entrance cameras (their crops, their roles at the door), visits (started, named, ended; the
// in-memory tracker that tells anonymous people apart), the staff's view of who is in the store and its traffic.
// Other modules import only from here (lint: shualian/module-door).
export { migrations } from './migrations/index.ts';
export { AGE_BANDS, ageBandOf, type AgeBand, type Gender } from './demographics.ts';
export {
  CROP_RULES,
  entrancePolicy,
  nameAtEntrance,
  readCrop,
  trackerRules,
  type CropOutcome,
  type CropReading,
} from './entrance-pipeline.ts';
export { entranceRoutes } from './entrance.routes.ts';
export {
  EntranceService,
  VISIT_RETENTION_DAYS,
  type CropResult,
  type EntranceDependencies,
} from './entrance.service.ts';
export {
  PresenceService,
  PURCHASE_LINK,
  type MemberBenefits,
  type MemberPurchases,
  type StorePurchase,
} from './presence.service.ts';
export { PresenceFeed } from './presence-feed.ts';
export { presenceRoutes } from './presence.routes.ts';
export { PRESENCE_EVENT_TYPES, registerPresenceJobs, type PresenceWork } from './visit.events.ts';
export {
  VisitTracker,
  type CameraRole,
  type EndReason,
  type Sighting,
  type TrackerRules,
  type VisitChange,
  type VisitView,
} from './visit-tracker.ts';
