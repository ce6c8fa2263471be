/**
 * Whether the server can do its whole job yet, as opposed to whether the process is alive (`/healthz`). Start-up work
 * that finishes after the server listens (the face engine, the galleries rebuilt from the database) registers here; a
 * load balancer or a kiosk holds face traffic back until every check is done.
 */
export type CheckState = 'pending' | 'ok' | 'failed';

export class Readiness {
  private readonly checks = new Map<string, CheckState>();

  /** A check that is done when `work` settles: ok when it resolves, failed when it rejects. */
  track(name: string, work: Promise<unknown>): void {
    this.checks.set(name, 'pending');
    work.then(
      () => this.checks.set(name, 'ok'),
      () => this.checks.set(name, 'failed'),
    );
  }

  mark(name: string, state: CheckState): void {
    this.checks.set(name, state);
  }

  snapshot(): Record<string, CheckState> {
    return Object.fromEntries(this.checks);
  }

  get ready(): boolean {
    return [...this.checks.values()].every((state) => state === 'ok');
  }
}
