import type { DeviceKind, StaffRole } from '@shualian/db';

/** Who is making a request, as established by authentication. */
export interface StaffActor {
  type: 'staff';
  staffId: string;
  role: StaffRole;
  providerId: string;
  /** null for a provider admin, who reaches every merchant of the provider. */
  merchantId: string | null;
  /** Set for store-level roles. */
  storeId: string | null;
}

export interface DeviceActor {
  type: 'device';
  deviceId: string;
  merchantId: string;
  storeId: string;
  kind: DeviceKind;
}

/** A shopper signed in to the member app of one merchant. */
export interface MemberActor {
  type: 'member';
  merchantId: string;
  memberId: string;
}

export type Actor = StaffActor | DeviceActor | MemberActor;
