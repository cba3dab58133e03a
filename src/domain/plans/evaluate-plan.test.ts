// The plan contract (docs/plans.md): one case or more for every rule, and the properties the issue
// names (no plan exceeds a cap; the same input always gives the same output).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AREAS, CONCERN_CODES, DECISIONS, MODALITIES, type Area, type Decision } from '../screening/engine/contract.js';
import { capFor } from '../protocols/microneedling/depths.js';
import { PLAN_RULES } from '../protocols/microneedling/plan-rules.js';
import { evaluatePlan, parsePlanRequest, parsePlanRequests, type PlanOutcome, type PlanRequestV1, type PlanResult } from './index.js';

type Finding = PlanRequestV1['screening']['findings'][number];
const f = (ruleId: string, outcome: Decision, areas: Area[], until: string | null = null): Finding => ({ ruleId, outcome, areas, until, message: ruleId, sources: ['S99'] });

function request(over: Partial<PlanRequestV1> = {}, findings: Finding[] = [], areaDecisions: Partial<Record<Area, Decision>> = {}): PlanRequestV1 {
  const areas = over.areas ?? ['forehead', 'cheeks'];
  const decided: Partial<Record<Area, Decision>> = Object.fromEntries(areas.map((a) => [a, 'eligible']));
  const worst = (a: Area) => findings.filter((x) => x.areas.includes(a)).map((x) => x.outcome);
  for (const a of areas) for (const o of worst(a)) if (DECISIONS.indexOf(o) > DECISIONS.indexOf(decided[a]!)) decided[a] = o;
  const all = { ...decided, ...areaDecisions };
  const decision = Object.values(all).reduce<Decision>((d, x) => (DECISIONS.indexOf(x) > DECISIONS.indexOf(d) ? x : d), 'eligible');
  return {
    screening: { decision, earliestDate: null, findings, areas: all, protocol: 'microneedling@2026.12.1' },
    startDate: '2026-12-01',
    concerns: ['fine_lines'],
    fitzpatrick: 2,
    areas,
    history: {},
    ...over,
  };
}
const planned = (r: PlanResult): PlanOutcome => {
  if (r.status === 'not_possible') throw new Error(`no plan: ${JSON.stringify(r.findings)}`);
  return r;
};
const ids = (r: PlanResult) => r.findings.map((x) => x.ruleId);
const run = (...args: Parameters<typeof request>) => evaluatePlan(request(...args)).result;

