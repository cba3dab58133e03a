// Builds a plausible request from the OpenAPI document: a body and query that satisfy each route's
// schema as far as a generic generator can (ids from a map of real records by field name), so that
// one hostile value put in one field at a time gets past validation of the others and reaches the
// service and the database.

import { LINE_CHARS, TEXT_CHARS } from '../../src/domain/shared/input.js';

type Schema = Record<string, unknown>;
export interface Doc {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: Schema; required?: boolean }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

const PATTERNS: Record<string, string> = {
  '^[0-9a-f]{64}$': 'a'.repeat(64),
  '^[A-Za-z0-9_]{8,200}$': 'cs_test_12345678',
  '^[a-z0-9_]{2,40}$': 'rn',
  '^[A-Z]{2}$': 'TX',
  '^\\d{4}-\\d{2}-\\d{2}$': '2026-06-01',
  '^([01]\\d|2[0-3]):[0-5]\\d$': '09:00',
  '^data:image\\/png;base64,[A-Za-z0-9+/=]+$': 'data:image/png;base64,iVBORw0KGgo=',
  '^\\+?[0-9 ()-]{7,20}$': '+1 512 555 0100',
  '^[a-z0-9_]{2,60}$': 'probe_code',
  '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$': '09:00',
};

/** fields that close a range get a later value than the ones that open it */
const LATER = /^(to|end|offAt|quietEnd|toDate|firstTo)$/;
const LATER_VALUES: Record<string, string> = { '09:00': '17:00', '2026-06-01': '2026-06-20', '2026-06-01T15:00:00Z': '2026-06-01T18:00:00Z' };
const later = (name: string, v: string) => (LATER.test(name) ? (LATER_VALUES[v] ?? v) : v);

/** the patterns of the shared free-text shapes: any text fits them */
const FREE_TEXT = new Set([TEXT_CHARS.source, LINE_CHARS.source]);

export interface Leaf {
  path: (string | number)[];
  kind: 'text' | 'date' | 'date-time';
}

export function sampler(doc: Doc, ids: Record<string, string>) {
  const resolve = (s: Schema): Schema => (typeof s.$ref === 'string' ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]!) : s);

  /** a value for the schema, recording where free text, dates and instants sit */
  function sample(raw: Schema, name: string, path: (string | number)[], leaves: Leaf[]): unknown {
    const s = resolve(raw);
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum)) return s.enum[0];
    const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (options) return sample(options.find((o) => resolve(o).type !== 'null') ?? options[0]!, name, path, leaves);
    if (Array.isArray(s.allOf)) return sample(s.allOf[0] as Schema, name, path, leaves);
    const type = (Array.isArray(s.type) ? (s.type as string[]).find((x) => x !== 'null') : (s.type as string | undefined)) ?? 'unknown';
    switch (type) {
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(props)) out[k] = sample(v, k, [...path, k], leaves);
        if (Object.keys(props).length === 0 && s.additionalProperties !== false && path.length > 0) {
          out.note = 'probe text';
          leaves.push({ path: [...path, 'note'], kind: 'text' });
        }
        return out;
      }
      case 'array': {
        const n = Math.max(1, Number(s.minItems ?? 1));
        return Array.from({ length: n }, (_, i) => sample((s.items ?? {}) as Schema, name, [...path, i], leaves));
      }
      case 'integer':
      case 'number': {
        const min = Number(s.minimum ?? (s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : 1));
        const max = Number(s.maximum ?? min + 10);
        return Math.min(Math.max(min, 1), max);
      }
      case 'boolean':
        return true;
      case 'string': {
        if (s.format === 'uuid') return ids[name] ?? ids['*']!;
        if (s.format === 'email') return `probe-${Math.random().toString(36).slice(2, 8)}@example.com`;
        if (s.format === 'date') return leaves.push({ path, kind: 'date' }), later(name, '2026-06-01');
        if (s.format === 'date-time') return leaves.push({ path, kind: 'date-time' }), later(name, '2026-06-01T15:00:00Z');
        if (typeof s.pattern === 'string' && !FREE_TEXT.has(s.pattern)) return later(name, PATTERNS[s.pattern] ?? 'probe');
        if (ids[name]) return ids[name];
        leaves.push({ path, kind: 'text' });
        const min = Number(s.minLength ?? 0);
        const max = Number(s.maxLength ?? 1000);
        return 'Probe text value'.padEnd(Math.min(Math.max(min, 16), max), 'x').slice(0, Math.max(min, Math.min(16, max)));
      }
      default:
        return null;
    }
  }

  return {
    body(path: string, method: string) {
      const op = doc.paths[path]?.[method];
      const schema = op?.requestBody?.content['application/json']?.schema;
      if (!schema) return null;
      const leaves: Leaf[] = [];
      return { value: sample(schema, '', [], leaves), leaves };
    },
    query(path: string, method: string) {
      const op = doc.paths[path]?.[method];
      const leaves: Leaf[] = [];
      const value: Record<string, unknown> = {};
      for (const p of op?.parameters ?? []) if (p.in === 'query') value[p.name] = sample(p.schema, p.name, [p.name], leaves);
      return { value, leaves };
    },
  };
}

export function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = leaf;
  return copy;
}
