import { AnnIndex } from './ann-index.ts';
import { GalleryError } from './errors.ts';
import { ExactIndex } from './exact-index.ts';
import { unitVector } from './vector.ts';

export interface GalleryEntry {
  templateId: string;
  memberId: string;
  vector: ArrayLike<number>;
  /** Last four digits of the member's phone: the step-up restricts 1:N search to this partition. */
  phoneSuffix: string;
  /** Store groups the member is recognised in; absent means every store of the merchant. */
  storeGroups?: string[];
}

export interface MemberMatch {
  memberId: string;
  templateId: string;
  score: number;
}

export interface SearchResult {
  /** Distinct members, best first; each with their best-scoring template. */
  matches: MemberMatch[];
  /** Best member's score minus the runner-up member's (the best score itself when there is no runner-up). */
  margin: number;
}

export interface SearchOptions {
  k?: number;
  phoneSuffix?: string;
  storeGroup?: string;
  /**
   * Search these members' templates only (an exact scan of theirs: no other template is scored), e.g. the members who
   * agreed to be recognised for one purpose.
   */
  members?: ReadonlySet<string>;
}

interface Template {
  templateId: string;
  memberId: string;
  phoneSuffix: string;
  storeGroups?: Set<string>;
}

/**
 * Where an approximate index starts to pay: below this many templates an exact scan is already fast, and exact is
 * always right. Measured by bench/gallery-bench.ts (docs/benchmarks.md).
 */
export const DEFAULT_ANN_THRESHOLD = 20_000;
/** Templates one member may have (multi-frame enrollment); searches fetch enough rows for k distinct members. */
const TEMPLATES_PER_MEMBER = 5;

/**
 * One merchant's face gallery. Vectors live once, in one exact block; phone-suffix partitions hold labels into it; above
 * `annThreshold` templates an HNSW index answers unfiltered queries.
 */
export class FaceGallery {
  private readonly templates = new Map<number, Template>();
  private readonly labelOf = new Map<string, number>();
  private readonly byMember = new Map<string, Set<number>>();
  private readonly bySuffix = new Map<string, Set<number>>();
  private readonly exact: ExactIndex;
  private ann: AnnIndex | undefined;
  private nextLabel = 0;
  private loading = false;

  constructor(
    readonly dimensions: number,
    readonly annThreshold = DEFAULT_ANN_THRESHOLD,
  ) {
    this.exact = new ExactIndex(dimensions);
  }

  get size(): number {
    return this.templates.size;
  }

  get memberCount(): number {
    return this.byMember.size;
  }

  get usesApproximateIndex(): boolean {
    return this.ann !== undefined;
  }

  add(entry: GalleryEntry): void {
    if (!/^\d{4}$/.test(entry.phoneSuffix))
      throw new GalleryError('phone_suffix_invalid', 'phoneSuffix must be 4 digits');
    if (this.labelOf.has(entry.templateId))
      throw new GalleryError('template_exists', `template ${entry.templateId} is already in the gallery`);
    const vector = unitVector(entry.vector, this.dimensions);
    const label = this.nextLabel++;
    this.templates.set(label, {
      templateId: entry.templateId,
      memberId: entry.memberId,
      phoneSuffix: entry.phoneSuffix,
      storeGroups: entry.storeGroups ? new Set(entry.storeGroups) : undefined,
    });
    this.labelOf.set(entry.templateId, label);
    (this.byMember.get(entry.memberId) ?? this.byMember.set(entry.memberId, new Set()).get(entry.memberId)!).add(label);
    this.exact.add(label, vector);
    (
      this.bySuffix.get(entry.phoneSuffix) ?? this.bySuffix.set(entry.phoneSuffix, new Set()).get(entry.phoneSuffix)!
    ).add(label);
    if (this.ann) this.ann.add(label, vector);
    else if (!this.loading && this.size >= this.annThreshold) this.buildAnn();
  }

  /** Loads many entries at once (rebuild on start); the approximate index, if needed, is built once at the end. */
  load(entries: Iterable<GalleryEntry>): void {
    this.loading = true;
    try {
      for (const entry of entries) this.add(entry);
    } finally {
      this.loading = false;
    }
    if (!this.ann && this.size >= this.annThreshold) this.buildAnn();
  }

