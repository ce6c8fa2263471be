import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type DoorOutcome = 'opened' | 'relay_failed' | 'refused';
export type DoorRefusal = 'anonymous' | 'no_entrance_consent' | 'member_blocked' | 'door_disabled';

export interface DoorsTable {
  merchant_id: string;
  id: string;
  store_id: string;
  name: string;
  /** where the door's controller takes its signed commands (http or https) */
  relay_url: string;
  /** the door's Ed25519 public key, base64url SPKI (what the relay checks commands with) */
  public_key: string;
  enabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DoorCamerasTable {
  merchant_id: string;
  /** an entrance camera watching the door; one door per camera */
  device_id: string;
  door_id: string;
  bound_at: Timestamp;
}

export interface DoorBlockedMembersTable {
  merchant_id: string;
  member_id: string;
  reason: string;
  blocked_by: string;
  blocked_at: Timestamp;
}

export interface DoorEventsTable {
  merchant_id: string;
  id: string;
  door_id: string;
  store_id: string;
  /** the entrance camera whose crop it was */
  device_id: string;
  /** the member named; null for an anonymous person */
  member_id: string | null;
  outcome: DoorOutcome;
  reason: DoorRefusal | null;
  /** the command sent to the relay (opened or relay_failed) */
  command_id: string | null;
  relay_status: number | null;
  relay_error: string | null;
  at: Timestamp;
}

declare module '@shualian/db' {
  interface Database {
    doors: DoorsTable;
    door_cameras: DoorCamerasTable;
    door_blocked_members: DoorBlockedMembersTable;
    door_events: DoorEventsTable;
  }
}

export type Door = Selectable<DoorsTable>;
export type DoorEvent = Selectable<DoorEventsTable>;
