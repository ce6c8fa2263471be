import { sql } from 'kysely';
import { Repository } from '../../platform/db/repository.ts';
import type { AgeBand, Gender } from './demographics.ts';
import type { PresenceCamera, Visit } from './presence.schema.ts';
import type { CameraRole, EndReason } from './visit-tracker.ts';

/** All SQL of the presence module: entrance cameras (role, last crop time) and visits. */
export class VisitRepository extends Repository {
  camera(merchantId: string, deviceId: string): Promise<PresenceCamera | undefined> {
    return this.db
      .selectFrom('presence_cameras')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
  }

  cameras(merchantId: string, storeId: string): Promise<PresenceCamera[]> {
    return this.db
      .selectFrom('presence_cameras')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('store_id', '=', storeId)
      .execute();
  }

  async setRole(row: { merchantId: string; deviceId: string; storeId: string; role: CameraRole; at: Date }) {
    return this.db
      .insertInto('presence_cameras')
      .values({
        merchant_id: row.merchantId,
        device_id: row.deviceId,
        store_id: row.storeId,
        role: row.role,
        updated_at: row.at,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'device_id']).doUpdateSet({ role: row.role, updated_at: row.at }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Counts a crop taken at `takenAt` in the camera's order: its last crop time moves to it only when it is not earlier
   * (a camera never seen before is `both` until staff say otherwise). Undefined: the crop is out of order.
   */
  claimCropTime(row: {
    merchantId: string;
    deviceId: string;
    storeId: string;
    takenAt: Date;
    at: Date;
  }): Promise<PresenceCamera | undefined> {
    return this.db
      .insertInto('presence_cameras')
      .values({
        merchant_id: row.merchantId,
        device_id: row.deviceId,
        store_id: row.storeId,
        role: 'both',
        last_crop_at: row.takenAt,
        updated_at: row.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['merchant_id', 'device_id'])
          .doUpdateSet({ last_crop_at: row.takenAt })
          .where(({ eb, or }) =>
            or([
              eb('presence_cameras.last_crop_at', 'is', null),
              eb('presence_cameras.last_crop_at', '<=', row.takenAt),
            ]),
          ),
      )
      .returningAll()
      .executeTakeFirst();
  }

  async insertVisit(row: {
    merchantId: string;
    id: string;
    storeId: string;
    memberId: string | null;
    enteredAt: Date;
    lastSeenAt: Date;
    sightings: number;
    deviceId: string;
    ageBand: AgeBand | null;
    gender: Gender | null;
  }): Promise<Visit> {
    return this.db
      .insertInto('presence_visits')
      .values({
        merchant_id: row.merchantId,
        id: row.id,
        store_id: row.storeId,
        member_id: row.memberId,
        entered_at: row.enteredAt,
        last_seen_at: row.lastSeenAt,
        sightings: row.sightings,
        entry_device_id: row.deviceId,
        last_device_id: row.deviceId,
        age_band: row.memberId ? null : row.ageBand,
        gender: row.memberId ? null : row.gender,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A sighting of an open visit; undefined when the visit has ended meanwhile (a sweep, another process). */
  seen(row: {
    merchantId: string;
    id: string;
    lastSeenAt: Date;
    sightings: number;
    deviceId: string;
    ageBand: AgeBand | null;
    gender: Gender | null;
  }): Promise<Visit | undefined> {
    return this.db
      .updateTable('presence_visits')
      .set({
        last_seen_at: sql<Date>`greatest(last_seen_at, ${row.lastSeenAt})`,
        sightings: row.sightings,
        last_device_id: row.deviceId,
        // Only an anonymous visit keeps the engine's estimates.
        age_band: sql<AgeBand | null>`case when member_id is null then ${row.ageBand}::text end`,
        gender: sql<Gender | null>`case when member_id is null then ${row.gender}::text end`,
      })
      .where('merchant_id', '=', row.merchantId)
      .where('id', '=', row.id)
      .where('left_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /** An open anonymous visit becomes the member's; its demographics go (a member's visit keeps none). */
  identify(merchantId: string, id: string, memberId: string, at: Date): Promise<Visit | undefined> {
    return this.db
      .updateTable('presence_visits')
      .set({ member_id: memberId, identified_at: at, age_band: null, gender: null })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .where('left_at', 'is', null)
      .where('member_id', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /** Ends an open visit; undefined when it had already ended (so its end is recorded once). */
  end(row: {
    merchantId: string;
    id: string;
    leftAt: Date;
    reason: EndReason;
    deviceId?: string;
  }): Promise<Visit | undefined> {
    return this.db
      .updateTable('presence_visits')
      .set({
        left_at: sql<Date>`greatest(last_seen_at, ${row.leftAt})`,
        end_reason: row.reason,
        ...(row.deviceId ? { last_device_id: row.deviceId } : {}),
      })
      .where('merchant_id', '=', row.merchantId)
      .where('id', '=', row.id)
      .where('left_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /** The member's open visit in the store, if any. */
  openVisitOf(merchantId: string, storeId: string, memberId: string): Promise<Visit | undefined> {
    return this.db
      .selectFrom('presence_visits')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('store_id', '=', storeId)
      .where('member_id', '=', memberId)
      .where('left_at', 'is', null)
      .orderBy('last_seen_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Open visits of a store, the most recently seen first. */
  openVisits(merchantId: string, storeId: string): Promise<Visit[]> {
    return this.db
      .selectFrom('presence_visits')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('store_id', '=', storeId)
      .where('left_at', 'is', null)
      .orderBy('last_seen_at', 'desc')
      .execute();
  }

  /** Merchants with open visits (the sweep reads each one's window). */
  async merchantsWithOpenVisits(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('presence_visits')
      .select('merchant_id')
      .distinct()
      .where('left_at', 'is', null)
      .execute();
    return rows.map((r) => r.merchant_id);
  }

  /** Every open visit of a merchant (the sweep weighs each against the window and the member's consent). */
  openVisitsOf(merchantId: string): Promise<Visit[]> {
    return this.db
      .selectFrom('presence_visits')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('left_at', 'is', null)
      .execute();
  }

  /** Visits of a store that were in it at some moment of [from, to). */
  visitsDuring(merchantId: string, storeId: string, from: Date, to: Date): Promise<Visit[]> {
    return this.db
      .selectFrom('presence_visits')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('store_id', '=', storeId)
      .where('entered_at', '<', to)
      .where((eb) => eb(eb.fn.coalesce('left_at', 'last_seen_at'), '>=', from))
      .orderBy('entered_at')
      .execute();
  }

  /** How many visits each of these members made to the store. */
  async visitCounts(merchantId: string, storeId: string, memberIds: string[]): Promise<Map<string, number>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('presence_visits')
      .select(['member_id', (eb) => eb.fn.countAll<string>().as('visits')])
      .where('merchant_id', '=', merchantId)
      .where('store_id', '=', storeId)
      .where('member_id', 'in', memberIds)
      .groupBy('member_id')
      .execute();
    return new Map(rows.map((r) => [r.member_id!, Number(r.visits)]));
  }

  /** Forgets visits that ended before `cutoff` (the retention period). */
  async forgetEndedBefore(cutoff: Date): Promise<number> {
    const rows = await this.db.deleteFrom('presence_visits').where('left_at', '<', cutoff).returning('id').execute();
    return rows.length;
  }
}
