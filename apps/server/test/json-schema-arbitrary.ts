import fc from 'fast-check';

/**
 * fast-check arbitraries for the JSON schemas of an OpenAPI 3.0 document (the subset TypeBox and @fastify/swagger
 * write: object, array, string with format/pattern/length, integer and number with bounds, boolean, enum, anyOf,
 * nullable, $ref), plus the hostile values an attacker sends instead. Used by the schema-driven fuzz suite.
 */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  maxProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
};

/** A token written into the JSON text verbatim: numbers JSON.stringify cannot produce (-0, 1e309), deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return `RawJson(${this.text.length > 60 ? `${this.text.slice(0, 60)}…` : this.text})`;
  }
}

/** JSON text for a generated value; RawJson tokens are written as they are. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface ArbitraryOptions {
  /** Resolves `#/components/schemas/X`. */
  components?: Record<string, Schema>;
  /** Known good values (ids of real rows, real codes, small images): a string schema they satisfy draws on them. */
  knownStrings?: string[];
  /** Known good values by property or parameter name (`merchantId`, `productId`): drawn most of the time. */
  knownByName?: Record<string, string[]>;
  /** Draw only the known values where a name has some (a request that gets as far as it can). */
  knownOnly?: boolean;
  /** 0 for schema-valid values only; otherwise each node is replaced by a hostile value with this weight (0..1). */
  hostility?: number;
  /** Arrays are drawn no longer than this (or minItems), whatever maxItems allows. */
  maxArray?: number;
}

const HUGE = 'A'.repeat(200_000);
const DEEP = 20_000;

/** Strings no field should take quietly: NUL, lone surrogates, huge, numbers and keywords as text, markup, traversal. */
export const hostileStrings: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  HUGE,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '100',
  'true',
  'null',
  '[]',
  '{}',
  '../../../etc/passwd',
  "'; drop table members; --",
  '%00',
  '\u202eevil',
  '😀'.repeat(500),
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
];

/** Numbers at and beyond the edges, and numbers as text JSON allows but JavaScript reads oddly. */
export const hostileNumbers: readonly unknown[] = [
  new RawJson('-0'),
  1e308,
  -1e308,
  new RawJson('1e309'),
  new RawJson('-1e309'),
  5e-324,
  0.5,
  -1,
  0,
  new RawJson('9007199254740993'),
  2 ** 31,
  -(2 ** 31) - 1,
  new RawJson('1.0'),
  new RawJson('1E2'),
  Number.MAX_SAFE_INTEGER,
];

