import { describe, expect, it } from 'vitest';
import { parseScreeningRequest, parseScreeningRequests } from './validate.js';
import { req } from './fixtures.js';

const errorsOf = (input: unknown) => {
  const r = parseScreeningRequests(input);
  if (r.ok) throw new Error('expected invalid');
  return r.errors;
};

describe('validation names the field', () => {
  it('accepts a valid request and fills absent lists and condition status', () => {
    const r = parseScreeningRequest({ intake: { answeredOn: '2026-11-01', dateOfBirth: '1990-01-01', pregnant: false, breastfeeding: false, conditions: [{ code: 'acne' }] }, plan: { modality: 'pen', areas: ['cheeks'], date: '2026-12-01' } });
    expect(r.ok && r.value.intake.conditions[0]).toEqual({ code: 'acne', status: 'active' });
    expect(r.ok && r.value.intake.medications).toEqual([]);
  });

  it('unknown code', () => {
    const e = errorsOf({ ...req(), intake: { ...req().intake, conditions: [{ code: 'gout' }] } });
    expect(e[0]!.path).toBe('intake.conditions[0].code');
    expect(e[0]!.message).toContain('unknown condition code "gout"');
  });

  it('impossible date', () => {
    expect(errorsOf({ ...req(), plan: { ...req().plan, date: '2026-02-30' } })[0]!.path).toBe('plan.date');
    expect(errorsOf({ ...req(), intake: { ...req().intake, dateOfBirth: '1990-1-1' } })[0]!.path).toBe('intake.dateOfBirth');
  });

  it('empty areas', () => {
    const e = errorsOf({ ...req(), plan: { ...req().plan, areas: [] } });
    expect(e[0]).toEqual({ path: 'plan.areas', message: 'must name at least one area' });
  });

  it('unknown fields and missing required fields', () => {
    expect(errorsOf({ ...req(), intake: { ...req().intake, pregant: true } })[0]!.message).toContain('pregant');
    const { pregnant: _p, ...noPregnant } = req().intake;
    expect(errorsOf({ ...req(), intake: noPregnant })[0]!.path).toBe('intake.pregnant');
  });

  it('an array names the index', () => {
    const e = errorsOf([req(), { ...req(), plan: { ...req().plan, modality: 'laser' } }]);
    expect(e[0]!.path).toBe('[1].plan.modality');
  });
});
