import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../src/platform/http/app.types.ts';

interface Operation {
  name: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: ErrorSchema }> }>;
}
type ErrorSchema = { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } };

/**
 * Holds the app to its OpenAPI document in tests: every answer given through `app.inject` must have a documented
 * status, and every error a code its operation lists. `verify` throws with what was answered but not documented.
 */
export function watchApiContract(app: App): { verify(): void } {
  const violations = new Set<string>();
  let operations: Map<string, Operation[]> | undefined;
  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<LightMyRequestResponse>;

  const check = (options: InjectOptions, response: LightMyRequestResponse) => {
    operations ??= operationsOf(app);
    const method = (options.method ?? 'GET').toUpperCase();
    const url = typeof options.url === 'string' ? options.url : (options.path as string | undefined);
    if (!url) return;
    const path = new URL(url, 'http://localhost').pathname;
    const operation = operations.get(method)?.find((op) => op.pattern.test(path));
    if (!operation) return; // not an API operation (docs, web apps, an unknown route)
    const status = String(response.statusCode);
    const documented = operation.responses[status];
    if (response.statusCode < 400) {
      if (!documented) violations.add(`${operation.name} answered ${status}, which it does not document`);
      return;
    }
    let code: unknown;
    try {
      code = (response.json() as { error?: { code?: unknown } }).error?.code;
    } catch {
      code = undefined;
    }
    const codes = documented?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];
    if (typeof code !== 'string' || !codes.includes(code)) {
      violations.add(
        `${operation.name} answered ${status} ${String(code)}, which is not among its documented error codes`,
      );
    }
  };

  (app as { inject: unknown }).inject = (options: InjectOptions, ...rest: unknown[]) => {
    if (typeof options !== 'object' || rest.length > 0)
      return (inject as (...args: unknown[]) => unknown)(options, ...rest);
    return inject(options).then((response) => {
      check(options, response);
      return response;
    });
  };

  return {
    verify() {
      if (violations.size === 0) return;
      throw new Error(
        `the API answered outside its documented contract (name each code in the route's errorResponses):\n  ${[...violations].join('\n  ')}`,
      );
    },
  };
}

function operationsOf(app: App): Map<string, Operation[]> {
  const document = app.swagger() as unknown as {
    paths: Record<string, Record<string, { operationId?: string; responses: Operation['responses'] }>>;
  };
  const byMethod = new Map<string, Operation[]>();
  for (const [template, methods] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, operation] of Object.entries(methods)) {
      const list =
        byMethod.get(method.toUpperCase()) ?? byMethod.set(method.toUpperCase(), []).get(method.toUpperCase())!;
      list.push({
        name: `${operation.operationId ?? template} (${method.toUpperCase()} ${template})`,
        pattern,
        params: (template.match(/\{/g) ?? []).length,
        responses: operation.responses,
      });
    }
  }
  // A path without parameters wins over a parameter matching the same segment.
  for (const list of byMethod.values()) list.sort((a, b) => a.params - b.params);
  return byMethod;
}
