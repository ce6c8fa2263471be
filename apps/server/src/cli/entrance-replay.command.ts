import { Command } from 'commander';
import { EngineGallery } from '../modules/biometrics/index.ts';
import {
  nameAtEntrance,
  readCrop,
  trackerRules,
  VisitTracker,
  type CameraRole,
  type CropOutcome,
  type VisitChange,
} from '../modules/presence/index.ts';
import { DEFAULT_MERCHANT_SETTINGS } from '../modules/settings/index.ts';
import {
  enrollFromCsv,
  EVALUATION_MERCHANT,
  imageReader,
  inParallel,
  readRows,
  reasonOf,
  warn,
  withRecognizer,
} from './face-evaluation.command.ts';

/**
 * `shualian entrance replay`: the store entrance's pipeline on a sequence of frames from cameras, as the server runs
 * it (entrance-pipeline.ts, the same tracker, thresholds and visit rules, the merchant defaults), with the members of
 * ENROLL.csv enrolled as the member app does and all of them consenting to entrance recognition; an in-memory gallery,
 * no database. Nothing is fitted on the input. One JSON line per visit as it ends (every open one at the end).
 */

export interface VisitLine {
  visitor: string;
  enteredAtMs: number;
  leftAtMs: number;
  ageBand: string | null;
  gender: string | null;
}

/**
 * A camera's role from its name, as FRAMES.csv has only names: a name that starts with the word `exit` or `out`
 * (exit, exit-2, Out back) is an exit camera (it ends the visit of whoever it sees and starts none), `both` a camera
 * seeing both ways, any other an entry camera.
 */
export function cameraRoleOf(camera: string): CameraRole {
  if (/^(exit|out)(?![a-z])/i.test(camera)) return 'exit';
  if (/^both(?![a-z])/i.test(camera)) return 'both';
  return 'entry';
}

export async function replay(options: { images: string; frames: string; enroll?: string }): Promise<void> {
  const read = imageReader(options.images);
  const frames = (await readRows(options.frames)).map((row, line) => {
    const [file, camera, atText] = row;
    const atMs = Number(atText);
    if (!camera || !Number.isSafeInteger(atMs))
      throw new Error(`${options.frames}, row ${line + 2}: expected file,camera,atMs (atMs a whole number of ms)`);
    return { file: file!, camera, atMs, order: line };
  });
  // The sequence in time, as the server receives it (rows of one moment keep their order).
  frames.sort((a, b) => a.atMs - b.atMs || a.order - b.order);

  await withRecognizer(async (recognizer, width) => {
    const { gallery, members: consenting } = options.enroll
      ? await enrollFromCsv(recognizer, width, read, options.enroll)
      : { gallery: new EngineGallery(), members: new Set<string>() };
    const settings = DEFAULT_MERCHANT_SETTINGS;
    const rules = trackerRules(recognizer, settings.entranceVisitWindowMinutes);
    const tracker = new VisitTracker();

    // Every frame is analysed first (in parallel, one per engine worker); the visits are then counted in order.
    const outcomes = await inParallel(frames, width, async (frame): Promise<CropOutcome | null> => {
      try {
        return await readCrop(recognizer, await read(frame.file));
      } catch (error) {
        warn(`${frame.file}: not counted (${reasonOf(error)})`);
        return null;
      }
    });
    const print = (changes: VisitChange[]) => {
      for (const change of changes) {
        if (change.type !== 'ended') continue;
        const line: VisitLine = {
          visitor: change.visit.member ? `member:${change.visit.member}` : 'anonymous',
          enteredAtMs: change.visit.enteredAtMs,
          leftAtMs: change.leftAtMs,
          ageBand: change.visit.ageBand,
          gender: change.visit.gender,
        };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    };
    for (const [i, frame] of frames.entries()) {
      const outcome = outcomes[i];
      if (!outcome) continue;
      if (outcome.kind === 'no_face') {
        warn(`${frame.file}: not counted (${outcome.reasons.join(', ') || 'no_face'})`);
        continue;
      }
      const member = nameAtEntrance(
        gallery,
        EVALUATION_MERCHANT,
        outcome.reading,
        consenting,
        settings.entranceStrangerOneIn,
      ).member;
      const { changes } = tracker.observe(
        { atMs: frame.atMs, camera: frame.camera, role: cameraRoleOf(frame.camera), member, ...outcome.reading },
        rules,
      );
      print(changes);
    }
    print(tracker.endAll('end_of_sequence'));
  });
}

/** `entrance replay`, the evaluation of the store entrance. */
export function entranceCommand(): Command {
  const entrance = new Command('entrance').description('the store entrance: visits from face crops');
  entrance.addCommand(
    new Command('replay')
      .description(
        'run the entrance pipeline on FRAMES.csv (file,camera,atMs) with the members of ENROLL.csv (file,member) consenting; print one JSON line per visit as it ends: {"visitor":"member:<id>"|"anonymous","enteredAtMs","leftAtMs","ageBand","gender"}. A camera named exit or out (exit-2, out back) is an exit camera.',
      )
      .requiredOption('--images <dir>', 'directory the CSV paths are relative to')
      .requiredOption('--frames <file>', 'CSV with a header: file,camera,atMs (ms; the sequence in time)')
      .option('--enroll <file>', 'CSV with a header: file,member (members who consented to entrance recognition)')
      .action(replay),
  );
  return entrance;
}
