// The published contract is complete: every operation is named, every successful JSON answer has a
// real shape (no "record of anything", no `unknown` anywhere inside), public calls say they need no
// session, and the document names its server. What each answer really sends is checked against
// these shapes in every HTTP test (src/http/check-response.ts, switched on in tests/support/test-app.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { routeRegistry } from '../../src/http/route.js';

type Schema = Record<string, unknown> & { $ref?: string; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: boolean | Schema };
interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Doc {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const ANNOTATIONS = new Set(['description', 'example', 'examples', 'title', 'default', 'deprecated', 'readOnly']);

/** the places inside a schema that accept anything, as paths like "items[].details{*}" */
export function untypedPlaces(doc: Doc, s: Schema | undefined, at = '', seen = new Set<string>()): string[] {
  if (!s || typeof s !== 'object') return [];
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    return untypedPlaces(doc, doc.components.schemas[name], at, new Set([...seen, name]));
  }
  // a FHIR resource's shape is the FHIR R4 specification's (linked), not a record of anything
  if (typeof (s.externalDocs as { url?: string } | undefined)?.url === 'string' && (s.externalDocs as { url: string }).url.startsWith('http://hl7.org/fhir/R4/')) return [];
  const here = at || '(body)';
  if (Object.keys(s).every((k) => ANNOTATIONS.has(k))) return [here];
  const out: string[] = [];
  if (s.type === 'object' && !s.properties && (s.additionalProperties === undefined || s.additionalProperties === true)) out.push(here);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push(...untypedPlaces(doc, s.additionalProperties, `${at}{*}`, seen));
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...untypedPlaces(doc, v, at ? `${at}.${k}` : k, seen));
  if (s.items) out.push(...untypedPlaces(doc, s.items, `${at}[]`, seen));
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const v of (s[k] as Schema[] | undefined) ?? []) out.push(...untypedPlaces(doc, v, at, seen));
  return out;
}

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await (await t.request('/api/openapi.json')).json()) as Doc;
});
afterAll(() => t.close());

const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));

describe('the published API contract', () => {
  it('declares a real shape for every successful JSON answer', () => {
    const untyped = operations().flatMap(({ route, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, r]) => Object.entries(r.content ?? {}).flatMap(([media, c]) => (media.includes('json') ? untypedPlaces(doc, c.schema).map((p) => `${route} ${status}: ${p}`) : []))),
    );
    expect(untyped).toEqual([]);
  });

  it('shows an example of every successful JSON answer in the reference', () => {
    const missing = operations().flatMap(({ route, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, r]) =>
          Object.entries(r.content ?? {})
            .filter(([media]) => media.includes('json'))
            .filter(([, c]) => {
              const named = c.schema.$ref ? doc.components.schemas[c.schema.$ref.split('/').pop()!] : c.schema;
              return named?.example === undefined;
            })
            .map(() => `${route} ${status}`),
        ),
    );
    expect(missing).toEqual([]);
  });

  it('finds an untyped place where there is one (the check itself can fail)', () => {
    const probe: Doc = { paths: {}, components: { schemas: { Loose: { type: 'object', additionalProperties: {} } } } };
    expect(untypedPlaces(probe, { type: 'object', properties: { a: { $ref: '#/components/schemas/Loose' }, b: { type: 'array', items: {} } } })).toEqual(['a{*}', 'b[]']);
    expect(untypedPlaces(probe, { type: 'object', properties: { a: { type: 'string' } } })).toEqual([]);
    // only a schema linked to the FHIR R4 specification is typed by it
    expect(untypedPlaces(probe, { type: 'object', additionalProperties: {}, externalDocs: { url: 'https://example.com/anything' } })).toEqual(['{*}']);
    expect(untypedPlaces(probe, { type: 'object', additionalProperties: {}, externalDocs: { url: 'http://hl7.org/fhir/R4/patient.html' } })).toEqual([]);
  });

  it('names every operation with a unique operationId', () => {
    const ids = operations().map(({ route, op }) => op.operationId ?? `(none: ${route})`);
    expect(ids.filter((id) => id.startsWith('(none'))).toEqual([]);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it('says which calls need no session, and where the server is', () => {
    const access = new Map(routeRegistry.map((r) => [`${r.method} ${r.path}`, r.access]));
    for (const { route, op } of operations()) {
      // better-auth's sign-in calls are documented (routes/auth-docs.ts) but not in the registry
      const expected = access.has(route) ? (access.get(route) === 'public' ? [] : [{ cookieAuth: [] }]) : op.security;
      expect(op.security, route).toBeDefined();
      expect(op.security, route).toEqual(expected);
    }
    expect(doc.servers?.[0]?.url).toBe('/');
  });
});
