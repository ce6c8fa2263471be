import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysisResult, AnalyzeOptions } from '../engine.ts';
import { FaceEngineError, FacePoolError, type FaceEngineErrorCode } from '../errors.ts';
import type { Box } from '../image.ts';
import { imageLimits, type ImageLimits } from './image-gate.ts';
import type { Rgb } from './index.ts';

export interface FaceEnginePoolOptions {
  /** worker threads, each with its own engine (one wasm thread, models loaded once): default one per core, at most 4 */
  size?: number;
  /** V8 heap limit of each worker (resourceLimits.maxOldGenerationSizeMb) */
  memoryMb?: number;
  /** how long one job may run in a worker before the worker is terminated and replaced */
  deadlineMs?: number;
  /** jobs that may wait for a worker; more are refused at once as face_engine_busy (default 32 per worker) */
  maxQueue?: number;
  /** how long a job may wait for a worker before it is refused as face_engine_busy (default: the deadline) */
  maxWaitMs?: number;
  /** the image gate's limits, applied inside the workers before any decoding */
  limits?: Partial<ImageLimits>;
  /** told when a worker was replaced, and why */
  onWorkerReplaced?: (event: { reason: FailureReason; detail: string }) => void;
}

export type FailureReason =
  'engine_failed' | 'out_of_memory' | 'worker_crashed' | 'worker_exited' | 'deadline_exceeded';

export type PoolAnalysis = AnalysisResult & { subjectColour: Rgb | null };

export type PoolJob =
  | { id: number; kind: 'analyze'; bytes: Uint8Array; options: AnalyzeOptions & { colour?: boolean } }
  | { id: number; kind: 'colour'; bytes: Uint8Array; box: Box };

export type PoolReply =
  | { ready: true; id?: undefined }
  | { id: number; ok: true; result: PoolAnalysis | Rgb }
  | { id: number; ok: false; error: { code: FaceEngineErrorCode; message: string; details?: Record<string, unknown> } }
  | { id: number; ok: false; fatal: string };

export interface PoolWorkerData {
  limits: ImageLimits;
}

interface Pending {
  job: PoolJob;
  deadlineMs: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
  waiting?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy' | 'gone';
  pending?: Pending;
  deadline?: NodeJS.Timeout;
  /** rejects spawn()'s promise while the worker is still starting */
  startFailed?: (error: Error) => void;
}

export const POOL_DEFAULTS = {
  memoryMb: 512,
  deadlineMs: 10_000,
  queuePerWorker: 32,
  /** a worker that fails while starting is tried again after this, doubling up to 30 s */
  restartDelayMs: 500,
};

/**
 * Face analysis off the event loop: a pool of worker threads, each holding a loaded engine. Jobs queue in order;
 * each runs under a deadline in one worker. A worker that aborts, crashes, runs out of memory or overruns is
 * terminated and replaced; only its own job fails (FacePoolError face_analysis_failed), and the queue carries on.
 */
export class FaceEnginePool {
  readonly size: number;
  readonly limits: ImageLimits;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private readonly options: Required<Omit<FaceEnginePoolOptions, 'limits' | 'onWorkerReplaced' | 'size'>> &
    Pick<FaceEnginePoolOptions, 'onWorkerReplaced'>;
  private nextId = 1;
  private closed = false;
  private restartDelayMs = POOL_DEFAULTS.restartDelayMs;
  private replacements = 0;

