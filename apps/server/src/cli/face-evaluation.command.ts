import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decideFromFace } from '../modules/checkout/index.ts';
import type { PaymentTerms } from '../modules/payments/index.ts';
import { DEFAULT_MERCHANT_SETTINGS, strangerChanceTarget } from '../modules/settings/index.ts';
import { DomainError } from '../platform/domain-errors.ts';
import { EngineGallery, EngineRecognizer } from '../modules/biometrics/index.ts';
import { analyseEnrollmentFrames, ENROLLMENT_RULES, enrolledElsewhere } from '../modules/biometrics/index.ts';
import { checkImages } from '../modules/biometrics/index.ts';
import type { Recognizer } from '../modules/biometrics/index.ts';

/**
 * Offline evaluation of the face decisions on a folder of photos, with the shipped configuration and nothing fitted on
 * the input: `face identify` (who would pay by face) and `face liveness` (the passive checks as configured).
 */

export const EVALUATION_MERCHANT = 'evaluation';
/** Any amount within the 免密 limits: the decision is the face's, not the wallet's. */
const WITHIN_LIMITS: PaymentTerms = {
  passwordFree: true,
  perPaymentLimitFen: Number.MAX_SAFE_INTEGER,
  dailyRemainingFen: Number.MAX_SAFE_INTEGER,
  pinSet: true,
};

/** The rows of a CSV with a header line; cells trimmed, blank lines skipped. */
export async function readRows(path: string): Promise<string[][]> {
  const rows = parse(await readFile(path, 'utf8'), {
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    bom: true,
  }) as string[][];
  return rows.slice(1).filter((row) => row[0]);
}

export const warn = (message: string) => process.stderr.write(`${message}\n`);
export const reasonOf = (error: unknown) =>
  error instanceof DomainError
    ? `${error.code}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`
    : error instanceof Error
      ? error.message
      : String(error);

/** Runs `work` over `items` with at most `width` at once (one per engine worker), results in input order. */
export async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, width) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

function workers(): number {
  const configured = Number.parseInt(process.env.SHUALIAN_FACE_WORKERS ?? '', 10);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : 2;
}

export async function withRecognizer<T>(work: (recognizer: Recognizer, width: number) => Promise<T>): Promise<T> {
  const width = workers();
  const recognizer = await EngineRecognizer.load({ workers: width });
  try {
    return await work(recognizer, width);
  } finally {
    await recognizer.close();
  }
}

export interface IdentifyLine {
  file: string;
  decision: 'pay' | 'step_up' | 'refuse';
  member: string | null;
  score: number;
  margin: number;
  strangerChance: number;
}

/** A picture of the evaluation folder, through the image gate as an upload would go. */
export function imageReader(dir: string): (file: string) => Promise<Buffer> {
  const images = resolve(dir);
  return async (file: string) => {
    const image = await readFile(resolve(images, file));
    await checkImages([image], () => file);
    return image;
  };
}

/**
 * The members of ENROLL.csv (file,member; several files per member) enrolled as the member app does: up to five
 * frames in one request, one template per usable frame, and the same face under another member's name refused. The
 * liveness of the enrollment photos is taken as proven. Members who cannot be enrolled are told on stderr.
 */
export async function enrollFromCsv(
  recognizer: Recognizer,
  width: number,
  read: (file: string) => Promise<Buffer>,
  enrollCsv: string,
): Promise<{ gallery: EngineGallery; members: Set<string> }> {
  const byMember = new Map<string, string[]>();
  for (const [file, member] of await readRows(enrollCsv)) {
    if (!member) throw new Error(`${enrollCsv}: ${file} names no member`);
    byMember.set(member, [...(byMember.get(member) ?? []), file!]);
  }
  const gallery = new EngineGallery();
  const members = [...byMember.entries()];
  const enrolledMembers = new Set<string>();
  const enrolled = await inParallel(members, width, async ([member, files]) => {
    if (files.length > ENROLLMENT_RULES.maxFrames) {
      warn(`${member}: ${files.length} files, an enrollment takes the first ${ENROLLMENT_RULES.maxFrames}`);
    }
    try {
      const frames = await Promise.all(files.slice(0, ENROLLMENT_RULES.maxFrames).map(read));
      return { member, frames: await analyseEnrollmentFrames(recognizer, frames, async () => {}) };
    } catch (error) {
      warn(`${member}: not enrolled (${reasonOf(error)})`);
      return { member, frames: undefined };
    }
  });
  for (const { member, frames } of enrolled) {
    if (!frames) continue;
    const duplicate = enrolledElsewhere(recognizer, gallery, EVALUATION_MERCHANT, member, frames.probe);
    if (duplicate) {
      warn(
        `${member}: not enrolled (face_already_enrolled as ${duplicate.memberId}, score ${duplicate.score.toFixed(3)})`,
      );
      continue;
    }
    gallery.putMember(
      EVALUATION_MERCHANT,
      member,
      '0000',
      frames.usable.map((u, i) => ({ templateId: `${member}#${i}`, vector: u.embedding })),
    );
    enrolledMembers.add(member);
  }
  const extent = gallery.extent(EVALUATION_MERCHANT);
  warn(`gallery: ${extent.members} members, ${extent.templates} templates (${members.length} in ${enrollCsv})`);
  return { gallery, members: enrolledMembers };
}

