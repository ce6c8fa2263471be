import { randomUUID } from 'node:crypto';
import type { StaffActor } from '../../platform/actors.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { refuseDuplicates } from '../../platform/db/unique-violation.ts';
import { conflict, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { DeviceService } from '../devices/index.ts';
import type { MemberService } from '../members/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { DoorKeys } from './door-keys.ts';
import type { DoorRelay } from './door-relay.ts';
import type { DoorRepository } from './door.repository.ts';
import type { Door, DoorEvent, DoorOutcome, DoorRefusal } from './door.schema.ts';

/**
 * One decision per person per door within this long: the crops a camera sends of someone standing at the door
 * (a few a second) open it once, and a refused person is written in the trail once.
 */
export const DOOR_REPEAT_MS = 5_000;

/** A person one crop of a door's camera showed (presence fills it after counting the crop). */
export interface DoorCandidate {
  index: number;
  /** the member named, with entrance consent in force; null for anyone else */
  memberId: string | null;
  /** the gallery named a member whose entrance consent was no longer in force when the crop was counted */
  consentLapsed: boolean;
  /** the visit the crop joined (tells one anonymous person from another; never written to the trail) */
  visitId: string | null;
}

/** What the door did for one crop. */
export interface DoorDecision {
  doorId: string;
  outcome: DoorOutcome;
  reason: DoorRefusal | null;
  /** the same person's decision a moment ago, given again: nothing was sent or written for this crop */
  repeated: boolean;
}

export interface DoorView {
  doorId: string;
  storeId: string;
  name: string;
  relayUrl: string;
  publicKey: string;
  enabled: boolean;
  cameraIds: string[];
  createdAt: Date;
}

export interface DoorAccessDependencies {
  doors: DoorRepository;
  transactions: Transactions;
  keys: DoorKeys;
  relay: DoorRelay;
  devices: DeviceService;
  members: MemberService;
  tenancy: TenancyService;
  audit: AuditService;
  now?: () => Date;
}

/**
 * Member-only doors: staff register a door (its relay's URL; the server derives its signing key) and bind the entrance
 * cameras that watch it; a crop from such a camera that names a consenting member not barred from the doors sends a
 * signed open command to the relay. Every decision goes into the door's trail and the merchant's audit log.
 */
export class DoorAccessService {
  /** door and person → the decision made for them lately (pending while the relay answers) */
  private readonly recent = new Map<string, { until: number; decision: Promise<DoorDecision> }>();
  private readonly now: () => Date;

  constructor(private readonly deps: DoorAccessDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  async registerDoor(
    actor: StaffActor,
    merchantId: string,
    storeId: string,
    input: { name: string; relayUrl: string },
  ): Promise<DoorView> {
    await this.deps.tenancy.storeFor(actor, merchantId, storeId, 'device.manage');
    const relayUrl = checkRelayUrl(input.relayUrl);
    const name = checkName(input.name);
    const id = randomUUID();
    const door = await refuseDuplicates(
      () =>
        this.deps.transactions.run(async (trx) => {
          const row = await this.deps.doors.with(trx).insertDoor({
            merchantId,
            id,
            storeId,
            name,
            relayUrl,
            publicKey: this.deps.keys.publicKey(merchantId, id),
            at: this.now(),
          });
          await this.deps.audit.recordStaffAction(
            actor,
            merchantId,
            'door.registered',
            { type: 'door', id },
            { storeId, name, relayUrl },
            trx,
          );
          return row;
        }),
      { doors_store_name_unique: () => conflict('door_name_taken', 'the store already has a door of that name') },
    );
    return view(door, []);
  }

  /** Renames a door, moves it to another relay URL, or disables it (a disabled door sends nothing) and enables it. */
  async updateDoor(
    actor: StaffActor,
    merchantId: string,
    doorId: string,
    change: { name?: string; relayUrl?: string; enabled?: boolean },
  ): Promise<DoorView> {
    const door = await this.staffDoor(actor, merchantId, doorId, 'device.manage');
    const next = {
      ...(change.name !== undefined && { name: checkName(change.name) }),
      ...(change.relayUrl !== undefined && { relayUrl: checkRelayUrl(change.relayUrl) }),
      ...(change.enabled !== undefined && { enabled: change.enabled }),
    };
    const updated = await refuseDuplicates(
      () =>
        this.deps.transactions.run(async (trx) => {
          const row = await this.deps.doors.with(trx).updateDoor(merchantId, door.id, { ...next, at: this.now() });
          if (!row) throw notFound('door_not_found', 'no such door');
          await this.deps.audit.recordStaffAction(
            actor,
            merchantId,
            'door.updated',
            { type: 'door', id: door.id },
            next,
            trx,
          );
          return row;
        }),
      { doors_store_name_unique: () => conflict('door_name_taken', 'the store already has a door of that name') },
    );
    const cameras = await this.deps.doors.camerasOfDoors(merchantId, [door.id]);
    return view(
      updated,
      cameras.map((c) => c.device_id),
    );
  }

  /** Binds an entrance camera to the door it watches (one door per camera), or unbinds it (`doorId` null). */
  async bindCamera(
    actor: StaffActor,
    merchantId: string,
    deviceId: string,
    doorId: string | null,
  ): Promise<{ deviceId: string; doorId: string | null }> {
    await this.deps.tenancy.merchantFor(actor, merchantId, 'device.read');
    const device = await this.deps.devices.find(merchantId, deviceId);
    if (!device) throw notFound('device_not_found', 'no such device');
    await this.deps.tenancy.storeFor(actor, merchantId, device.store_id, 'device.manage');
    if (device.kind !== 'entrance_camera')
      throw conflict('device_not_entrance_camera', 'only an entrance camera watches a door', { kind: device.kind });
    if (doorId !== null) {
      const door = await this.deps.doors.door(merchantId, doorId);
      if (!door) throw notFound('door_not_found', 'no such door');
      if (door.store_id !== device.store_id)
        throw conflict('door_in_other_store', 'the camera and the door are in different stores; nothing was bound');
    }
    await this.deps.transactions.run(async (trx) => {
      const doors = this.deps.doors.with(trx);
      if (doorId === null) await doors.unbind(merchantId, deviceId);
      else await doors.bind(merchantId, deviceId, doorId, this.now());
      await this.deps.audit.recordStaffAction(
        actor,
        merchantId,
        'door.camera_bound',
        { type: 'device', id: deviceId },
        { doorId },
        trx,
      );
    });
    return { deviceId, doorId };
  }

  async listDoors(actor: StaffActor, merchantId: string, storeId: string): Promise<DoorView[]> {
    await this.deps.tenancy.storeFor(actor, merchantId, storeId, 'device.read');
    const doors = await this.deps.doors.doorsOf(merchantId, storeId);
    const cameras = await this.deps.doors.camerasOfDoors(
      merchantId,
      doors.map((d) => d.id),
    );
    return doors.map((d) =>
      view(
        d,
        cameras.filter((c) => c.door_id === d.id).map((c) => c.device_id),
      ),
    );
  }

  /** The store's doors' trail, newest first. */
  async recentEvents(actor: StaffActor, merchantId: string, storeId: string, limit: number): Promise<DoorEvent[]> {
    await this.deps.tenancy.storeFor(actor, merchantId, storeId, 'device.read');
    return this.deps.doors.recentEvents(merchantId, storeId, limit);
  }

  /** Bars a member from the merchant's member-only doors (store managers, merchant admins); audited with the reason. */
  async blockMember(actor: StaffActor, merchantId: string, memberId: string, reason: string): Promise<void> {
    await this.deps.tenancy.merchantFor(actor, merchantId, 'device.manage');
    if (!(await this.deps.members.find(merchantId, memberId))) throw notFound('member_not_found', 'no such member');
    const why = reason.trim();
    if (why.length < 1 || why.length > 200) throw invalid('reason_invalid', 'give a reason of 1 to 200 characters');
    await this.deps.transactions.run(async (trx) => {
      await this.deps.doors
        .with(trx)
        .block({ merchantId, memberId, reason: why, staffId: actor.staffId, at: this.now() });
      await this.deps.audit.recordStaffAction(
        actor,
        merchantId,
        'door.member_blocked',
        { type: 'member', id: memberId },
        { reason: why },
        trx,
      );
    });
    this.forgetMember(merchantId, memberId);
  }

  async unblockMember(actor: StaffActor, merchantId: string, memberId: string): Promise<void> {
    await this.deps.tenancy.merchantFor(actor, merchantId, 'device.manage');
    await this.deps.transactions.run(async (trx) => {
      if (!(await this.deps.doors.with(trx).unblock(merchantId, memberId)))
        throw notFound('member_not_blocked', 'the member is not barred from the doors');
      await this.deps.audit.recordStaffAction(
        actor,
        merchantId,
        'door.member_unblocked',
        { type: 'member', id: memberId },
        {},
        trx,
      );
    });
    this.forgetMember(merchantId, memberId);
  }

  /**
   * The door's answer to the people a camera's crops showed, by crop index: nothing when the camera watches no door.
   * The entrance calls it after the crops were counted, so a relay that is down or slow never loses a visit.
   */
  async atDoor(
    camera: { merchantId: string; storeId: string; deviceId: string },
    people: DoorCandidate[],
  ): Promise<Map<number, DoorDecision>> {
    const decisions = new Map<number, DoorDecision>();
    if (people.length === 0) return decisions;
    const door = await this.deps.doors.doorOfCamera(camera.merchantId, camera.deviceId);
    if (!door) return decisions;
    const answers = await Promise.all(people.map((person) => this.decideOnce(door, camera.deviceId, person)));
    people.forEach((person, i) => decisions.set(person.index, answers[i]!));
    return decisions;
  }

  /** The decision for this person at this door: the one made within DOOR_REPEAT_MS, else a new one. */
  private decideOnce(door: Door, deviceId: string, person: DoorCandidate): Promise<DoorDecision> {
    const nowMs = this.now().getTime();
    if (this.recent.size > 512) for (const [k, entry] of this.recent) if (entry.until <= nowMs) this.recent.delete(k);
    const subject = person.memberId
      ? `member:${person.memberId}`
      : person.visitId
        ? `visit:${person.visitId}`
        : `crop:${randomUUID()}`;
    const key = `${door.merchant_id}/${door.id}/${subject}`;
    const earlier = this.recent.get(key);
    if (earlier && earlier.until > nowMs) return earlier.decision.then((d) => ({ ...d, repeated: true }));
    const decision = this.decide(door, deviceId, person);
    const entry = { until: nowMs + DOOR_REPEAT_MS, decision };
    this.recent.set(key, entry);
    // A relay that failed is tried again at the person's next crop; an error forgets the decision too.
    decision.then(
      (d) => d.outcome === 'relay_failed' && this.recent.get(key) === entry && this.recent.delete(key),
      () => this.recent.get(key) === entry && this.recent.delete(key),
    );
    return decision;
  }

  private async decide(door: Door, deviceId: string, person: DoorCandidate): Promise<DoorDecision> {
    const merchantId = door.merchant_id;
    const refusal: DoorRefusal | null = !door.enabled
      ? 'door_disabled'
      : person.memberId === null
        ? person.consentLapsed
          ? 'no_entrance_consent'
          : 'anonymous'
        : (await this.deps.doors.isBlocked(merchantId, person.memberId))
          ? 'member_blocked'
          : null;
    // Only a member named with consent in force is written by name (also when the door is disabled or they are barred).
    const memberId = person.memberId;
    if (refusal) {
      await this.record(door, deviceId, { memberId, outcome: 'refused', reason: refusal });
      return { doorId: door.id, outcome: 'refused', reason: refusal, repeated: false };
    }
    const { command, signed } = this.deps.keys.open(merchantId, door.id, this.now().getTime());
    const answer = await this.deps.relay.send(door.relay_url, signed);
    const outcome: DoorOutcome = answer.ok ? 'opened' : 'relay_failed';
    await this.record(door, deviceId, {
      memberId,
      outcome,
      reason: null,
      commandId: command.commandId,
      relayStatus: answer.status,
      relayError: answer.ok ? null : answer.error.slice(0, 200),
    });
    return { doorId: door.id, outcome, reason: null, repeated: false };
  }

  private async record(
    door: Door,
    deviceId: string,
    event: {
      memberId: string | null;
      outcome: DoorOutcome;
      reason: DoorRefusal | null;
      commandId?: string;
      relayStatus?: number | null;
      relayError?: string | null;
    },
  ): Promise<void> {
    const merchantId = door.merchant_id;
    const id = randomUUID();
    await this.deps.transactions.run(async (trx) => {
      await this.deps.doors.with(trx).recordEvent({
        merchant_id: merchantId,
        id,
        door_id: door.id,
        store_id: door.store_id,
        device_id: deviceId,
        member_id: event.memberId,
        outcome: event.outcome,
        reason: event.reason,
        command_id: event.commandId ?? null,
        relay_status: event.relayStatus ?? null,
        relay_error: event.relayError ?? null,
        at: this.now(),
      });
      await this.deps.audit.record(
        {
          merchantId,
          actorType: 'device',
          actorId: deviceId,
          action:
            event.outcome === 'opened'
              ? 'door.opened'
              : event.outcome === 'relay_failed'
                ? 'door.relay_failed'
                : 'door.refused',
          targetType: 'door',
          targetId: door.id,
          details: {
            doorEventId: id,
            ...(event.memberId && { memberId: event.memberId }),
            ...(event.reason && { reason: event.reason }),
            ...(event.commandId && { commandId: event.commandId }),
            ...(event.relayError && { relayError: event.relayError }),
          },
        },
        trx,
      );
    });
  }

  /** A member barred or let back: their next crop is decided afresh. */
  private forgetMember(merchantId: string, memberId: string): void {
    for (const key of this.recent.keys())
      if (key.startsWith(`${merchantId}/`) && key.endsWith(`/member:${memberId}`)) this.recent.delete(key);
  }

  private async staffDoor(
    actor: StaffActor,
    merchantId: string,
    doorId: string,
    permission: 'device.manage' | 'device.read',
  ): Promise<Door> {
    await this.deps.tenancy.merchantFor(actor, merchantId, 'device.read');
    const door = await this.deps.doors.door(merchantId, doorId);
    if (!door) throw notFound('door_not_found', 'no such door');
    await this.deps.tenancy.storeFor(actor, merchantId, door.store_id, permission);
    return door;
  }
}

function view(door: Door, cameraIds: string[]): DoorView {
  return {
    doorId: door.id,
    storeId: door.store_id,
    name: door.name,
    relayUrl: door.relay_url,
    publicKey: door.public_key,
    enabled: door.enabled,
    cameraIds,
    createdAt: door.created_at,
  };
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 60)
    throw invalid('door_name_invalid', 'a door name has 1 to 60 characters');
  return trimmed;
}

/**
 * A relay is reached over http or https at a URL without credentials or fragment (the signature, not the URL, is what
 * protects the door; a relay on the store's network is usually plain http).
 */
export function checkRelayUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid('relay_url_invalid', 'the relay URL is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('relay_url_invalid', 'the relay URL must be http or https');
  if (url.username || url.password || url.hash)
    throw invalid('relay_url_invalid', 'the relay URL must carry no user, password or #fragment');
  if (url.href.length > 500) throw invalid('relay_url_invalid', 'the relay URL is longer than 500 characters');
  return url.href;
}