  private constructor(options: FaceEnginePoolOptions) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.limits = imageLimits(options.limits);
    this.options = {
      memoryMb: options.memoryMb ?? POOL_DEFAULTS.memoryMb,
      deadlineMs: options.deadlineMs ?? POOL_DEFAULTS.deadlineMs,
      maxQueue: options.maxQueue ?? POOL_DEFAULTS.queuePerWorker * this.size,
      maxWaitMs: options.maxWaitMs ?? options.deadlineMs ?? POOL_DEFAULTS.deadlineMs,
      onWorkerReplaced: options.onWorkerReplaced,
    };
  }

  /** Starts every worker and resolves once all of them have loaded their models. */
  static async start(options: FaceEnginePoolOptions = {}): Promise<FaceEnginePool> {
    const pool = new FaceEnginePool(options);
    try {
      await Promise.all(Array.from({ length: pool.size }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /**
   * The whole engine on one picture (see NodeFaceEngine.analyze); with `colour`, the subject's inner-face colour too.
   * `deadlineMs` replaces the pool's deadline for this job.
   */
  analyze(
    bytes: Uint8Array,
    options: AnalyzeOptions & { colour?: boolean; deadlineMs?: number } = {},
  ): Promise<PoolAnalysis> {
    const { deadlineMs, ...jobOptions } = options;
    return this.run(
      { id: 0, kind: 'analyze', bytes: copyOf(bytes), options: jobOptions },
      deadlineMs,
    ) as Promise<PoolAnalysis>;
  }

  /** Mean colour of the inner part of a face box, in the picture's coordinates. */
  faceColour(bytes: Uint8Array, box: Box): Promise<Rgb> {
    return this.run({ id: 0, kind: 'colour', bytes: copyOf(bytes), box }) as Promise<Rgb>;
  }

  /** workers: running or starting; ready: with their models loaded; replaced: since the pool started. */
  stats(): { workers: number; ready: number; busy: number; queued: number; replaced: number } {
    const live = [...this.slots].filter((s) => s.state !== 'gone');
    return {
      workers: live.length,
      ready: live.filter((s) => s.state === 'idle' || s.state === 'busy').length,
      busy: live.filter((s) => s.state === 'busy').length,
      queued: this.queue.length,
      replaced: this.replacements,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) {
      clearTimeout(pending.waiting);
      pending.reject(new FacePoolError('face_engine_unavailable', 'the face engine is shutting down'));
    }
    await Promise.all([...this.slots].map((slot) => this.retire(slot, undefined)));
  }

  private run(job: PoolJob, deadlineMs = this.options.deadlineMs): Promise<unknown> {
    if (this.closed)
      return Promise.reject(new FacePoolError('face_engine_unavailable', 'the face engine is shut down'));
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(
        new FacePoolError('face_engine_busy', 'the face engine is busy; try again in a moment', {
          queued: this.queue.length,
        }),
      );
    }
    job.id = this.nextId++;
    return new Promise((resolve, reject) => {
      const pending: Pending = { job, deadlineMs, resolve, reject };
      // Waiting is bounded too: when every worker is stuck or restarting, callers hear so instead of hanging.
      pending.waiting = setTimeout(() => {
        const at = this.queue.indexOf(pending);
        if (at < 0) return;
        this.queue.splice(at, 1);
        const running = [...this.slots].some((s) => s.state === 'idle' || s.state === 'busy');
        reject(
          running
            ? new FacePoolError('face_engine_busy', 'the face engine is busy; try again in a moment', {
                waitedMs: this.options.maxWaitMs,
              })
            : new FacePoolError('face_engine_unavailable', 'the face engine is restarting; try again in a moment'),
        );
      }, this.options.maxWaitMs);
      this.queue.push(pending);
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state !== 'idle') continue;
      const pending = this.queue.shift()!;
      clearTimeout(pending.waiting);
      slot.state = 'busy';
      slot.pending = pending;
      slot.worker.ref();
      slot.deadline = setTimeout(
        () => void this.retire(slot, 'deadline_exceeded', `the job ran past ${pending.deadlineMs} ms`),
        pending.deadlineMs,
      );
      slot.worker.postMessage(pending.job, [pending.job.bytes.buffer as ArrayBuffer]);
    }
  }

  /** A new worker; resolves once its engine is loaded, rejects if it fails before that. */
  private spawn(): Promise<void> {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: WORKER_ENTRY, tsx: TSX_API, limits: this.limits } satisfies PoolWorkerData & {
        entry: string;
        tsx: string;
      },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = { worker, state: 'starting' };
    this.slots.add(slot);
    return new Promise<void>((resolve, reject) => {
      slot.startFailed = reject;
      worker.on('message', (reply: PoolReply) => {
        if (reply.id === undefined) {
          if (slot.state !== 'starting') return;
          slot.state = 'idle';
          slot.startFailed = undefined;
          worker.unref();
          this.restartDelayMs = POOL_DEFAULTS.restartDelayMs;
          resolve();
          this.dispatch();
          return;
        }
        const pending = slot.pending;
        if (slot.state !== 'busy' || pending?.job.id !== reply.id) return;
        if (!reply.ok && 'fatal' in reply) {
          void this.retire(slot, 'engine_failed', reply.fatal);
          return;
        }
        clearTimeout(slot.deadline);
        slot.pending = undefined;
        slot.state = 'idle';
        worker.unref();
        if (reply.ok) pending.resolve(reply.result);
        else pending.reject(new FaceEngineError(reply.error.code, reply.error.message, reply.error.details));
        this.dispatch();
      });
      worker.on('error', (error: Error & { code?: string }) => {
        void this.retire(
          slot,
          error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'worker_crashed',
          error.message,
        );
      });
      worker.on('exit', (code) => void this.retire(slot, 'worker_exited', `exit code ${code}`));
    });
  }

  /**
   * Takes a worker out of the pool: its job (if any) fails with face_analysis_failed, the thread is terminated, and,
   * when there was a failure and the pool is open, a fresh worker takes its place.
   */
  private async retire(slot: Slot, reason: FailureReason | undefined, detail = ''): Promise<void> {
    if (slot.state === 'gone') return;
    const wasStarted = slot.state !== 'starting';
    slot.state = 'gone';
    this.slots.delete(slot);
    clearTimeout(slot.deadline);
    slot.startFailed?.(
      new FacePoolError('face_engine_unavailable', `a face engine worker failed to start: ${detail || 'shut down'}`),
    );
    if (slot.pending) {
      slot.pending.reject(
        new FacePoolError(
          'face_analysis_failed',
          'the face engine failed on this picture and was restarted; try again',
          { reason: reason ?? 'shutdown' },
        ),
      );
      slot.pending = undefined;
    }
    const terminated = slot.worker.terminate().then(
      () => undefined,
      () => undefined,
    );
    if (reason && wasStarted && !this.closed) {
      this.replacements++;
      this.options.onWorkerReplaced?.({ reason, detail });
      this.replace();
    }
    await terminated;
  }

  private replace(): void {
    if (this.closed) return;
    this.spawn().catch(() => {
      // Could not start (models unreadable, memory): try again later, waiting longer each time.
      const delay = this.restartDelayMs;
      this.restartDelayMs = Math.min(30_000, delay * 2);
      setTimeout(() => this.replace(), delay).unref();
    });
  }
}

/** The bytes in a buffer of their own, so they can be transferred to a worker without copying a larger pool. */
const copyOf = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

// Node 20 does not apply tsx's loader to a worker's own .ts entry, so the worker registers it, then imports the entry.
const WORKER_ENTRY = new URL('./engine-pool.worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });`;
