import { describe, expect, it } from 'vitest';
import { adverseEventIssues, reportingChecklist } from './adverse-events.js';

const base = { code: 'pih', expectedResponse: false, grade: 1, serious: false, relatedness: 'possible' as const };

describe('adverse-event grading rules', () => {
  it.each([
    ['a graded PIH is fine', base, []],
    ['an unknown code', { ...base, code: 'sunstroke' }, ['code']],
    ['an adverse event needs a grade', { ...base, grade: null }, ['grade']],
    ['grade out of range', { ...base, grade: 6 }, ['grade']],
    ['grade 4 must be serious', { ...base, grade: 4 }, ['serious']],
    ['grade 5 serious is fine', { ...base, grade: 5, serious: true }, []],
    ['infection is never an expected response', { ...base, code: 'bacterial_infection', expectedResponse: true, grade: null }, ['expectedResponse']],
    ['redness is an expected response without a grade', { ...base, code: 'redness_swelling_pain', expectedResponse: true, grade: null }, []],
    ['bloodborne transmission is serious', { ...base, code: 'bloodborne_transmission', grade: 4, serious: false }, ['serious', 'serious']],
  ] as const)('%s', (_n, input, paths) => {
    expect(adverseEventIssues(input).map((i) => i.path)).toEqual(paths);
  });

  it('asks for MedWatch when serious or for RF harm, and the manufacturer when device-related', () => {
    expect(reportingChecklist({ ...base, serious: true, grade: 3 }).medwatch).toBe(true);
    expect(reportingChecklist({ ...base, code: 'rf_burn_fat_nerve', grade: 3 }).medwatch).toBe(true);
    expect(reportingChecklist({ ...base, relatedness: 'probable' }).manufacturer).toBe(true);
    expect(reportingChecklist(base)).toEqual({ medwatch: false, manufacturer: false, reasons: [] });
  });
});