describe('plan rules', () => {
  it('PLAN-1: a contraindicated screening gets no plan, with the screening sources', () => {
    const r = run({}, [f('CI-A5', 'contraindicated', ['forehead', 'cheeks'])]);
    expect(r).toEqual({ status: 'not_possible', findings: [{ ruleId: 'PLAN-1', message: 'The screening contraindicates microneedling (CI-A5): no plan can be made.', sources: ['S26', 'S99'] }], protocol: 'microneedling@2026.12.1' });
  });

  it('PLAN-2: a review that declined gets no plan', () => {
    const r = run({ history: { review: { outcome: 'declined', adjustments: [] } } }, [f('CI-R1', 'needs_review', ['forehead', 'cheeks'])]);
    expect(r.status).toBe('not_possible');
    expect(ids(r)).toEqual(['PLAN-2']);
  });

  it('PLAN-3: an unreviewed needs-review screening gives a provisional plan; an approved one a ready plan', () => {
    const review = [f('CI-R1', 'needs_review', ['forehead', 'cheeks'])];
    const provisional = run({}, review);
    expect(provisional.status).toBe('provisional');
    expect(provisional.findings[0]).toEqual({ ruleId: 'PLAN-3', message: "Provisional: CI-R1 needs a licensed clinician's review before treatment.", sources: ['S99'] });
    const approved = run({ history: { review: { outcome: 'approved', adjustments: [] } } }, review);
    expect(approved.status).toBe('ready');
    expect(ids(approved)).not.toContain('PLAN-3');
  });

  it('PLAN-4: an area the screening deferred or contraindicated is left out, naming the rules', () => {
    const r = planned(run({ areas: ['forehead', 'cheeks', 'perioral'] }, [f('DEF-2', 'deferred', ['perioral'])]));
    expect(r.areas.map((a) => a.area)).toEqual(['forehead', 'cheeks']);
    expect(r.excludedAreas).toEqual([{ area: 'perioral', reason: 'screening: deferred in this area', ruleIds: ['PLAN-4', 'DEF-2'] }]);
  });

  it('PLAN-5: an area missing from the screening is left out', () => {
    const req = request({ areas: ['forehead', 'neck'] });
    delete req.screening.areas.neck;
    const r = planned(evaluatePlan(req).result);
    expect(r.excludedAreas).toEqual([{ area: 'neck', reason: 'not in the screening result: screen this area first', ruleIds: ['PLAN-5'] }]);
  });

  it('PLAN-6: the series starts on the screening earliest date', () => {
    const req = request();
    req.screening.earliestDate = '2027-01-10';
    const r = planned(evaluatePlan(req).result);
    expect(r.startDate).toBe('2027-01-10');
    expect(ids(r)).toContain('PLAN-6');
  });

  it('PLAN-7: the series starts the shortest interval after the last session', () => {
    const r = planned(run({ history: { lastSessionDate: '2026-11-20' } }));
    expect(r.startDate).toBe('2026-12-18');
    expect(r.findings.find((x) => x.ruleId === 'PLAN-7')!.message).toBe('The series starts on 2026-12-18, 28 days after the last session on 2026-11-20.');
    expect(planned(run({ history: { lastSessionDate: '2026-10-01' } })).startDate).toBe('2026-12-01');
  });

  it('PLAN-8: nothing left to treat gets no plan', () => {
    const r = run({ areas: ['cheeks'], history: { review: { outcome: 'approved', adjustments: [{ kind: 'exclude_area', area: 'cheeks' }] } } }, [f('CI-R2', 'needs_review', ['cheeks'])]);
    expect(r.status).toBe('not_possible');
    expect(ids(r)).toEqual(['REVIEW', 'PLAN-8']);
  });

  it('IND-4 and REG-4: without a preference, RF for laxity, otherwise the pen; a preference is kept', () => {
    expect(planned(run({ concerns: ['laxity'] })).modality).toBe('rf');
    expect(ids(run({ concerns: ['laxity'] }))).toContain('IND-4');
    expect(ids(run())).toContain('REG-4');
    const roller = planned(run({ modality: 'roller', concerns: ['laxity'] }));
    expect(roller.modality).toBe('roller');
    expect(ids(roller).filter((id) => id === 'IND-4' || id === 'REG-4')).toEqual([]);
  });

  it('SES-*: sessions, range and interval by concern, with the protocol sources', () => {
    const r = planned(run({ concerns: ['acne_scars', 'hair_loss'] }));
    expect([r.sessions, r.sessionRange, r.intervalDays]).toEqual([6, { min: 6, max: 12 }, { min: 28, max: 28 }]);
    expect(r.findings.find((x) => x.ruleId === 'SES-hair_loss')!.sources).toEqual(['S11']);
  });

  it('DEP-*: depth per area within its cap, with the cap and its sources; DEPTH-3 keeps periorbital at 0.5 mm', () => {
    const r = planned(run({ concerns: ['acne_scars'], areas: ['forehead', 'cheeks', 'periorbital'] }));
    expect(r.areas).toEqual([
      { area: 'forehead', depthMm: 1, capMm: 1, capRuleId: 'DEP-forehead', sources: ['S25', 'S26', 'S46', 'S29'] },
      { area: 'cheeks', depthMm: 1, capMm: 2, capRuleId: 'DEP-cheeks', sources: ['S25', 'S26', 'S46', 'S29'] },
      { area: 'periorbital', depthMm: 0.5, capMm: 0.5, capRuleId: 'DEP-periorbital', sources: ['S26'] },
    ]);
    expect(r.findings.find((x) => x.ruleId === 'DEPTH-4')!.message).toBe('Forehead at 1 mm — scar depth: a clinician performs this, never an assistant.');
  });

  it('DEPTH-4 and unverified ranges show as findings', () => {
    expect(ids(run({ concerns: ['stretch_marks'], areas: ['thighs'], modality: 'roller' }))).toContain('DEPTH-4');
    expect(ids(run({ areas: ['decolletage'] }))).toContain('DEP-decolletage');
  });

  it('OUT-9: results are judged 90 days after the last session at the shortest interval', () => {
    const r = planned(run());
    expect(r.assessFrom).toBe('2027-05-24');
    expect(ids(r)).toContain('OUT-9');
  });

  it('LOG-1 and CI-R10: numbing cream by default; not with an allergy to it; not when the review says so', () => {
    expect(planned(run()).numbing).toEqual({ use: true, minutes: 20, ruleId: 'LOG-1', reason: null });
    const allergy = planned(run({ history: { review: { outcome: 'approved', adjustments: [] } } }, [f('CI-R10', 'needs_review', ['forehead', 'cheeks'])]));
    expect(allergy.numbing).toMatchObject({ use: false, minutes: 0, ruleId: 'CI-R10' });
    expect(allergy.minutesPerSession).toBe(30);
    const review = planned(run({ history: { review: { outcome: 'approved', adjustments: [{ kind: 'no_numbing_cream' }] } } }, [f('CI-R1', 'needs_review', ['forehead', 'cheeks'])]));
    expect(review.numbing).toEqual({ use: false, minutes: 0, ruleId: 'REVIEW', reason: 'clinician review: treat without numbing cream' });
  });

  it('REVIEW: a depth limit and an excluded area from the clinician apply, and say so', () => {
    const adjustments = [{ kind: 'max_depth' as const, area: 'cheeks' as const, maxDepthMm: 0.75 }, { kind: 'exclude_area' as const, area: 'forehead' as const }];
    const r = planned(run({ history: { review: { outcome: 'approved', adjustments } } }, [f('CI-R1', 'needs_review', ['forehead', 'cheeks'])]));
    expect(r.areas.map((a) => [a.area, a.depthMm])).toEqual([['cheeks', 0.75]]);
    expect(r.excludedAreas).toEqual([{ area: 'forehead', reason: 'clinician review: area excluded', ruleIds: ['REVIEW'] }]);
    expect(r.findings.filter((x) => x.ruleId === 'REVIEW').map((x) => x.message)).toEqual(["Forehead: left out by the clinician's review.", "Cheeks: at most 0.75 mm, by the clinician's review."]);
  });

  it('precautions: RF-1, RF-3, CI-R11, IND-6, IND-8, antiviral prophylaxis, the screening precautions and LOG-5, each with sources', () => {
    const rf = planned(run({ concerns: ['laxity'], fitzpatrick: 5 }));
    expect(rf.precautions.map((p) => p.ruleId)).toEqual(['RF-1', 'RF-3', 'LOG-5']);
    const pen = planned(run({ concerns: ['melasma', 'hair_loss'], fitzpatrick: 4, areas: ['cheeks', 'scalp'] }, [f('CI-R4', 'eligible_with_precautions', ['cheeks', 'scalp'])]));
    expect(pen.precautions.map((p) => p.ruleId)).toEqual(['CI-R11', 'IND-6', 'IND-8', 'CI-R4', 'LOG-5']);
    expect(pen.precautions.find((p) => p.ruleId === 'IND-6')!.sources).toEqual(['S8', 'S9']);
    const hsv = planned(run({ history: { review: { outcome: 'approved', adjustments: [{ kind: 'antiviral_prophylaxis' }] } } }, [f('CI-R7', 'needs_review', ['forehead', 'cheeks'])]));
    expect(hsv.precautions.map((p) => p.ruleId)).toEqual(['CI-R7', 'LOG-5']);
  });

  it('has a case above for every plan rule of the pack', () => {
    const named = ['PLAN-1', 'PLAN-2', 'PLAN-3', 'PLAN-4', 'PLAN-5', 'PLAN-6', 'PLAN-7', 'PLAN-8', 'IND-4', 'REG-4', 'IND-6', 'IND-8', 'OUT-9', 'REVIEW'];
    expect(PLAN_RULES.map((r) => r.id)).toEqual(named);
  });
});

