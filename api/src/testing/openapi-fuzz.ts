/**
 * Hostile requests generated from the app's own OpenAPI document: for each operation a fixed number of
 * cases, chosen with a seeded PRNG so a failure can be replayed exactly.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Array<{ name: string; in: string; schema?: Schema }>;
  bodySchema: Schema | null;
}

export interface FuzzCase {
  /** What the case tries, for the failure message. */
  kind: string;
  path: string;
  /** A raw body (already JSON text, or deliberately not), or none. */
  body?: string;
  contentType?: string;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** mulberry32: tiny, seeded, good enough to pick cases. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema | undefined, seen = new Set<string>()): Schema | null => {
    if (!schema) return null;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return { type: 'object' };
      return resolve(document.components?.schemas?.[name], new Set([...seen, name]));
    }
    const merged = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (merged?.[0]) return resolve(merged[0], seen);
    const properties = schema.properties
      ? Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, seen) ?? {}]))
      : undefined;
    return { ...schema, ...(properties ? { properties } : {}), ...(schema.items ? { items: resolve(schema.items, seen) ?? {} } : {}) };
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method as Operation['method'],
        path,
        parameters: operation.parameters ?? [],
        bodySchema: resolve(operation.requestBody?.content?.['application/json']?.schema),
      })),
  );
}

const INVALID_DATES = [
  '2027-02-30T25:61:00Z',
  'not a date',
  '+275760-09-13T00:00:00.001Z',
  '0000-00-00',
  '2027-13-01',
  '1e400',
  '-271821-04-20T00:00:00Z',
  '2027-05-17T09:30:00',
];
const HOSTILE_STRINGS = [
  'a\u0000b',
  'x\ud800y',
  '\udfff',
  '',
  ' ',
  '\u202e',
  "'; DROP TABLE posts; --",
  '../../etc/passwd',
  '%00',
  '${7*7}',
  '<script>alert(1)</script>',
];
const WRONG_VALUES: unknown[] = [12345, -1, 1.5, 1e308, true, null, {}, [], 'x', [null], { a: 1 }, '2027-05-17T09:30:00Z'];

/** A plausible valid value for a schema, so one mutated field at a time reaches the deeper checks. */
export function sampleOf(schema: Schema | undefined, random: () => number, depth = 0, ids: string[] = []): unknown {
  if (!schema || depth > 4) return null;
  if (schema.enum?.length) return schema.enum[Math.floor(random() * schema.enum.length)];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date-time') return new Date(Date.UTC(2027, 1, 10, 9)).toISOString();
      if (schema.format === 'uuid') return ids[Math.floor(random() * ids.length)] ?? randomUuid(random);
      if (schema.format === 'email') return 'fuzz@kadens.demo';
      return 'fuzz';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sampleOf(schema.items, random, depth + 1, ids)];
    default:
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value, random, depth + 1, ids)]),
      );
  }
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/**
 * `count` cases for one operation, with `base` the path its params are filled into (real ids where
 * the caller has them). Every case kind comes up in turn; the PRNG picks fields and values.
 */
