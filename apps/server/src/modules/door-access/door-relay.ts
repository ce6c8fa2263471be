import type { SignedDoorCommand } from '@shualian/device-signing';

/** What the relay said to a command. */
export type RelayAnswer = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Where door commands go: the door controller's HTTP endpoint. */
export interface DoorRelay {
  send(url: string, command: SignedDoorCommand): Promise<RelayAnswer>;
}

/**
 * Posts each command to the relay's URL as JSON and waits at most `timeoutMs`: a member at the door is told 请找店员
 * rather than kept waiting. A 2xx answer means the relay accepted (and opened); anything else, or no answer, fails.
 */
export class HttpDoorRelay implements DoorRelay {
  constructor(private readonly timeoutMs: number) {}

  async send(url: string, command: SignedDoorCommand): Promise<RelayAnswer> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(command),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel().catch(() => {});
      if (response.ok) return { ok: true, status: response.status };
      return { ok: false, status: response.status, error: `relay answered ${response.status}` };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return { ok: false, status: null, error: `no answer within ${this.timeoutMs} ms` };
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, status: null, error: `relay unreachable${cause ? ` (${cause})` : ''}` };
    }
  }
}
