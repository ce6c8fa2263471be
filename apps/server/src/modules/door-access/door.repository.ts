import { Repository } from '../../platform/db/repository.ts';
import type { Door, DoorEvent, DoorEventsTable } from './door.schema.ts';
import type { Insertable } from 'kysely';

/** All SQL of the door-access module: doors, the cameras that watch them, barred members, the doors' trail. */
export class DoorRepository extends Repository {
  insertDoor(row: {
    merchantId: string;
    id: string;
    storeId: string;
    name: string;
    relayUrl: string;
    publicKey: string;
    at: Date;
  }): Promise<Door> {
    return this.db
      .insertInto('doors')
      .values({
        merchant_id: row.merchantId,
        id: row.id,
        store_id: row.storeId,
        name: row.name,
        relay_url: row.relayUrl,
        public_key: row.publicKey,
        enabled: true,
        created_at: row.at,
        updated_at: row.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  door(merchantId: string, doorId: string): Promise<Door | undefined> {
    return this.db
      .selectFrom('doors')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', doorId)
      .executeTakeFirst();
  }

  doorsOf(merchantId: string, storeId: string): Promise<Door[]> {
    return this.db
      .selectFrom('doors')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('store_id', '=', storeId)
      .orderBy('name')
      .execute();
  }

  updateDoor(
    merchantId: string,
    doorId: string,
    change: { name?: string; relayUrl?: string; enabled?: boolean; at: Date },
  ): Promise<Door | undefined> {
    return this.db
      .updateTable('doors')
      .set({
        ...(change.name !== undefined && { name: change.name }),
        ...(change.relayUrl !== undefined && { relay_url: change.relayUrl }),
        ...(change.enabled !== undefined && { enabled: change.enabled }),
        updated_at: change.at,
      })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', doorId)
      .returningAll()
      .executeTakeFirst();
  }

  /** The door a camera watches, if any. */
  doorOfCamera(merchantId: string, deviceId: string): Promise<Door | undefined> {
    return this.db
      .selectFrom('door_cameras')
      .innerJoin('doors', (j) =>
        j.onRef('doors.merchant_id', '=', 'door_cameras.merchant_id').onRef('doors.id', '=', 'door_cameras.door_id'),
      )
      .selectAll('doors')
      .where('door_cameras.merchant_id', '=', merchantId)
      .where('door_cameras.device_id', '=', deviceId)
      .executeTakeFirst();
  }

  async bind(merchantId: string, deviceId: string, doorId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('door_cameras')
      .values({ merchant_id: merchantId, device_id: deviceId, door_id: doorId, bound_at: at })
      .onConflict((oc) => oc.columns(['merchant_id', 'device_id']).doUpdateSet({ door_id: doorId, bound_at: at }))
      .execute();
  }

  async unbind(merchantId: string, deviceId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('door_cameras')
      .where('merchant_id', '=', merchantId)
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  camerasOfDoors(merchantId: string, doorIds: string[]): Promise<Array<{ door_id: string; device_id: string }>> {
    if (doorIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('door_cameras')
      .select(['door_id', 'device_id'])
      .where('merchant_id', '=', merchantId)
      .where('door_id', 'in', doorIds)
      .execute();
  }

  async isBlocked(merchantId: string, memberId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('door_blocked_members')
      .select('member_id')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async block(row: { merchantId: string; memberId: string; reason: string; staffId: string; at: Date }) {
    await this.db
      .insertInto('door_blocked_members')
      .values({
        merchant_id: row.merchantId,
        member_id: row.memberId,
        reason: row.reason,
        blocked_by: row.staffId,
        blocked_at: row.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['merchant_id', 'member_id'])
          .doUpdateSet({ reason: row.reason, blocked_by: row.staffId, blocked_at: row.at }),
      )
      .execute();
  }

  async unblock(merchantId: string, memberId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('door_blocked_members')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async recordEvent(row: Insertable<DoorEventsTable>): Promise<DoorEvent> {
    return this.db.insertInto('door_events').values(row).returningAll().executeTakeFirstOrThrow();
  }

  recentEvents(merchantId: string, storeId: string, limit: number): Promise<DoorEvent[]> {
    return this.db
      .selectFrom('door_events')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('store_id', '=', storeId)
      .orderBy('at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