  /** Takes a template out at once: it is never returned again. */
  remove(templateId: string): boolean {
    const label = this.labelOf.get(templateId);
    if (label === undefined) return false;
    const template = this.templates.get(label)!;
    this.exact.remove(label);
    const partition = this.bySuffix.get(template.phoneSuffix);
    partition?.delete(label);
    if (partition?.size === 0) this.bySuffix.delete(template.phoneSuffix);
    this.ann?.remove(label);
    this.templates.delete(label);
    this.labelOf.delete(templateId);
    const own = this.byMember.get(template.memberId)!;
    own.delete(label);
    if (own.size === 0) this.byMember.delete(template.memberId);
    return true;
  }

  removeMember(memberId: string): number {
    const labels = [...(this.byMember.get(memberId) ?? [])];
    for (const label of labels) this.remove(this.templates.get(label)!.templateId);
    return labels.length;
  }

  search(query: ArrayLike<number>, options: SearchOptions = {}): SearchResult {
    const k = options.k ?? 5;
    const probe = unitVector(query, this.dimensions);
    const group = options.storeGroup;
    const accept = group ? (label: number) => this.templates.get(label)?.storeGroups?.has(group) ?? true : undefined;
    // Enough rows that k distinct members survive even if each has several templates near the top.
    const rows = (k + 1) * TEMPLATES_PER_MEMBER;
    let hits: Array<{ label: number; score: number }>;
    if (options.members !== undefined) {
      const suffix = options.phoneSuffix;
      const within =
        suffix === undefined
          ? accept
          : (label: number) => this.templates.get(label)?.phoneSuffix === suffix && (accept?.(label) ?? true);
      hits = this.exact.searchAmong(probe, rows, this.labelsOf(options.members), within);
    } else if (options.phoneSuffix !== undefined) {
      if (!/^\d{4}$/.test(options.phoneSuffix))
        throw new GalleryError('phone_suffix_invalid', 'phoneSuffix must be 4 digits');
      const partition = this.bySuffix.get(options.phoneSuffix);
      hits = partition ? this.exact.searchAmong(probe, rows, partition, accept) : [];
    } else if (this.ann) {
      hits = this.ann.search(probe, rows, accept);
      // A narrow store-group filter can leave the over-fetched rows short: then exact search answers.
      if (accept && hits.length < rows) hits = this.exact.search(probe, rows, accept);
    } else {
      hits = this.exact.search(probe, rows, accept);
    }
    const best = new Map<string, MemberMatch>();
    for (const hit of hits) {
      const template = this.templates.get(hit.label);
      if (!template) continue;
      const current = best.get(template.memberId);
      if (!current || hit.score > current.score)
        best.set(template.memberId, { memberId: template.memberId, templateId: template.templateId, score: hit.score });
    }
    const matches = [...best.values()].sort((a, b) => b.score - a.score).slice(0, k);
    const margin =
      matches.length === 0 ? 0 : matches.length === 1 ? matches[0]!.score : matches[0]!.score - matches[1]!.score;
    return { matches, margin };
  }

  /** Templates held for these members (what a search restricted to them compares a probe with). */
  templateCountOf(members: ReadonlySet<string>): number {
    let count = 0;
    for (const member of members) count += this.byMember.get(member)?.size ?? 0;
    return count;
  }

  /** Members of this set that have templates here. */
  memberCountOf(members: ReadonlySet<string>): number {
    let count = 0;
    for (const member of members) if (this.byMember.has(member)) count++;
    return count;
  }

  private *labelsOf(members: ReadonlySet<string>): Iterable<number> {
    for (const member of members) yield* this.byMember.get(member) ?? [];
  }

  /** Exact top-k regardless of size: the reference the approximate index is checked against. */
  searchExact(query: ArrayLike<number>, k = 5): MemberMatch[] {
    const probe = unitVector(query, this.dimensions);
    const hits = this.exact.search(probe, (k + 1) * TEMPLATES_PER_MEMBER);
    const best = new Map<string, MemberMatch>();
    for (const hit of hits) {
      const t = this.templates.get(hit.label)!;
      if (!best.has(t.memberId))
        best.set(t.memberId, { memberId: t.memberId, templateId: t.templateId, score: hit.score });
    }
    return [...best.values()].slice(0, k);
  }

  private buildAnn(): void {
    const ann = new AnnIndex(this.dimensions);
    const labels = [...this.templates.keys()];
    const matrix = new Float32Array(labels.length * this.dimensions);
    const vector = new Float32Array(this.dimensions);
    for (const [i, label] of labels.entries()) {
      this.exact.copyVector(label, vector);
      matrix.set(vector, i * this.dimensions);
    }
    ann.addMany(labels, matrix);
    this.ann = ann;
  }
}