export function fuzzCases(
  operation: Operation,
  fillPath: (random: () => number) => string,
  random: () => number,
  count: number,
  ids: string[],
): FuzzCase[] {
  const properties = Object.entries(operation.bodySchema?.properties ?? {});
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const valid = () => sampleOf(operation.bodySchema ?? { type: 'object' }, random, 0, ids) as Record<string, unknown>;
  const withField = (value: unknown): string => {
    const body = valid();
    if (properties.length > 0 && body && typeof body === 'object' && !Array.isArray(body)) body[pick(properties)[0]] = value;
    else return JSON.stringify({ fuzz: value });
    return JSON.stringify(body);
  };
  const dateField = properties.find(([name, schema]) => schema.format === 'date-time' || /At$|date|start|end|from|until/i.test(name));
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const makers: Array<() => FuzzCase> = [
    () => ({ kind: 'valid-looking body', path: fillPath(random), body: JSON.stringify(valid()) }),
    () => ({
      kind: 'malformed JSON',
      path: fillPath(random),
      body: pick(['{"a":', '{a:1}', '[1,,2]', '"\\x"', '{"a":1}}', '\u0000', 'nul', '{"a":"\\ud800"']),
    }),
    () => ({ kind: 'wrong type', path: fillPath(random), body: withField(pick(WRONG_VALUES)) }),
    () => ({ kind: 'wrong type at top level', path: fillPath(random), body: JSON.stringify(pick([[], 'string', 42, null, true, [{}]])) }),
    () => ({ kind: 'huge string', path: fillPath(random), body: withField('ø'.repeat(Math.floor(20_000 + random() * 90_000))) }),
    () => ({ kind: 'hostile string', path: fillPath(random), body: withField(pick(HOSTILE_STRINGS)) }),
    () => ({ kind: 'NUL', path: fillPath(random), body: withField(`fuzz\u0000${random()}`) }),
    () => ({ kind: 'lone surrogate', path: fillPath(random), body: withField(pick(['x\ud800y', '\udc00', 'a\ud83d'])) }),
    () => ({
      kind: 'deep nesting',
      path: fillPath(random),
      contentType: 'application/json',
      body: `{"${properties.length ? pick(properties)[0] : 'a'}":${nested(pick([40, 2_000, 50_000]))}}`,
    }),
    () => ({
      kind: 'prototype keys',
      path: fillPath(random),
      contentType: 'application/json',
      body: pick([
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"admin":true}}}',
        `{"${properties[0]?.[0] ?? 'a'}":{"__proto__":{"x":1}}}`,
      ]),
    }),
    () => ({
      kind: 'invalid date',
      path: fillPath(random),
      body: dateField ? JSON.stringify({ ...valid(), [dateField[0]]: pick(INVALID_DATES) }) : withField(pick(INVALID_DATES)),
    }),
    () => ({
      kind: 'huge number',
      path: fillPath(random),
      body: withField(pick([Number.MAX_SAFE_INTEGER + 2, -1e21, 2 ** 31, -(2 ** 31) - 1, 1e-320])),
    }),
    () => ({
      kind: 'random ids in path',
      path: operation.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'organizationId' && random() < 0.5 ? (fillPath(random).split('/')[3] ?? '') : randomUuid(random),
      ),
      body: JSON.stringify(valid()),
    }),
    () => ({
      kind: 'hostile path param',
      path: hostilePath(
        operation,
        fillPath(random),
        pathParams.map((p) => p.name),
        random,
      ),
      body: JSON.stringify(valid()),
    }),
    () => ({
      kind: 'hostile query',
      path: `${fillPath(random)}?${pick(['a=%00', 'q=%ED%A0%80', 'x[y][z]=1', '__proto__=1', 'from=2027-02-30', `q=${'a'.repeat(10_000)}`])}`,
      body: JSON.stringify(valid()),
    }),
    () => ({
      kind: 'wrong content type',
      path: fillPath(random),
      contentType: pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
      ]),
      body: JSON.stringify(valid()),
    }),
    () => ({
      kind: 'null values everywhere',
      path: fillPath(random),
      body: JSON.stringify(Object.fromEntries(properties.map(([name]) => [name, null]))),
    }),
    () => ({ kind: 'empty body', path: fillPath(random), body: '{}' }),
  ];
  return Array.from({ length: count }, (_, i) => (makers[i % makers.length] as () => FuzzCase)());
}

/** The filled path with one param (or, without params, the last segment) replaced by something hostile. */
function hostilePath(operation: Operation, filled: string, names: string[], random: () => number): string {
  const hostile = [
    '%00',
    'x%00y',
    'not-a-uuid',
    '%ED%A0%80',
    encodeURIComponent('ø'.repeat(300)),
    '..%2F..',
    '00000000-0000-0000-0000-000000000000',
    '-1',
    '1e999',
  ][Math.floor(random() * 9)] as string;
  const segments = filled.split('/');
  const template = operation.path.split('/');
  const positions = template
    .map((segment, index) => (/^\{\w+\}$/.test(segment) && names.length ? index : -1))
    .filter((index) => index >= 0);
  const at = positions.length ? (positions[Math.floor(random() * positions.length)] as number) : segments.length - 1;
  segments[at] = hostile;
  return segments.join('/');
}
