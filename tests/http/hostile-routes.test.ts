// Every registered route, called by clinicians and the owner with hostile input (malformed JSON,
// wrong shapes, absurd query values, ids of nothing), answers a 4xx problem and never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor, Org } from '../support/factory.js';
import { routeRegistry } from '../../src/http/route.js';

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
