import { randomUUID } from 'node:crypto';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';

/**
 * Where text messages go. The built-in sender writes them to the developer outbox (table `sms_outbox` and a console
 * line) so a demo works offline. A real provider (Aliyun SMS, Tencent Cloud SMS, …) is a class implementing this
 * interface, chosen in `container.ts`; it must not throw for a number the provider rejects after accepting.
 */
export interface SmsSender {
  send(message: { merchantId: string; phone: string; body: string }): Promise<void>;
}

export class DeveloperOutboxSender implements SmsSender {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  async send(message: { merchantId: string; phone: string; body: string }): Promise<void> {
    await this.db
      .insertInto('sms_outbox')
      .values({ merchant_id: message.merchantId, id: randomUUID(), phone: message.phone, body: message.body })
      .execute();
    this.log(`[sms outbox] to ${message.phone}: ${message.body}`);
  }
}