export async function identify(options: { images: string; enroll: string; probes: string }): Promise<void> {
  const read = imageReader(options.images);
  const probes = (await readRows(options.probes)).map((row) => row[0]!);

  await withRecognizer(async (recognizer, width) => {
    const { gallery } = await enrollFromCsv(recognizer, width, read, options.enroll);
    const extent = gallery.extent(EVALUATION_MERCHANT);

    const payChance = strangerChanceTarget(DEFAULT_MERCHANT_SETTINGS);
    await inParallel(probes, width, async (file) => {
      let line: IdentifyLine;
      try {
        const analysis = await recognizer.analyze(await read(file));
        if (!analysis.identifiable || !analysis.embedding) throw new Error(analysis.reasons.join(', '));
        const search = gallery.search(EVALUATION_MERCHANT, analysis.embedding, { k: 5 });
        const identity = recognizer.identify(search, extent, payChance);
        const outcome = decideFromFace(
          { liveness: { passed: true }, identity, clearFace: analysis.usable },
          1,
          () => WITHIN_LIMITS,
          { forceStepUp: false },
        );
        const decision = outcome.kind === 'approve' ? 'pay' : outcome.kind;
        line = {
          file,
          decision,
          member: decision === 'refuse' ? null : identity.member,
          score: round(identity.score),
          margin: round(identity.margin),
          strangerChance: Number(identity.strangerChance.toPrecision(4)),
        };
      } catch (error) {
        warn(`${file}: refused (${reasonOf(error)})`);
        line = { file, decision: 'refuse', member: null, score: 0, margin: 0, strangerChance: 1 };
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
    });
  });
}

export async function liveness(options: { images: string; list: string }): Promise<void> {
  const images = resolve(options.images);
  const files = (await readRows(options.list)).map((row) => row[0]!);
  await withRecognizer(async (recognizer, width) => {
    await inParallel(files, width, async (file) => {
      let line: { file: string; live: boolean; scores: Record<string, number | null> };
      try {
        const image = await readFile(resolve(images, file));
        await checkImages([image], () => file);
        const analysis = await recognizer.analyze(image);
        // The passive checks read the subject, the face the camera looks at, as in face pay.
        if (!analysis.identifiable) throw new Error(analysis.reasons.join(', ') || 'no face');
        line = {
          file,
          live: analysis.passiveLive,
          scores: { antispoof: analysis.antispoofScore, liveness: analysis.livenessScore },
        };
      } catch (error) {
        warn(`${file}: not live (${reasonOf(error)})`);
        line = { file, live: false, scores: { antispoof: null, liveness: null } };
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
    });
  });
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** `face identify` and `face liveness`, added to the engine's own `face` command. */
export function faceEvaluationCommands(): Command[] {
  return [
    new Command('identify')
      .description(
        'enroll members from ENROLL.csv (file,member) as the member app does, then print per probe what face payment would decide: {"file","decision","member","score","margin","strangerChance"}',
      )
      .requiredOption('--images <dir>', 'directory the CSV paths are relative to')
      .requiredOption('--enroll <file>', 'CSV with a header: file,member (several files per member allowed)')
      .requiredOption('--probes <file>', 'CSV with a header; first column file')
      .action(identify),
    new Command('liveness')
      .description('print {"file","live","scores"} per image: the passive liveness checks as configured')
      .requiredOption('--images <dir>', 'directory the CSV paths are relative to')
      .requiredOption('--list <file>', 'CSV with a header; first column file')
      .action(liveness),
  ];
}