describe('plan input', () => {
  it.each([
    ['no areas', { areas: [] }, 'areas', 'Name at least one area'],
    ['an unknown concern', { concerns: ['wrinkles'] }, 'concerns[0]', '"wrinkles" is not a concern Dermis knows; docs/plans.md lists them'],
    ['a skin type of 7', { fitzpatrick: 7 }, 'fitzpatrick', 'The skin type is 1 to 6'],
    ['an impossible date', { startDate: '2026-02-30' }, 'startDate', 'Start date must be a real date'],
    ['an unknown modality', { modality: 'laser' }, 'modality', '"laser" is not a modality Dermis knows; use roller, pen or rf'],
  ])('refuses %s, naming the field', (_name, over, path, message) => {
    const r = parsePlanRequest({ ...request(), ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ path, message });
  });

  it('names the index of a request in an array', () => {
    const r = parsePlanRequests([request(), { ...request(), screening: { ...request().screening, decision: 'maybe' } }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['[1].screening.decision']);
  });
});

const arbRequest: fc.Arbitrary<PlanRequestV1> = fc
  .record({
    concerns: fc.subarray([...CONCERN_CODES]),
    areas: fc.subarray<Area>([...AREAS], { minLength: 1 }),
    modality: fc.option(fc.constantFrom(...MODALITIES), { nil: undefined }),
    fitzpatrick: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    decisions: fc.array(fc.constantFrom<Decision>('eligible', 'eligible_with_precautions', 'needs_review', 'deferred'), { minLength: AREAS.length, maxLength: AREAS.length }),
    limits: fc.array(fc.option(fc.double({ min: 0.1, max: 3, noNaN: true }), { nil: undefined }), { minLength: AREAS.length, maxLength: AREAS.length }),
    approved: fc.boolean(),
  })
  .map((x) => {
    const areaDecisions = Object.fromEntries(x.areas.map((a) => [a, x.decisions[AREAS.indexOf(a)]!])) as Partial<Record<Area, Decision>>;
    const findings = x.areas.filter((a) => areaDecisions[a] !== 'eligible').map((a) => f(a === 'cheeks' ? 'CI-R10' : 'CI-R5', areaDecisions[a]!, [a]));
    const adjustments = x.areas.flatMap((a) => (x.limits[AREAS.indexOf(a)] !== undefined ? [{ kind: 'max_depth' as const, area: a, maxDepthMm: x.limits[AREAS.indexOf(a)]! }] : []));
    return request(
      { concerns: x.concerns, areas: x.areas, ...(x.modality ? { modality: x.modality } : {}), ...(x.fitzpatrick ? { fitzpatrick: x.fitzpatrick } : {}), history: x.approved ? { review: { outcome: 'approved', adjustments } } : {} },
      findings,
      areaDecisions,
    );
  });

describe('plan properties', () => {
  it('no plan exceeds a cap: every depth is within its area cap, the protocol and the review limit', () => {
    fc.assert(
      fc.property(arbRequest, (req) => {
        expect(parsePlanRequest(req).ok).toBe(true);
        const r = evaluatePlan(req).result;
        if (r.status === 'not_possible') return;
        for (const a of r.areas) {
          expect(a.depthMm).toBeGreaterThan(0);
          expect(a.depthMm).toBeLessThanOrEqual(a.capMm);
          expect(a.capMm).toBe(capFor(a.area, r.indication, r.modality));
          const limit = req.history.review?.adjustments.find((x) => x.kind === 'max_depth' && x.area === a.area);
          if (limit?.kind === 'max_depth') expect(a.depthMm).toBeLessThanOrEqual(limit.maxDepthMm);
        }
        expect(r.intervalDays.min).toBeGreaterThanOrEqual(14);
        expect(r.areas.every((a) => req.screening.areas[a.area] !== 'deferred' && req.screening.areas[a.area] !== 'contraindicated')).toBe(true);
      }),
    );
  });

  it('the same input always gives the same output for a protocol version', () => {
    fc.assert(
      fc.property(arbRequest, (req) => {
        const once = evaluatePlan(req).result;
        expect(evaluatePlan(structuredClone(req)).result).toEqual(once);
        expect(once.protocol).toBe('microneedling@2026.12.1');
        for (const x of once.findings) expect(x.message).toMatch(/^[A-Z].*\.$/);
      }),
    );
  });
});
