import { randomUUID } from 'node:crypto';
import { ageBandOf, type AgeBand, type Gender } from './demographics.ts';

/**
 * Who is in one store, in memory only: each person seen recently is a track holding the visit it belongs to and a few
 * of their face embeddings, so the next crop of the same face finds the same visit. Embeddings stay inside this class:
 * nothing it hands out carries one (a `VisitView` has none), so they cannot be written to the database, the data
 * folder or a log, or leave the process; a track and its embeddings are dropped when its visit ends (seen at an exit,
 * not seen for the visit window) or the member behind it may no longer be recognised. Pure: no clock (times are the
 * cameras'), no database; the server (entrance.service.ts) and `shualian entrance replay` run the same rules.
 */

/** Where a camera looks: at people coming in, going out, or both ways through one door. */
export type CameraRole = 'entry' | 'exit' | 'both';

/** Why a visit ended. */
export type EndReason = 'timeout' | 'exit' | 'consent_withdrawn' | 'end_of_sequence';

export interface Sighting {
  /** when the camera took the crop (its clock, ms since the epoch) */
  atMs: number;
  camera: string;
  role: CameraRole;
  /** the face's embedding (unit length); kept in the track, never handed out */
  embedding: Float32Array;
  /** the consenting member the face was recognised as at the entrance threshold, or null */
  member: string | null;
  age: number | null;
  gender: Gender | null;
}

/** A visit as the tracker tells it: no face data. */
export interface VisitView {
  visitId: string;
  member: string | null;
  enteredAtMs: number;
  lastSeenAtMs: number;
  sightings: number;
  entryCamera: string;
  lastCamera: string;
  /** from the median of the age estimates and the majority of the gender estimates of every sighting so far */
  ageBand: AgeBand | null;
  gender: Gender | null;
}

export type VisitChange =
  | { type: 'started'; visit: VisitView }
  | { type: 'seen'; visit: VisitView }
  /** an anonymous visit whose person a later crop recognised as a consenting member: the visit is theirs now */
  | { type: 'identified'; visit: VisitView }
  | { type: 'ended'; visit: VisitView; reason: EndReason; leftAtMs: number };

export interface TrackerRules {
  /** a visit ends when its person has not been seen for this long */
  windowMs: number;
  /** a crop belongs to a track when its embedding scores at least this against one of the track's */
  sameFace: number;
  similarity(a: Float32Array, b: Float32Array): number;
}

/** Embeddings kept per track: the most recent ones (a face seen from a little further, turned a little more). */
export const EMBEDDINGS_PER_TRACK = 4;

interface Track {
  visitId: string;
  member: string | null;
  enteredAtMs: number;
  lastSeenAtMs: number;
  sightings: number;
  entryCamera: string;
  lastCamera: string;
  embeddings: Float32Array[];
  ages: number[];
  female: number;
  male: number;
}

export interface ObserveResult {
  changes: VisitChange[];
  /** the visit this sighting counted towards (null: an exit camera saw someone with no open visit) */
  visit: VisitView | null;
}

export class VisitTracker {
  private tracks: Track[] = [];

  constructor(private readonly newVisitId: () => string = randomUUID) {}

  /** Open visits, oldest first. */
  get open(): VisitView[] {
    return this.tracks.map(view);
  }

  /** How many tracks hold embeddings now (for tests and the bench). */
  get size(): number {
    return this.tracks.length;
  }

  /**
   * Counts one crop. First every visit not seen within the window before it ends (timeout, left when last seen);
   * then the crop joins a visit: the recognised member's own; else the track whose face it matches best (at least
   * `sameFace`), which becomes the member's when the crop names one and the track had none; else a new visit starts.
   * At an exit camera the visit it joins ends there, and nobody new starts: someone first seen leaving is not counted.
   */
  observe(sighting: Sighting, rules: TrackerRules): ObserveResult {
    const changes = this.expire(sighting.atMs, rules.windowMs);
    const matched = this.bestMatch(sighting.embedding, rules);
    let track: Track | undefined;
    let identified = false;
    if (sighting.member) {
      track = this.tracks.find((t) => t.member === sighting.member);
      if (!track && matched && matched.member === null) {
        track = matched;
        identified = true;
      }
    } else {
      track = matched;
    }
    if (!track) {
      if (sighting.role === 'exit') return { changes, visit: null };
      track = {
        visitId: this.newVisitId(),
        member: sighting.member,
        enteredAtMs: sighting.atMs,
        lastSeenAtMs: sighting.atMs,
        sightings: 0,
        entryCamera: sighting.camera,
        lastCamera: sighting.camera,
        embeddings: [],
        ages: [],
        female: 0,
        male: 0,
      };
      this.tracks.push(track);
      absorb(track, sighting);
      changes.push({ type: 'started', visit: view(track) });
    } else {
      if (identified) track.member = sighting.member;
      absorb(track, sighting);
      if (identified) changes.push({ type: 'identified', visit: view(track) });
      changes.push({ type: 'seen', visit: view(track) });
    }
    if (sighting.role === 'exit') {
      this.drop(track);
      changes.push({ type: 'ended', visit: view(track), reason: 'exit', leftAtMs: sighting.atMs });
    }
    return { changes, visit: view(track) };
  }

