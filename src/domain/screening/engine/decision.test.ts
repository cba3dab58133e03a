import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { screen, SEVERITY } from './screen.js';
import { req } from './fixtures.js';
import { AREAS, CONDITION_CODES } from './contract.js';
import { defaultScreeningSettings, ScreeningSettingsSchema } from '../../protocols/microneedling/windows.js';
import { explainForClient } from './explain.js';

describe('decision', () => {
  it('no finding: eligible, no earliest date, every area eligible, the pack named', () => {
    const r = screen(req());
    expect(r).toEqual({ decision: 'eligible', earliestDate: null, findings: [], areas: { forehead: 'eligible', cheeks: 'eligible' }, protocol: 'microneedling@2026.12.1' });
  });

  it('precedence: contraindicated > deferred > needs_review > precautions', () => {
    const all = req({ pregnant: true, fitzpatrick: 5, allergies: ['nickel'], procedures: [{ code: 'tanning', date: '2026-11-30' }] });
    expect(screen(all).decision).toBe('contraindicated');
    expect(screen(req({ fitzpatrick: 5, allergies: ['nickel'], procedures: [{ code: 'tanning', date: '2026-11-30' }] })).decision).toBe('deferred');
    expect(screen(req({ fitzpatrick: 5, allergies: ['nickel'] })).decision).toBe('needs_review');
    expect(screen(req({ fitzpatrick: 5 })).decision).toBe('eligible_with_precautions');
    const order = screen(all).findings.map((f) => f.outcome);
    expect(order).toEqual([...order].sort((a, b) => SEVERITY[b] - SEVERITY[a]));
  });

  it('earliest date is the latest until when every deferral is dated', () => {
    const r = screen(req({ procedures: [{ code: 'tanning', date: '2026-11-25' }, { code: 'neurotoxin', date: '2026-11-28' }] }));
    expect(r.decision).toBe('deferred');
    expect(r.earliestDate).toBe('2026-12-12');
  });

  it('earliest date is null when a deferral lasts until resolved, or when the decision is not deferred', () => {
    expect(screen(req({ procedures: [{ code: 'tanning', date: '2026-11-25' }], conditions: [{ code: 'sunburn', status: 'active' }] })).earliestDate).toBeNull();
    expect(screen(req({ pregnant: true, procedures: [{ code: 'tanning', date: '2026-11-25' }] })).earliestDate).toBeNull();
  });

  it('two triggers of one rule merge into one finding with the later date and both areas', () => {
    const r = screen(req({ procedures: [{ code: 'microneedling', date: '2026-11-10', areas: ['forehead'] }, { code: 'microneedling', date: '2026-11-20', areas: ['cheeks'] }] }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'INT-1', until: '2026-12-18', areas: ['forehead', 'cheeks'] });
  });

  it('the area map gives each planned area its own worst outcome', () => {
    const r = screen(req({ conditions: [{ code: 'skin_cancer', status: 'active', areas: ['cheeks'] }], fitzpatrick: 4 }, { areas: ['cheeks', 'forehead', 'neck'] }));
    expect(r.areas).toEqual({ forehead: 'eligible_with_precautions', cheeks: 'contraindicated', neck: 'eligible_with_precautions' });
  });

  it('settings change the windows and the result records nothing else', () => {
    const s = { ...defaultScreeningSettings(), isotretinoinMonths: 12 };
    const r = screen(req({ medications: [{ code: 'isotretinoin', current: false, lastDose: '2026-06-01' }] }), { settings: s });
    expect(r.findings[0]).toMatchObject({ ruleId: 'DEF-1', until: '2027-06-01' });
  });

  it('the interval setting never goes below 14 days', () => {
    expect(ScreeningSettingsSchema.safeParse({ microneedlingIntervalDays: 13 }).success).toBe(false);
    expect(ScreeningSettingsSchema.safeParse({ microneedlingIntervalDays: 14 }).success).toBe(true);
  });

  it('clients get plain language without rule ids', () => {
    const e = explainForClient(screen(req({ procedures: [{ code: 'tanning', date: '2026-11-25' }] })));
    expect(e.summary).toMatch(/wait/);
    expect(e.earliest).toContain('December 9, 2026');
    expect(e.reasons.join(' ')).not.toMatch(/DEF-|CI-/);
  });
});

describe('properties', () => {
  const areaArb = fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 5 });
  const conditionArb = fc.record({ code: fc.constantFrom(...CONDITION_CODES), status: fc.constantFrom('active' as const, 'history' as const), areas: fc.option(areaArb, { nil: undefined }) });
  const intakeArb = fc.record({
    fitzpatrick: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    pregnant: fc.boolean(),
    conditions: fc.array(conditionArb, { maxLength: 4 }),
    procedures: fc.array(fc.record({ code: fc.constantFrom('tanning' as const, 'microneedling' as const, 'dermal_filler' as const, 'radiation_therapy' as const), date: fc.constantFrom('2026-06-01', '2026-11-20', '2026-11-30'), areas: fc.option(areaArb, { nil: undefined }) }), { maxLength: 3 }),
  });

  it('is deterministic, the decision is the worst finding, and findings stay inside the plan areas', () => {
    fc.assert(
      fc.property(intakeArb, areaArb, fc.constantFrom('roller' as const, 'pen' as const, 'rf' as const), (intake, areas, modality) => {
        const request = req(
          { ...intake, conditions: intake.conditions.map((c) => (c.areas ? c : { code: c.code, status: c.status })), procedures: intake.procedures.map((p) => (p.areas ? p : { code: p.code, date: p.date })), ...(intake.fitzpatrick ? {} : { fitzpatrick: undefined }) },
          { areas: areas, modality },
        );
        const a = screen(request);
        expect(screen(structuredClone(request))).toEqual(a);
        const worst = a.findings.reduce((w, f) => Math.max(w, SEVERITY[f.outcome]), 0);
        expect(SEVERITY[a.decision]).toBe(worst);
        for (const f of a.findings) {
          expect(f.areas.length).toBeGreaterThan(0);
          for (const x of f.areas) expect(areas).toContain(x);
          if (f.until) expect(f.until > request.plan.date).toBe(true);
        }
        expect(Object.keys(a.areas).sort()).toEqual([...areas].sort());
      }),
      { numRuns: 300 },
    );
  });
});