/** Whole values of the wrong shape, and nesting deep enough to exhaust a recursive walk. */
export const hostileShapes: readonly unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [500],
  ['100'],
  { $ne: 1 },
  new RawJson('{"__proto__":{"admin":true}}'),
  new RawJson('{"constructor":{"prototype":{"admin":true}}}'),
  new RawJson(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`),
  new RawJson(`${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`),
];

/** Numbers as text, as a form or a careless client sends them. */
export const numbersAsText: readonly string[] = ['100', '1e3', '-0', 'NaN', ' 1', '0x10', '1_000'];

export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(fc.constantFrom(...hostileStrings), fc.constantFrom(...hostileNumbers), fc.constantFrom(...hostileShapes));

/** Hostile values aimed at the type a schema expects (a string field mostly gets hostile strings), and now and then anything. */
function hostileFor(schema: Schema): fc.Arbitrary<unknown> {
  const aimed = isType(schema, 'string')
    ? fc.constantFrom(...hostileStrings)
    : isType(schema, 'integer') || isType(schema, 'number')
      ? fc.constantFrom(...hostileNumbers, ...numbersAsText, true, [500])
      : fc.constantFrom(...hostileShapes);
  return fc.oneof({ arbitrary: aimed, weight: 3 }, { arbitrary: hostileValue(), weight: 1 });
}

const isType = (schema: Schema, type: string) =>
  schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));

/** Whether a known value satisfies a string schema (pattern, length, uuid and date-time formats). */
function fits(value: string, schema: Schema): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  if (schema.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    return false;
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) return false;
  return true;
}

/** Values for a schema; `name` is the property or parameter it is for, which picks known values by name. */
export function arbitraryFor(schema: Schema, options: ArbitraryOptions = {}, name?: string): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, options, name);
  const hostility = options.hostility ?? 0;
  if (hostility <= 0) return valid;
  const weight = Math.max(1, Math.round(hostility * 100));
  return fc.oneof({ arbitrary: valid, weight: 100 - Math.min(weight, 99) }, { arbitrary: hostileFor(schema), weight });
}

function validArbitrary(schema: Schema, options: ArbitraryOptions, name: string | undefined): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = options.components?.[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return arbitraryFor(target, options, name);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const arb = fc.oneof(...alternatives.map((s) => arbitraryFor(s, options, name)));
    return schema.nullable ? fc.option(arb, { nil: null }) : arb;
  }
  if (schema.allOf) return arbitraryFor(Object.assign({}, ...schema.allOf) as Schema, options, name);

  const base = ((): fc.Arbitrary<unknown> => {
    if (isType(schema, 'object') || schema.properties) return objectArbitrary(schema, options);
    if (isType(schema, 'array')) {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 8, options.maxArray ?? 8));
      return fc.array(arbitraryFor(schema.items ?? {}, options, name), { minLength, maxLength });
    }
    if (isType(schema, 'string')) return stringArbitrary(schema, options, name);
    if (isType(schema, 'integer')) {
      return fc.integer({
        min: Math.max(schema.minimum ?? -(2 ** 31), -(2 ** 31)),
        max: Math.min(schema.maximum ?? 2 ** 31 - 1, 2 ** 31 - 1),
      });
    }
    if (isType(schema, 'number')) {
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    }
    if (isType(schema, 'boolean')) return fc.boolean();
    if (isType(schema, 'null')) return fc.constant(null);
    return fc.jsonValue({ maxDepth: 2 });
  })();
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

function objectArbitrary(schema: Schema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0) {
    const values =
      typeof schema.additionalProperties === 'object'
        ? arbitraryFor(schema.additionalProperties, options)
        : fc.jsonValue({ maxDepth: 2 });
    return fc.dictionary(fc.string({ maxLength: 12 }), values, { maxKeys: 4 });
  }
  const model = Object.fromEntries(keys.map((key) => [key, arbitraryFor(properties[key]!, options, key)]));
  const record = fc.record(model, {
    requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)),
  }) as fc.Arbitrary<Record<string, unknown>>;
  if (!options.hostility) return record;
  // sometimes a key the schema does not name, or a required key left out
  return fc
    .tuple(record, fc.nat({ max: 9 }), fc.constantFrom('extra', '__proto__', 'x\u0000', '\ud800', 'constructor'))
    .map(([value, roll, extra]) => {
      if (roll === 0) return { ...value, [extra]: 1 };
      if (roll === 1 && keys.length > 0) {
        const { [keys[0]!]: _dropped, ...rest } = value;
        return rest;
      }
      return value;
    });
}

function stringArbitrary(schema: Schema, options: ArbitraryOptions, name: string | undefined): fc.Arbitrary<string> {
  const byName = (name ? (options.knownByName?.[name] ?? []) : []).filter((value) => fits(value, schema));
  const known = (options.knownStrings ?? []).filter((value) => fits(value, schema));
  const generated = ((): fc.Arbitrary<string> => {
    if (schema.format === 'uuid') return fc.uuid();
    // any four-digit year: the schema allows them all, so the server must cope with them all
    const anyDay = fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    if (schema.format === 'date-time') return anyDay.map((d) => d.toISOString());
    if (schema.format === 'date') return anyDay.map((d) => d.toISOString().slice(0, 10));
    if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.min(schema.maxLength ?? minLength + 40, minLength + 40);
    return fc.string({ minLength, maxLength, unit: 'grapheme' });
  })();
  const drawn = known.length > 0 ? fc.oneof(generated, fc.constantFrom(...known)) : generated;
  if (byName.length > 0 && options.knownOnly) return fc.constantFrom(...byName);
  return byName.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...byName), weight: 4 }, { arbitrary: drawn, weight: 1 })
    : drawn;
}
