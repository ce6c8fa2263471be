import type { ColumnType, Selectable } from 'kysely';
import type { AgeBand, Gender } from './demographics.ts';
import type { CameraRole, EndReason } from './visit-tracker.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PresenceCamerasTable {
  merchant_id: string;
  device_id: string;
  store_id: string;
  role: CameraRole;
  /** when the camera took the last crop it sent that was counted: the next must not be earlier */
  last_crop_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface PresenceVisitsTable {
  merchant_id: string;
  id: string;
  store_id: string;
  /** the consenting member; null for an anonymous visitor */
  member_id: string | null;
  entered_at: Timestamp;
  last_seen_at: Timestamp;
  /** null while the visit is open */
  left_at: NullableTimestamp;
  end_reason: EndReason | null;
  sightings: number;
  entry_device_id: string;
  last_device_id: string;
  /** anonymous visits only (the engine's estimates over the visit's crops) */
  age_band: AgeBand | null;
  gender: Gender | null;
  /** when an anonymous visit was recognised as a consenting member's */
  identified_at: NullableTimestamp;
}

declare module '@shualian/db' {
  interface Database {
    presence_cameras: PresenceCamerasTable;
    presence_visits: PresenceVisitsTable;
  }
}

export type PresenceCamera = Selectable<PresenceCamerasTable>;
export type Visit = Selectable<PresenceVisitsTable>;
