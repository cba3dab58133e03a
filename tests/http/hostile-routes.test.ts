// Every registered route, called by clinicians and the owner with hostile input (malformed JSON,
// wrong shapes, absurd query values, ids of nothing), answers a 4xx problem and never a 500. Then
// every field of every route, one at a time, gets a hostile string (NUL, a lone surrogate, a control
// character), every date and instant one PostgreSQL cannot hold or no clinic means, and every path
// segment a NUL or bytes that are not UTF-8: each is refused with a 4xx, never stored and never a 500,
// and where the rest of the request is good the 400 names the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { routeRegistry } from '../../src/http/route.js';
import { formatPath } from '../../src/http/problem.js';
import { setUpClinic, type Clinic } from '../support/clinic.js';
import { sampler, setAt, type Doc, type Leaf } from '../support/openapi-sample.js';

let t: TestApp;
let org: Org;
let who: Actor[];

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factory.org();
  who = [await t.factory.actor(org, 'owner'), await t.factory.actor(org, 'medical_director'), await t.factory.actor(org, 'client')];
});
afterAll(() => t.close());

const NO_ID = '00000000-0000-4000-8000-000000000000';
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);
const BODIES: ({ rawBody: string } | { body: unknown })[] = [
  { rawBody: '{"broken": ' },
  { body: null },
  { body: [] },
  { body: 'text' },
  { body: { unknownField: true } },
  { body: { start: 'yesterday', date: '2026-02-30', clientId: 'x', locationId: NO_ID, serviceId: NO_ID, idempotencyKey: 'k'.repeat(200), symptoms: ['nope'], grade: 99 } },
];
const QUERIES = ['', '?from=2026-13-01&to=nope&serviceId=x&modality=laser&kind=secret&size=huge&limit=-1&q=%00'];

describe('hostile input on every route', () => {
  it('no route answers 500', async () => {
    const failures: string[] = [];
    for (const r of routeRegistry) {
      if (r.path.startsWith('/api/auth')) continue;
      const method = r.method.toUpperCase();
      for (const id of [NO_ID, 'not-a-uuid']) {
        for (const q of QUERIES) {
          const path = fill(r.path, id) + q;
          for (const actor of who) {
            const bodies = method === 'GET' || method === 'DELETE' ? [{}] : BODIES;
            for (const b of bodies) {
              const res = await t.request(path, { method, cookie: actor.cookie, ...b });
              if (res.status >= 500) failures.push(`${method} ${path} as ${actor.role} ${JSON.stringify(b).slice(0, 60)}: ${res.status}`);
              else if (res.status >= 400) expect(res.headers.get('content-type'), path).toMatch(/problem\+json/);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('hostile strings, dates and paths on every route', () => {
  let clinic: Clinic;
  let director: Actor;
  let client: Actor;
  let doc: Doc;
  let ids: Record<string, string>;

  beforeAll(async () => {
    const spa = await t.factory.org('Hostile Spa');
    clinic = await setUpClinic(t, spa);
    director = await t.factory.actor(spa, 'medical_director');
    client = await t.factory.actor(spa, 'client');
    doc = (await (await t.request('/api/openapi.json')).json()) as Doc;
    // real records by field name, so that the rest of a request is good and the hostile value reaches
    // as far as it can
    ids = {
      '*': NO_ID, clientId: client.clientId!, locationId: spa.locationId, userId: clinic.provider.userId, providerId: clinic.provider.userId,
      serviceId: clinic.penId, deviceId: clinic.deviceId, roomId: clinic.roomId, slug: spa.slug, organizationSlug: spa.slug, organization: spa.slug,
    };
  }, 60_000);

  const HOSTILE: Record<Leaf['kind'], string[]> = {
    text: ['A\u0000B', 'A\uD800B', '\uDC00B', 'A\u001BB'],
    date: ['9999-12-31', '0000-01-01', '1899-12-31'],
    'date-time': ['9999-12-31T10:00:00Z', '0000-01-01T10:00:00Z'],
  };
  const QUERY_HOSTILE: Record<Leaf['kind'], string[]> = { text: ['A%00B', 'A%1BB'], date: HOSTILE.date, 'date-time': HOSTILE['date-time'].map(encodeURIComponent) };
  const PATH_HOSTILE = ['%00', 'a%00b', '%0A', '%C3%28', '%ED%A0%80'];
  const qs = (v: Record<string, unknown>, raw: Record<string, string> = {}) => {
    const parts = Object.entries(v)
      .filter(([k, x]) => x !== null && typeof x !== 'object' && !(k in raw))
      .map(([k, x]) => `${k}=${encodeURIComponent(String(x))}`);
    for (const [k, x] of Object.entries(raw)) parts.push(`${k}=${x}`);
    return parts.length ? `?${parts.join('&')}` : '';
  };
  // a password is hashed, never stored or shown: any characters may be in it
  const exempt = (leaf: Leaf) => leaf.path[leaf.path.length - 1] === 'password';

  it('refuses each hostile value with a 4xx, naming the field when the rest of the request is good', async () => {
    const actors: Record<string, Actor> = { owner: clinic.owner, medical_director: director, provider: clinic.provider, front_desk: clinic.frontDesk, client };
    const s = sampler(doc, ids);
    const failures: string[] = [];
    let named = 0;
    for (const r of routeRegistry) {
      if (r.path.startsWith('/api/auth')) continue;
      const method = r.method.toLowerCase();
      const role = r.access === 'public' || r.access === 'signed_in' ? 'owner' : r.access[0]!;
      const actor = actors[role]!;
      const path = r.path.replace(/\{([^}]+)\}/g, (_, n: string) => ids[n] ?? NO_ID);
      const body = s.body(r.path, method);
      const query = s.query(r.path, method);
      const send = (p: string, b?: unknown) => t.request(p, { method: r.method, cookie: actor.cookie, ...(b !== undefined ? { body: b } : body ? { body: body.value } : {}) });
      const baseOk = (await send(path + qs(query.value))).status < 300;
      const check = async (res: Response, what: string, field: string | null) => {
        if (res.status >= 500 || res.status < 400) failures.push(`${r.method} ${r.path} ${what}: ${res.status}`);
        else if (baseOk && field !== null) {
          const problem = (await res.json()) as { errors?: { path: string }[] };
          if (res.status !== 400 || !problem.errors?.some((e) => e.path === field)) failures.push(`${r.method} ${r.path} ${what}: ${res.status} without naming ${field}`);
          else named++;
        }
      };
      for (const leaf of body?.leaves ?? []) {
        if (exempt(leaf)) continue;
        for (const h of HOSTILE[leaf.kind]) await check(await send(path + qs(query.value), setAt(body!.value, leaf.path, h)), `${leaf.path.join('.')}=${JSON.stringify(h)}`, formatPath(leaf.path));
      }
      for (const leaf of query.leaves) {
        for (const h of QUERY_HOSTILE[leaf.kind]) await check(await send(path + qs(query.value, { [String(leaf.path[0])]: h })), `?${String(leaf.path[0])}=${h}`, String(leaf.path[0]));
      }
      if (r.path.includes('{')) {
        for (const h of PATH_HOSTILE) {
          const res = await send(r.path.replace(/\{[^}]+\}/g, h) + qs(query.value));
          if (res.status >= 500 || res.status < 400) failures.push(`${r.method} ${r.path} with ${h} in the path: ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // the generator gets far enough on many routes for the naming to be checked
    expect(named).toBeGreaterThan(100);
  }, 300_000);
});
