import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../domain-errors.ts';

type BuildValidator = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>['buildValidator'];
type ValidatorOptions = { customOptions?: Record<string, unknown>; plugins?: unknown[] };
type RouteSchema = { schema: unknown; method: string; url: string; httpPart?: string };
type ValidateFunction = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type Compile = (route: RouteSchema) => ValidateFunction;

/**
 * Schema validators that never coerce a JSON body: a body's types arrive as sent, so `"100"`, `true` or `[500]` is
 * never an amount, and 1e309 (Infinity once parsed) is never a number. Path, query and header values are text by nature and keep being coerced to the types their
 * schemas name (`?limit=20`), but never to an infinite number.
 */
export function strictBodyValidators(): BuildValidator {
  const pool = AjvCompiler();
  const build = (externalSchemas: Record<string, unknown>, options: ValidatorOptions = {}) => {
    const customOptions = options.customOptions ?? {};
    const forUrls = pool(externalSchemas as never, options as never) as unknown as Compile;
    const forBodies = pool(
      externalSchemas as never,
      { ...options, customOptions: { ...customOptions, coerceTypes: false, strictNumbers: true } } as never,
    ) as unknown as Compile;
    return (route: RouteSchema) => (route.httpPart === 'body' ? forBodies(route) : finiteOnly(forUrls(route)));
  };
  return build as unknown as BuildValidator;
}

/**
 * Ajv turns the text "1e309" or "-Infinity" into ±Infinity when it coerces a query value to a number, and then skips
 * the bounds the schema sets (`minimum: 1` lets -Infinity through). A coerced value that is not finite is refused.
 */
function finiteOnly(validate: ValidateFunction): ValidateFunction {
  const guarded: ValidateFunction = (data: unknown) => {
    const valid = validate(data);
    guarded.errors = validate.errors;
    if (!valid || data === null || typeof data !== 'object') return valid;
    for (const [key, value] of Object.entries(data)) {
      for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
        if (typeof item === 'number' && !Number.isFinite(item)) {
          const instancePath = Array.isArray(value) ? `/${key}/${i}` : `/${key}`;
          guarded.errors = [
            { instancePath, schemaPath: '', keyword: 'type', params: {}, message: 'must be a finite number' },
          ];
          return false;
        }
      }
    }
    return true;
  };
  return guarded;
}

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface StringProblem {
  path: string;
  problem: 'nul' | 'lone_surrogate';
}

function problemOf(text: string): StringProblem['problem'] | undefined {
  if (text.includes(NUL)) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return undefined;
}

/**
 * The first string (value or key) in a parsed request part that no database column or JSON document can hold: one
 * with a NUL character or a UTF-16 surrogate without its pair. Walks without recursion, so nesting depth cannot
 * exhaust the stack.
 */
export function findInvalidString(value: unknown): StringProblem | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = problemOf(current);
      if (problem) return { path, problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], path: `${path}/${i}` });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const keyProblem = problemOf(key);
        if (keyProblem) return { path: `${path}/${pointerEscape(key)}`, problem: keyProblem };
        pending.push({ value: child, path: `${path}/${pointerEscape(key)}` });
      }
    }
  }
  return undefined;
}

const pointerEscape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const describe: Record<StringProblem['problem'], string> = {
  nul: 'contains a NUL character',
  lone_surrogate: 'contains an unpaired UTF-16 surrogate',
};

/** Refuses, before validation and before any handler runs, a request whose body, query or path holds such a string. */
export const strictInputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      const found = findInvalidString(value);
      if (found) {
        const where = `${part}${found.path || ''}`;
        throw new DomainError('invalid', 'string_invalid', `${where} ${describe[found.problem]}`, {
          part,
          path: found.path,
          problem: found.problem,
        });
      }
    }
  });
});

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes of a body as text, refusing bytes that are not UTF-8 (rather than turning them into U+FFFD silently). */
export function decodeUtf8Body(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new DomainError('invalid', 'string_invalid', 'the body is not valid UTF-8', {
      part: 'body',
      problem: 'not_utf8',
    });
  }
}
