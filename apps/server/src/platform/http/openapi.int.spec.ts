import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { ERROR_CODES } from './error-codes.ts';

interface Response {
  description: string;
  content?: { 'application/json'?: { schema?: Record<string, unknown> } };
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Array<Record<string, unknown>>;
  responses: Record<string, Response>;
  'x-error-codes'?: Record<string, string[]>;
}

let ctx: TestContext;
let document: { paths: Record<string, Record<string, Operation>> };
let operations: Array<[string, Operation]>;

before(async () => {
  ctx = await createTestApp();
  document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]): [string, Operation] => [
      `${op.operationId} (${method.toUpperCase()} ${path})`,
      op,
    ]),
  );
});
after(() => ctx.close());

const errorCodesOf = (response: Response) => {
  const schema = response.content?.['application/json']?.schema as
    { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } | undefined;
  return schema?.properties?.error?.properties?.code?.enum;
};

test('the OpenAPI document is valid', async () => {
  await SwaggerParser.validate(structuredClone(document) as never);
  assert.ok(operations.length >= 40);
});

test('every operation is named, summarised and described', () => {
  for (const [name, op] of operations) {
    assert.ok(op.operationId, `${name} has an operationId`);
    assert.ok(op.summary && op.summary.length > 10, `${name} has a summary`);
    assert.ok(op.description && op.description.length > 20, `${name} has a description`);
  }
});

test('every operation documents a success body and describes every response', () => {
  for (const [name, op] of operations) {
    const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
    assert.ok(successes.length > 0, `${name} has a 2xx response`);
    for (const [status, response] of successes) {
      if (status !== '204') assert.ok(response.content?.['application/json']?.schema, `${name} ${status} has a schema`);
    }
    for (const [status, response] of Object.entries(op.responses)) {
      assert.ok(response.description && response.description !== 'Default Response', `${name} ${status} is described`);
    }
  }
});

test('every operation lists the error codes it can answer with, status by status, each one explained', () => {
  const used = new Set<string>();
  for (const [name, op] of operations) {
    const listed = op['x-error-codes'];
    assert.ok(listed, `${name} has x-error-codes`);
    const errorStatuses = Object.keys(op.responses).filter((status) => Number(status) >= 400);
    assert.deepEqual(
      Object.keys(listed).sort(),
      errorStatuses.sort(),
      `${name}: x-error-codes and error responses name the same statuses`,
    );
    assert.ok(listed['500']?.includes('internal_error'), `${name} may answer internal_error`);
    for (const status of errorStatuses) {
      const codes = errorCodesOf(op.responses[status]!);
      assert.ok(codes && codes.length > 0, `${name} ${status} lists its codes`);
      assert.deepEqual([...codes].sort(), [...listed[status]!].sort(), `${name} ${status}`);
      for (const code of codes) {
        assert.ok(code in ERROR_CODES, `${name} ${status}: ${code} is explained in error-codes.ts`);
        assert.ok(op.responses[status]!.description.includes(`\`${code}\``), `${name} ${status} describes ${code}`);
        used.add(code);
      }
    }
    const schemes = new Set((op.security ?? []).flatMap((s) => Object.keys(s)));
    if (schemes.has('staffSession'))
      assert.ok(listed['401']?.includes('session_missing'), `${name} lists session_missing`);
    if (schemes.has('memberSession'))
      assert.ok(listed['401']?.includes('member_session_invalid'), `${name} lists member_session_invalid`);
    if (schemes.has('deviceSignature'))
      assert.ok(listed['401']?.includes('device_request_replayed'), `${name} lists device_request_replayed`);
  }
  const unused = Object.keys(ERROR_CODES).filter((code) => !used.has(code));
  assert.deepEqual(unused, [], 'every explained code is answered by some operation');
});
