// POST /api/triage/evaluate and POST /api/plans/evaluate answer what the engines (and so the CLI)
// answer for the same input, and refuse invalid input in plain words naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Actor } from '../support/factory.js';
import { triage, TriageReportSchema } from '../../src/domain/treatment/triage/index.js';
import { evaluatePlan, PlanRequestSchema } from '../../src/domain/plans/index.js';

let t: TestApp;
let provider: Actor;
let desk: Actor;

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.factory.org();
  provider = await t.factory.actor(org, 'provider');
  desk = await t.factory.actor(org, 'front_desk');
});
afterAll(() => t.close());

async function post(who: Actor, path: string, body: unknown) {
  const res = await t.request(path, { method: 'POST', body, cookie: who.cookie });
  return { status: res.status, data: (await res.json()) as Record<string, unknown> & { errors?: { path: string; message: string }[] } };
}

const report = { daysSinceTreatment: 2, modality: 'rf', areas: ['cheeks', 'perioral'], symptoms: [{ code: 'warmth_worse', severity: 'moderate', onsetDays: 2 }, { code: 'scabbing', severity: 'mild', onsetDays: 1 }], photoAttached: true, note: 'hot to touch' };
const planRequest = {
  screening: { decision: 'needs_review', earliestDate: null, findings: [{ ruleId: 'CI-R2', outcome: 'needs_review', areas: ['cheeks'], until: null, message: 'Keloid history', sources: ['S1', 'S31'] }], areas: { cheeks: 'needs_review' }, protocol: 'microneedling@2026.12.1' },
  startDate: '2026-12-01', concerns: ['acne_scars'], fitzpatrick: 4, areas: ['cheeks'], history: { review: { outcome: 'approved', adjustments: [{ kind: 'max_depth', area: 'cheeks', maxDepthMm: 0.8 }] } },
};

describe('stateless contract routes', () => {
  it('triage: the engine’s answer for the same report', async () => {
    const r = await post(provider, '/api/triage/evaluate', report);
    expect(r.status).toBe(200);
    expect(r.data).toEqual(JSON.parse(JSON.stringify(triage(TriageReportSchema.parse(report)))));
    expect(r.data).toMatchObject({ urgency: 'urgent', findings: [{ ruleId: 'RF-FLAG-1' }, { ruleId: 'TRI-PHOTO' }, { ruleId: 'TRI-EXPECTED' }] });
  });

  it('plan: the engine’s answer for the same request', async () => {
    const r = await post(provider, '/api/plans/evaluate', planRequest);
    expect(r.status).toBe(200);
    expect(r.data).toEqual(JSON.parse(JSON.stringify(evaluatePlan(PlanRequestSchema.parse(planRequest)).result)));
    expect(r.data).toMatchObject({ status: 'ready', areas: [{ area: 'cheeks', depthMm: 0.8, capMm: 2 }] });
  });

  it('refuses invalid input in plain words, naming the field', async () => {
    const bad = await post(provider, '/api/triage/evaluate', { ...report, symptoms: [{ code: 'itch', severity: 'mild', onsetDays: 0 }], temperature: { degrees: 120, unit: 'C' } });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual(expect.arrayContaining([{ path: 'symptoms[0].code', message: '"itch" is not a symptom Dermis knows; docs/triage.md lists them' }]));
    const plan = await post(provider, '/api/plans/evaluate', { ...planRequest, areas: ['elbow'] });
    expect(plan.status).toBe(400);
    expect(plan.data.errors).toEqual([{ path: 'areas[0]', message: '"elbow" is not an area Dermis knows; docs/plans.md lists them' }]);
  });

  it('the front desk may not run a clinical evaluation', async () => {
    expect((await post(desk, '/api/triage/evaluate', report)).status).toBe(403);
    expect((await post(desk, '/api/plans/evaluate', planRequest)).status).toBe(403);
  });
});
