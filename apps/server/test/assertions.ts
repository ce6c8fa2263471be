import assert from 'node:assert/strict';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';

/** The response is an error with this status and machine-readable code, in the one error shape. */
export function assertError(response: { statusCode: number; json(): unknown }, status: number, code: string): void {
  const body = response.json() as { error?: { code: string; message: string } };
  assert.equal(response.statusCode, status, JSON.stringify(body));
  assert.equal(body.error?.code, code);
  assert.equal(typeof body.error?.message, 'string');
}

/** The last SMS code sent to a phone, read from the developer outbox. */
export async function lastSmsCode(db: Kysely<Database>, phone: string): Promise<string> {
  const row = await db
    .selectFrom('sms_outbox')
    .select('body')
    .where('phone', '=', phone)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.body.match(/(\d{6})/)![1]!;
}
