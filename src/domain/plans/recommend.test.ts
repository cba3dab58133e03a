import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recommendPlan, type PlanRequest } from './recommend.js';
import { editPlan } from './edit-plan.js';
import { checkDepth } from './depth-check.js';
import { serviceCodesFor } from './service-code.js';
import { AREAS, CONCERN_CODES, MODALITIES } from '../screening/engine/contract.js';
import { capFor } from '../protocols/microneedling/depths.js';

const base = (over: Partial<PlanRequest> = {}): PlanRequest => ({ concerns: ['fine_lines'], areas: ['forehead', 'cheeks'], fitzpatrick: 2, startDate: '2026-12-01', screening: null, ...over });

describe('depth caps (reference 3A)', () => {
  it.each([
    ['periorbital', 0.5, 'rejuvenation', 'pen', 'ok'],
    ['periorbital', 0.75, 'rejuvenation', 'pen', 'refused'],
    ['forehead', 0.5, 'rejuvenation', 'pen', 'ok'],
    ['forehead', 0.75, 'rejuvenation', 'pen', 'needs_director'],
    ['forehead', 1.0, 'scars', 'pen', 'warn'],
    ['cheeks', 2.0, 'scars', 'pen', 'warn'],
    ['cheeks', 2.25, 'scars', 'pen', 'needs_director'],
    ['cheeks', 3.0, 'scars', 'pen', 'refused'],
    ['nose', 2.0, 'rejuvenation', 'rf', 'ok'],
    ['thighs', 2.0, 'scars', 'roller', 'warn'],
  ] as const)('%s at %s mm for %s with %s: %s', (area, depth, indication, modality, status) => {
    expect(checkDepth(area, depth, indication, modality).status).toBe(status);
  });

  it('warns above 1.5 mm for mechanical needling (DEPTH-2) even within a scar cap', () => {
    const c = checkDepth('cheeks', 1.75, 'scars', 'pen');
    expect(c.ruleIds).toContain('DEPTH-2');
    expect(c.status).toBe('warn');
  });

  it('flags unverified ranges (neck, décolleté) as warnings', () => {
    expect(checkDepth('decolletage', 0.5, 'rejuvenation', 'pen').ruleIds).toContain('DEP-decolletage');
  });
});

describe('recommendPlan', () => {
  it('recommends a pen series for fine lines: 4 sessions, 28 to 42 days, judged 3 months after the last', () => {
    const p = recommendPlan(base());
    expect(p.modality).toBe('pen');
    expect(p.sessions).toBe(4);
    expect(p.intervalDays).toEqual({ min: 28, max: 42 });
    expect(p.assessFrom).toBe('2027-05-24'); // 2026-12-01 + 3 × 28 + 90 days
    expect(p.areas.map((a) => [a.area, a.depthMm])).toEqual([['forehead', 0.5], ['cheeks', 1.0]]);
    expect(p.downtime.rednessDays).toEqual({ min: 1, max: 3 });
    expect(p.numbing).toEqual({ use: true, minutes: 20, reason: null });
  });

  it('chooses RF for laxity and adds the RF precautions for darker skin', () => {
    const p = recommendPlan(base({ concerns: ['laxity'], fitzpatrick: 5 }));
    expect(p.modality).toBe('rf');
    expect(p.precautions.map((x) => x.id)).toEqual(expect.arrayContaining(['RF-1', 'RF-3']));
  });

  it('uses scar depths for acne scars, never above the caps', () => {
    const p = recommendPlan(base({ concerns: ['acne_scars'], areas: ['cheeks', 'periorbital'] }));
    expect(p.indication).toBe('scars');
    expect(p.areas.find((a) => a.area === 'periorbital')!.depthMm).toBeLessThanOrEqual(0.5);
  });

  it('applies the review adjustments and leaves out blocked areas; a deferred start moves to earliestDate', () => {
    const p = recommendPlan(
      base({
        areas: ['forehead', 'cheeks', 'perioral'],
        screening: {
          decision: 'needs_review',
          blockedAreas: ['perioral'],
          earliestDate: '2027-01-10',
          adjustments: [{ kind: 'no_numbing_cream' }, { kind: 'max_depth', area: 'cheeks', maxDepthMm: 0.75 }, { kind: 'exclude_area', area: 'forehead' }],
        },
      }),
    );
    expect(p.areas.map((a) => [a.area, a.depthMm])).toEqual([['cheeks', 0.75]]);
    expect(p.excludedAreas.map((e) => e.area)).toEqual(['perioral', 'forehead']);
    expect(p.numbing.use).toBe(false);
    expect(p.startDate).toBe('2027-01-10');
  });

  it('property: every recommended depth is within the cap for its area, never refused or outside caps', () => {
    fc.assert(
      fc.property(
        fc.subarray([...CONCERN_CODES], { minLength: 1 }),
        fc.subarray([...AREAS], { minLength: 1 }),
        fc.constantFrom(...MODALITIES),
        fc.integer({ min: 1, max: 6 }),
        (concerns, areas, modality, fitzpatrick) => {
          const p = recommendPlan(base({ concerns, areas, modality, fitzpatrick }));
          for (const a of p.areas) {
            expect(a.depthMm).toBeLessThanOrEqual(capFor(a.area, p.indication, p.modality));
            expect(['ok', 'warn']).toContain(a.check.status);
          }
          expect(p.intervalDays.min).toBeGreaterThanOrEqual(14);
          expect(p.assessFrom > p.startDate).toBe(true);
        },
      ),
    );
  });
});

describe('editPlan', () => {
  const plan = recommendPlan(base());
  it('applies changes within caps', () => {
    const out = editPlan(plan, { sessions: 3, depths: [{ area: 'cheeks', depthMm: 0.75 }] });
    expect(out.outsideCaps).toEqual([]);
    expect(out.refused).toEqual([]);
    expect(out.plan.sessions).toBe(3);
  });
  it('needs the medical director above a cap or a shorter interval', () => {
    const out = editPlan(plan, { depths: [{ area: 'forehead', depthMm: 1.0 }], intervalDays: { min: 21, max: 35 } });
    expect(out.outsideCaps.map((i) => i.path)).toEqual(['depths.0.depthMm', 'intervalDays.min']);
  });
  it('refuses an interval under 14 days and periorbital above 0.5 mm', () => {
    const p2 = recommendPlan(base({ areas: ['periorbital'] }));
    const out = editPlan(p2, { intervalDays: { min: 10, max: 20 }, depths: [{ area: 'periorbital', depthMm: 1.0 }] });
    expect(out.refused.map((i) => i.ruleId)).toEqual(['DEPTH-3', 'SES-FLOOR']);
  });
});

describe('serviceCodesFor', () => {
  it('prices face and neck, body and acne scars by their services, falling back to the full face', () => {
    expect(serviceCodesFor('pen', ['cheeks', 'neck'], ['fine_lines'])).toEqual(['pen_face_neck', 'pen_face']);
    expect(serviceCodesFor('pen', ['thighs'], ['stretch_marks'])).toEqual(['pen_body', 'pen_face']);
    expect(serviceCodesFor('rf', ['cheeks'], ['acne_scars'])).toEqual(['rf_face']);
  });
});