  /** Ends every visit not seen within the window before `nowMs`: left when last seen; their embeddings go. */
  expire(nowMs: number, windowMs: number): VisitChange[] {
    const ended: VisitChange[] = [];
    for (const track of [...this.tracks]) {
      if (nowMs - track.lastSeenAtMs <= windowMs) continue;
      this.drop(track);
      ended.push({ type: 'ended', visit: view(track), reason: 'timeout', leftAtMs: track.lastSeenAtMs });
    }
    return ended;
  }

  /** Ends the member's visit (their consent was withdrawn): from now on their face starts an anonymous visit. */
  endMember(member: string, reason: EndReason): VisitChange[] {
    return this.endWhere((t) => t.member === member, reason);
  }

  /** Ends the visit with this id, if it is tracked here (another process, or a sweep, ended it). */
  endVisit(visitId: string, reason: EndReason): VisitChange[] {
    return this.endWhere((t) => t.visitId === visitId, reason);
  }

  /** Ends every open visit (the end of a replayed sequence). */
  endAll(reason: EndReason): VisitChange[] {
    return this.endWhere(() => true, reason);
  }

  /** The visit is known under another id (the member's visit already open in the database): the track follows it. */
  adopt(visitId: string, existing: { visitId: string; enteredAtMs: number; sightings: number }): void {
    const track = this.tracks.find((t) => t.visitId === visitId);
    if (!track) return;
    track.visitId = existing.visitId;
    track.enteredAtMs = Math.min(track.enteredAtMs, existing.enteredAtMs);
    track.sightings += existing.sightings;
  }

  /** The visit ended elsewhere meanwhile (a sweep) and its person is back: the track starts a new visit now. */
  restart(visitId: string, newVisitId: string, atMs: number): void {
    const track = this.tracks.find((t) => t.visitId === visitId);
    if (!track) return;
    track.visitId = newVisitId;
    track.enteredAtMs = atMs;
    track.sightings = 1;
  }

  /**
   * Undo for the caller's failed transaction: the tracker as it was before `work`. Tracks are copied shallowly (an
   * embedding is never changed in place), so this costs a few object copies per track.
   */
  async rollbackOnFailure<T>(work: () => Promise<T>): Promise<T> {
    const saved = this.tracks.map((t) => ({ ...t, embeddings: [...t.embeddings], ages: [...t.ages] }));
    try {
      return await work();
    } catch (error) {
      this.tracks = saved;
      throw error;
    }
  }

  private endWhere(which: (t: Track) => boolean, reason: EndReason): VisitChange[] {
    const ended: VisitChange[] = [];
    for (const track of this.tracks.filter(which)) {
      this.drop(track);
      ended.push({ type: 'ended', visit: view(track), reason, leftAtMs: track.lastSeenAtMs });
    }
    return ended;
  }

  private bestMatch(embedding: Float32Array, rules: TrackerRules): Track | undefined {
    let best: Track | undefined;
    let bestScore = -Infinity;
    for (const track of this.tracks) {
      for (const kept of track.embeddings) {
        const score = rules.similarity(embedding, kept);
        if (score >= rules.sameFace && score > bestScore) {
          best = track;
          bestScore = score;
        }
      }
    }
    return best;
  }

  private drop(track: Track): void {
    this.tracks = this.tracks.filter((t) => t !== track);
    track.embeddings = [];
  }
}

function absorb(track: Track, sighting: Sighting): void {
  track.lastSeenAtMs = Math.max(track.lastSeenAtMs, sighting.atMs);
  track.lastCamera = sighting.camera;
  track.sightings += 1;
  track.embeddings = [...track.embeddings, sighting.embedding].slice(-EMBEDDINGS_PER_TRACK);
  if (sighting.age !== null && Number.isFinite(sighting.age)) track.ages.push(sighting.age);
  if (sighting.gender === 'female') track.female += 1;
  if (sighting.gender === 'male') track.male += 1;
}

function view(track: Track): VisitView {
  const ages = [...track.ages].sort((a, b) => a - b);
  const median =
    ages.length === 0
      ? null
      : ages.length % 2
        ? ages[(ages.length - 1) / 2]!
        : (ages[ages.length / 2 - 1]! + ages[ages.length / 2]!) / 2;
  return {
    visitId: track.visitId,
    member: track.member,
    enteredAtMs: track.enteredAtMs,
    lastSeenAtMs: track.lastSeenAtMs,
    sightings: track.sightings,
    entryCamera: track.entryCamera,
    lastCamera: track.lastCamera,
    ageBand: median === null ? null : ageBandOf(median),
    gender: track.female > track.male ? 'female' : track.male > track.female ? 'male' : null,
  };
}
