import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../bin/shualian.mjs', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const KEPT_OUTPUT = 20_000;

/**
 * The real `shualian serve` in its own process, on 127.0.0.1 and a port the system picks: for tests that kill it,
 * restart it and watch it answer over HTTP. `env` is added to the test's own environment.
 */
export class ServerProcess {
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    readonly started: number,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    // A test process that ends early (a failure, a timeout) takes its server with it rather than leave it serving.
    const orphaned = () => child.kill('SIGKILL');
    process.once('exit', orphaned);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        process.off('exit', orphaned);
        resolve();
      }),
    );
  }

  /** Base URL, e.g. http://127.0.0.1:41234, once the start-up banner is out. */
  base = '';

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const child = spawn(process.execPath, [entry, 'serve'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SHUALIAN_SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, Date.now());
    server.base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error(`the server did not start within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${error.message}\n--- server output ---\n${server.log}`));
      };
      const exitedEarly = (code: number | null, signal: string | null) =>
        fail(new Error(`the server exited while starting (code ${code}, signal ${signal})`));
      const watch = () => {
        const port = /running at http:\/\/[^:\s]+:(\d+)/.exec(server.output)?.[1];
        if (!port) return;
        clearTimeout(timer);
        child.stdout!.off('data', watch);
        child.off('exit', exitedEarly);
        resolve(`http://127.0.0.1:${port}`);
      };
      child.stdout!.on('data', watch);
      child.once('exit', exitedEarly);
    });
    return server;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the server printed last (its banner and warnings), for failure messages. */
  get log(): string {
    return this.output
      .split('\n')
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line))
      .join('\n')
      .slice(-4_000);
  }

  /** `kill -9`: no shutdown hook runs, open transactions are cut where they stand. */
  async kill(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM), forced after a grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
