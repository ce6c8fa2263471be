import { randomUUID } from 'node:crypto';
import type { DeviceActor, StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import { recordEvent, type DomainEvent } from '../../platform/outbox/index.ts';
import type { AuditService } from '../audit/index.ts';
import { checkImages, type MemberGallery, type Recognizer } from '../biometrics/index.ts';
import type { ConsentRegister } from '../consent/index.ts';
import type { DeviceService } from '../devices/index.ts';
import type { DoorAccessService, DoorCandidate, DoorDecision } from '../door-access/index.ts';
import type { MerchantSettingsService } from '../settings/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { CROP_RULES, nameAtEntrance, readCrop, trackerRules, type CropOutcome } from './entrance-pipeline.ts';
import type { PresenceFeed } from './presence-feed.ts';
import type { PresenceCamera } from './presence.schema.ts';
import type { VisitRepository } from './visit.repository.ts';
import { visitEnded, visitIdentified, visitStarted } from './visit.events.ts';
import { VisitTracker, type CameraRole, type VisitChange } from './visit-tracker.ts';

/** What one crop did. */
export interface CropResult {
  index: number;
  /**
   * `entered`: a visit started; `seen`: the crop joined an open visit; `left`: an exit camera ended the visit;
   * `not_counted`: an exit camera saw someone with no open visit; `no_face`: no face the engine could describe.
   */
  outcome: 'entered' | 'seen' | 'left' | 'not_counted' | 'no_face';
  visitor: 'member' | 'anonymous' | null;
  visitId: string | null;
  /** what the member-only door the camera watches did (null: it watches none, or no face) */
  door: DoorDecision | null;
}

export interface EntranceCameraView {
  deviceId: string;
  storeId: string;
  name: string;
  status: 'pending' | 'active' | 'revoked';
  role: CameraRole;
  lastCropAt: Date | null;
}

export interface EntranceDependencies {
  visits: VisitRepository;
  transactions: Transactions;
  recognizer: () => Promise<Recognizer>;
  gallery: MemberGallery;
  consents: ConsentRegister;
  devices: DeviceService;
  settings: MerchantSettingsService;
  tenancy: TenancyService;
  audit: AuditService;
  /** told after each commit that started, named or ended a visit, so waiting staff views answer at once */
  feed?: PresenceFeed;
  /** member-only doors: a camera that watches one opens it for the consenting members it recognises */
  doors: Pick<DoorAccessService, 'atDoor'>;
  /** how far a crop's time may be from the server's (the device clock window) */
  clockSkewSeconds: number;
  now?: () => Date;
}

/**
 * Who has entrance consent is read afresh at most this often per merchant, and at once after a change made in this
 * process (`forgetConsenting`): a consent given through another process counts within this; a withdrawal always at
 * once (every name is checked against the database in the transaction that records it).
 */
const CONSENTING_TTL_MS = 5_000;
/** Ended visits are forgotten after this long. */
export const VISIT_RETENTION_DAYS = 365;

interface StoreState {
  tracker: VisitTracker;
  /** the tail of the store's queue: one crop request (or sweep) changes its visits at a time */
  tail: Promise<unknown>;
  /** work queued or running on the tracker */
  pending: number;
}

/**
 * The store entrance: entrance cameras send face crops; each is read by the face engine, named among the members who
 * turned entrance recognition on (at the merchant's entrance threshold) or left anonymous, and placed in a visit by the
 * store's tracker (in memory: the only place an anonymous face's embedding ever is). Visits and their events are
 * written in one transaction per request; a request refused for any reason writes nothing and leaves the tracker as
 * it was.
 *
 * One process holds a store's tracker: with several server processes, send a store's cameras to one of them (an
 * anonymous person seen by two processes counts twice; members are matched through the database and count once).
 */
export class EntranceService {
  private readonly stores = new Map<string, StoreState>();
  private readonly cameraTails = new Map<string, Promise<void>>();
  private readonly consenting = new Map<string, { members: Promise<Set<string>>; readAt: number }>();
  private readonly now: () => Date;
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: EntranceDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** What a camera is and what its picker should send. */
  async cameraConfig(device: DeviceActor) {
    this.assertCamera(device);
    const camera = await this.deps.visits.camera(device.merchantId, device.deviceId);
    const settings = await this.deps.settings.of(device.merchantId);
    return {
      deviceId: device.deviceId,
      storeId: device.storeId,
      role: camera?.role ?? ('both' as const),
      lastCropAt: camera?.last_crop_at ?? null,
      visitWindowMinutes: settings.entranceVisitWindowMinutes,
      ...CROP_RULES,
    };
  }

  /**
   * Counts one request of crops taken together at `atMs` (camera clock, ms since the epoch). Refused, writing nothing:
   * a device other than an entrance camera; a time outside the clock window or earlier than the camera's last counted
   * crop; any crop the image gate refuses. Crops are analysed in parallel; requests of one camera are counted in the
   * order they arrived, and one store's requests one at a time.
   */
  async submitCrops(device: DeviceActor, input: { atMs: number; crops: Buffer[] }): Promise<{ crops: CropResult[] }> {
    this.assertCamera(device);
    if (input.crops.length < 1 || input.crops.length > CROP_RULES.maxCropsPerRequest)
      throw invalid('crop_count_invalid', `send 1 to ${CROP_RULES.maxCropsPerRequest} crops`);
    const now = this.now().getTime();
    const skewMs = this.deps.clockSkewSeconds * 1000;
    if (!Number.isSafeInteger(input.atMs) || Math.abs(input.atMs - now) > skewMs)
      throw invalid('crop_time_invalid', `atMs must be within ${this.deps.clockSkewSeconds} s of the server's clock`, {
        serverTime: new Date(now).toISOString(),
      });
    // The camera's turn is taken as the request arrives, before anything is awaited: its requests count in the order
    // they came, while their pictures are checked and analysed in parallel.
    const turn = this.takeTurn(device.deviceId);
    let counted: { crops: Omit<CropResult, 'door'>[]; people: DoorCandidate[] };
    try {
      await checkImages(input.crops, (i) => `crops[${i}].image`);
      assertInOrder(await this.deps.visits.camera(device.merchantId, device.deviceId), input.atMs);
      const recognizer = await this.deps.recognizer();
      const analysed = Promise.all(input.crops.map((crop) => readCrop(recognizer, crop)));
      analysed.catch(() => {});
      await turn.ready;
      counted = await this.count(device, input.atMs, await analysed, recognizer);
    } finally {
      turn.release();
    }
    // The door is asked once the crops are counted (a relay that is slow or down never costs a visit), outside the
    // camera's turn and the store's queue.
    const decisions = await this.deps.doors.atDoor(device, counted.people);
    return { crops: counted.crops.map((crop) => ({ ...crop, door: decisions.get(crop.index) ?? null })) };
  }

  /**
   * Ends visits not seen within their merchant's window, and members' visits whose entrance consent is no longer in
   * force: from the database (whichever process runs the sweep), and drops their tracks here. A recurring job.
   */
  async closeStaleVisits(): Promise<number> {
    const now = this.now();
    let ended = 0;
    for (const merchantId of await this.deps.visits.merchantsWithOpenVisits()) {
      const settings = await this.deps.settings.of(merchantId);
      const windowMs = settings.entranceVisitWindowMinutes * 60_000;
      const endedHere = await this.deps.transactions.run(async (trx) => {
        const visits = this.deps.visits.with(trx);
        const open = await visits.openVisitsOf(merchantId);
        const members = [...new Set(open.flatMap((v) => (v.member_id ? [v.member_id] : [])))];
        const consenting = await this.deps.consents.entranceInForceAmong(merchantId, members, trx);
        const events: DomainEvent[] = [];
        const endedIds: Array<{ storeId: string; visitId: string }> = [];
        for (const visit of open) {
          const withdrawn = visit.member_id !== null && !consenting.has(visit.member_id);
          const stale = now.getTime() - visit.last_seen_at.getTime() > windowMs;
          if (!withdrawn && !stale) continue;
          const row = await visits.end({
            merchantId,
            id: visit.id,
            leftAt: visit.last_seen_at,
            reason: withdrawn ? 'consent_withdrawn' : 'timeout',
          });
          if (!row) continue;
          events.push(visitEnded(row));
          endedIds.push({ storeId: row.store_id, visitId: row.id });
        }
        for (const event of events) await recordEvent(trx, event);
        return endedIds;
      });
      for (const { storeId, visitId } of endedHere) {
        if (this.stores.has(key(merchantId, storeId)))
          await this.inStore(merchantId, storeId, async (tracker) => tracker.endVisit(visitId, 'timeout'));
        this.deps.feed?.changed(merchantId, storeId);
      }
      ended += endedHere.length;
    }
    return ended;
  }

  /** Forgets visits that ended more than VISIT_RETENTION_DAYS ago. A recurring job. */
  forgetOldVisits(): Promise<number> {
    return this.deps.visits.forgetEndedBefore(new Date(this.now().getTime() - VISIT_RETENTION_DAYS * 86_400_000));
  }

  /**
   * Drops the tracks (and their embeddings) of this process's stores not seen within their window, ending their
   * visits. Runs on a timer in every process (`startExpiry`), so no embedding outlives its window even where no crop
   * comes and another process runs the sweeps.
   */
  async expireTracks(): Promise<void> {
    const nowMs = this.now().getTime();
    for (const [storeKey, state] of this.stores) {
      const [merchantId, storeId] = storeKey.split('/') as [string, string];
      const { entranceVisitWindowMinutes } = await this.deps.settings.of(merchantId);
      let expired = false;
      await this.inStore(merchantId, storeId, (tracker) =>
        tracker.rollbackOnFailure(() =>
          this.deps.transactions.run(async (trx) => {
            const changes = tracker.expire(nowMs, entranceVisitWindowMinutes * 60_000);
            if (changes.length === 0) return;
            const events: DomainEvent[] = [];
            await this.apply(trx, tracker, { merchantId, storeId, deviceId: null }, changes, events);
            for (const event of events) await recordEvent(trx, event);
            expired = events.length > 0;
          }),
        ),
      );
      if (expired) this.deps.feed?.changed(merchantId, storeId);
      if (state.tracker.size === 0 && state.pending === 0) this.stores.delete(storeKey);
    }
  }

  /** Starts the timer that expires tracks (the server starts it with the background work). */
  startExpiry(intervalMs = 15_000): void {
    this.expiryTimer ??= setInterval(() => void this.expireTracks().catch(() => {}), intervalMs);
    this.expiryTimer.unref();
  }

  stopExpiry(): void {
    clearInterval(this.expiryTimer);
    this.expiryTimer = undefined;
  }

  /** A member's entrance consent changed: who consents is read again for the next crop. */
  forgetConsenting(merchantId: string): void {
    this.consenting.delete(merchantId);
  }

  /**
   * The member may no longer be recognised at the entrance (they turned recognition off, withdrew their biometric
   * consent or deleted their face data): their open visits end now, in the database and in every store this process
   * tracks, and their tracks go with the embeddings they held. Their next crop starts an anonymous visit.
   */
  async forgetMember(merchantId: string, memberId: string): Promise<void> {
    this.forgetConsenting(merchantId);
    const stores = new Set<string>();
    for (const storeKey of this.stores.keys())
      if (storeKey.startsWith(`${merchantId}/`)) stores.add(storeKey.slice(merchantId.length + 1));
    for (const visit of await this.deps.visits.openVisitsOf(merchantId))
      if (visit.member_id === memberId) stores.add(visit.store_id);
    for (const storeId of stores) {
      await this.inStore(merchantId, storeId, (tracker) =>
        tracker.rollbackOnFailure(() =>
          this.deps.transactions.run(async (trx) => {
            const events: DomainEvent[] = [];
            const scope = { merchantId, storeId, deviceId: null };
            await this.apply(trx, tracker, scope, tracker.endMember(memberId, 'consent_withdrawn'), events);
            // A visit another process tracks (or none does, after a restart) ends here too.
            const visits = this.deps.visits.with(trx);
            const open = await visits.openVisitOf(merchantId, storeId, memberId);
            if (open) {
              const row = await visits.end({
                merchantId,
                id: open.id,
                leftAt: open.last_seen_at,
                reason: 'consent_withdrawn',
              });
              if (row) events.push(visitEnded(row));
            }
            for (const event of events) await recordEvent(trx, event);
          }),
        ),
      );
      this.deps.feed?.changed(merchantId, storeId);
      const state = this.stores.get(key(merchantId, storeId));
      if (state && state.tracker.size === 0 && state.pending === 0) this.stores.delete(key(merchantId, storeId));
    }
  }

  /** Anonymous and member faces held in memory now, per store of this process (tests and the bench look). */
  trackedFaces(): number {
    let count = 0;
    for (const state of this.stores.values()) count += state.tracker.size;
    return count;
  }

  /** Sets a camera's role at its door (entry, exit, both); store managers of its store and merchant admins. */
  async setCameraRole(
    actor: StaffActor,
    merchantId: string,
    deviceId: string,
    role: CameraRole,
  ): Promise<EntranceCameraView> {
    await this.deps.tenancy.merchantFor(actor, merchantId, 'device.read');
    const device = await this.deps.devices.find(merchantId, deviceId);
    if (!device) throw notFound('device_not_found', 'no such device');
    await this.deps.tenancy.storeFor(actor, merchantId, device.store_id, 'device.manage');
    if (device.kind !== 'entrance_camera')
      throw conflict('device_not_entrance_camera', 'only an entrance camera has a role at the door', {
        kind: device.kind,
      });
    const camera = await this.deps.transactions.run(async (trx) => {
      const row = await this.deps.visits
        .with(trx)
        .setRole({ merchantId, deviceId, storeId: device.store_id, role, at: this.now() });
      await this.deps.audit.record(
        {
          merchantId,
          actorType: 'staff',
          actorId: actor.staffId,
          action: 'entrance.camera_role_set',
          targetType: 'device',
          targetId: deviceId,
          details: { role },
        },
        trx,
      );
      return row;
    });
    return {
      deviceId,
      storeId: device.store_id,
      name: device.name,
      status: device.status,
      role: camera.role,
      lastCropAt: camera.last_crop_at,
    };
  }

  /** The store's entrance cameras with their roles. */
  async listCameras(actor: StaffActor, merchantId: string, storeId: string): Promise<EntranceCameraView[]> {
    const devices = await this.deps.devices.list(actor, merchantId, storeId);
    const cameras = new Map(
      (await this.deps.visits.cameras(merchantId, storeId)).map((c) => [c.device_id, c] as const),
    );
    return devices
      .filter((d) => d.kind === 'entrance_camera' && d.store_id === storeId)
      .map((d) => ({
        deviceId: d.id,
        storeId: d.store_id,
        name: d.name,
        status: d.status,
        role: cameras.get(d.id)?.role ?? 'both',
        lastCropAt: cameras.get(d.id)?.last_crop_at ?? null,
      }));
  }

  private assertCamera(device: DeviceActor): void {
    if (device.kind !== 'entrance_camera')
      throw forbidden('forbidden', 'only an entrance camera sends face crops to the entrance');
  }

  /** Names the crops' faces, then places them in visits: one transaction, in the store's queue. */
  private async count(
    device: DeviceActor,
    atMs: number,
    outcomes: CropOutcome[],
    recognizer: Recognizer,
  ): Promise<{ crops: Omit<CropResult, 'door'>[]; people: DoorCandidate[] }> {
    const { merchantId, storeId, deviceId } = device;
    const settings = await this.deps.settings.of(merchantId);
    const consenting = await this.consentingMembers(merchantId);
    const named = outcomes.map((o) =>
      o.kind === 'face'
        ? nameAtEntrance(this.deps.gallery, merchantId, o.reading, consenting, settings.entranceStrangerOneIn).member
        : null,
    );
    const rules = trackerRules(recognizer, settings.entranceVisitWindowMinutes);
    const takenAt = new Date(atMs);
    let changedVisits = false;
    const counted = await this.inStore(merchantId, storeId, (tracker) =>
      tracker.rollbackOnFailure(() =>
        this.deps.transactions.run(async (trx) => {
          const visits = this.deps.visits.with(trx);
          const camera = await visits.claimCropTime({ merchantId, deviceId, storeId, takenAt, at: this.now() });
          if (!camera) throw outOfOrder(await visits.camera(merchantId, deviceId));
          const role = camera.role;
          // Consent is read here, for every member this request may name or find tracked: a withdrawal counts now.
          const asked = [
            ...new Set([
              ...tracker.open.flatMap((v) => (v.member ? [v.member] : [])),
              ...named.filter((m): m is string => m !== null),
            ]),
          ];
          const inForce = await this.deps.consents.entranceInForceAmong(merchantId, asked, trx);
          const events: DomainEvent[] = [];
          const scope = { merchantId, storeId, deviceId };
          for (const member of asked) {
            if (inForce.has(member)) continue;
            await this.apply(trx, tracker, scope, tracker.endMember(member, 'consent_withdrawn'), events);
          }
          const results: Omit<CropResult, 'door'>[] = [];
          const people: DoorCandidate[] = [];
          for (const [index, outcome] of outcomes.entries()) {
            if (outcome.kind === 'no_face') {
              results.push({ index, outcome: 'no_face', visitor: null, visitId: null });
              continue;
            }
            const member = named[index] && inForce.has(named[index]) ? named[index] : null;
            const consentLapsed = named[index] !== null && member === null;
            const { changes, visit } = tracker.observe(
              { atMs, camera: deviceId, role, member, ...outcome.reading },
              rules,
            );
            const applied = await this.apply(trx, tracker, scope, changes, events);
            if (!visit) {
              results.push({ index, outcome: 'not_counted', visitor: null, visitId: null });
              people.push({ index, memberId: member, consentLapsed, visitId: null });
              continue;
            }
            const visitId = applied.ids.get(visit.visitId) ?? visit.visitId;
            people.push({ index, memberId: visit.member, consentLapsed, visitId });
            const left = changes.some((c) => c.type === 'ended' && c.reason === 'exit');
            results.push({
              index,
              outcome: left ? 'left' : applied.started.has(visitId) ? 'entered' : 'seen',
              visitor: visit.member ? 'member' : 'anonymous',
              visitId,
            });
          }
          // Events last: the outbox's counters are the last locks the transaction takes.
          for (const event of events) await recordEvent(trx, event);
          changedVisits = events.length > 0;
          return { crops: results, people };
        }),
      ),
    );
    if (changedVisits) this.deps.feed?.changed(merchantId, storeId);
    return counted;
  }

  /**
   * Writes the tracker's changes: a started visit is inserted (a member's joins their visit already open in the
   * database, from before a restart); a sighting moves an open visit on (one ended meanwhile by a sweep starts
   * afresh); a named visit becomes the member's; an ended one ends once. Events go to `events`.
   */
  private async apply(
    trx: Db,
    tracker: VisitTracker,
    scope: { merchantId: string; storeId: string; deviceId: string | null },
    changes: VisitChange[],
    events: DomainEvent[],
  ): Promise<{ ids: Map<string, string>; started: Set<string> }> {
    const visits = this.deps.visits.with(trx);
    const { merchantId, storeId } = scope;
    const ids = new Map<string, string>();
    const started = new Set<string>();
    const idOf = (visitId: string) => ids.get(visitId) ?? visitId;
    for (const change of changes) {
      const visit = { ...change.visit, visitId: idOf(change.visit.visitId) };
      const deviceId = scope.deviceId ?? visit.lastCamera;
      switch (change.type) {
        case 'started': {
          if (visit.member) {
            const open = await visits.openVisitOf(merchantId, storeId, visit.member);
            if (open) {
              tracker.adopt(visit.visitId, {
                visitId: open.id,
                enteredAtMs: open.entered_at.getTime(),
                sightings: open.sightings,
              });
              ids.set(visit.visitId, open.id);
              const joined = tracker.open.find((v) => v.visitId === open.id)!;
              await visits.seen({
                merchantId,
                id: open.id,
                lastSeenAt: new Date(joined.lastSeenAtMs),
                sightings: joined.sightings,
                deviceId,
                ageBand: null,
                gender: null,
              });
              break;
            }
          }
          const row = await visits.insertVisit({
            merchantId,
            id: visit.visitId,
            storeId,
            memberId: visit.member,
            enteredAt: new Date(visit.enteredAtMs),
            lastSeenAt: new Date(visit.lastSeenAtMs),
            sightings: visit.sightings,
            deviceId,
            ageBand: visit.ageBand,
            gender: visit.gender,
          });
          started.add(row.id);
          events.push(visitStarted(row));
          break;
        }
        case 'seen': {
          const row = await visits.seen({
            merchantId,
            id: visit.visitId,
            lastSeenAt: new Date(visit.lastSeenAtMs),
            sightings: visit.sightings,
            deviceId,
            ageBand: visit.ageBand,
            gender: visit.gender,
          });
          if (row) break;
          // Ended meanwhile (a sweep): the person is back, so a new visit starts with this sighting.
          const fresh = randomUUID();
          tracker.restart(visit.visitId, fresh, visit.lastSeenAtMs);
          ids.set(change.visit.visitId, fresh);
          const inserted = await visits.insertVisit({
            merchantId,
            id: fresh,
            storeId,
            memberId: visit.member,
            enteredAt: new Date(visit.lastSeenAtMs),
            lastSeenAt: new Date(visit.lastSeenAtMs),
            sightings: 1,
            deviceId,
            ageBand: visit.ageBand,
            gender: visit.gender,
          });
          started.add(inserted.id);
          events.push(visitStarted(inserted));
          break;
        }
        case 'identified': {
          const at = new Date(visit.lastSeenAtMs);
          const row = await visits.identify(merchantId, visit.visitId, visit.member!, at);
          if (row) events.push(visitIdentified(row, at));
          break;
        }
        case 'ended': {
          const row = await visits.end({
            merchantId,
            id: visit.visitId,
            leftAt: new Date(change.leftAtMs),
            reason: change.reason,
            deviceId: change.reason === 'exit' ? (scope.deviceId ?? undefined) : undefined,
          });
          if (row) events.push(visitEnded(row));
          break;
        }
      }
    }
    return { ids, started };
  }

  /** Members with entrance consent in force, read again at most every few seconds (each name is checked anyway). */
  private consentingMembers(merchantId: string): Promise<Set<string>> {
    const cached = this.consenting.get(merchantId);
    const nowMs = Date.now();
    if (cached && nowMs - cached.readAt < CONSENTING_TTL_MS) return cached.members;
    const members = this.deps.consents.entranceConsenting(merchantId);
    this.consenting.set(merchantId, { members, readAt: nowMs });
    members.catch(() => this.consenting.delete(merchantId));
    return members;
  }

  /**
   * A place in the camera's queue: `ready` once every earlier request of the camera is done (counted or refused);
   * `release` when this one is.
   */
  private takeTurn(deviceId: string): { ready: Promise<void>; release(): void } {
    const previous = this.cameraTails.get(deviceId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.cameraTails.set(deviceId, tail);
    void tail.then(() => {
      if (this.cameraTails.get(deviceId) === tail) this.cameraTails.delete(deviceId);
    });
    return { ready: previous, release };
  }

  /** Runs `work` on the store's tracker, one at a time per store. */
  private inStore<T>(merchantId: string, storeId: string, work: (tracker: VisitTracker) => Promise<T>): Promise<T> {
    const storeKey = key(merchantId, storeId);
    let state = this.stores.get(storeKey);
    if (!state) {
      state = { tracker: new VisitTracker(), tail: Promise.resolve(), pending: 0 };
      this.stores.set(storeKey, state);
    }
    const current = state;
    current.pending += 1;
    const run = () => work(current.tracker);
    const mine = current.tail.then(run, run).finally(() => (current.pending -= 1));
    current.tail = mine.catch(() => {});
    return mine;
  }
}

const key = (merchantId: string, storeId: string) => `${merchantId}/${storeId}`;

function assertInOrder(camera: PresenceCamera | undefined, atMs: number): void {
  const last = camera?.last_crop_at?.getTime();
  if (last !== undefined && atMs < last) throw outOfOrder(camera);
}

const outOfOrder = (camera: PresenceCamera | undefined) =>
  conflict('crop_out_of_order', "this crop was taken before the camera's last counted crop; nothing was counted", {
    lastCropAt: camera?.last_crop_at?.toISOString() ?? null,
  });
