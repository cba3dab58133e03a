import { describe, expect, it } from 'vitest';
import { asAnswers, emptyAnswers, emptyPick, fromIntake, planOf, stepProblems, toIntake, type Answers } from './answers.js';

const TODAY = '2026-12-01';
const withMedicine = (pick: Partial<ReturnType<typeof emptyPick>>): Answers => ({ ...emptyAnswers('1990-01-01'), pregnant: false, breastfeeding: false, picks: { 'medications:isotretinoin:': { ...emptyPick(), checked: true, ...pick } } });

describe('medicines: still taken, or the last dose', () => {
  it('assumes nothing: a ticked medicine must be answered, and a stopped one needs a past last dose', () => {
    expect(stepProblems('medicines', withMedicine({}), TODAY)).toEqual([expect.stringMatching(/Isotretinoin.*say whether you still take or use it/)]);
    expect(stepProblems('medicines', withMedicine({ current: false }), TODAY)).toEqual([expect.stringMatching(/give the date of the last dose/)]);
    expect(stepProblems('medicines', withMedicine({ current: false, date: '2026-12-02' }), TODAY)).toEqual([expect.stringMatching(/cannot be in the future/)]);
    expect(stepProblems('medicines', withMedicine({ current: false, date: '2026-10-01' }), TODAY)).toEqual([]);
    expect(stepProblems('medicines', withMedicine({ current: true }), TODAY)).toEqual([]);
  });

  it('maps onto the contract: current, or not current with the last dose', () => {
    expect(toIntake(withMedicine({ current: true }), TODAY).medications).toEqual([{ code: 'isotretinoin', current: true }]);
    expect(toIntake(withMedicine({ current: false, date: '2026-10-01' }), TODAY).medications).toEqual([{ code: 'isotretinoin', current: false, lastDose: '2026-10-01' }]);
    expect(fromIntake(toIntake(withMedicine({ current: false, date: '2026-10-01' }), TODAY)).picks['medications:isotretinoin:']).toMatchObject({ current: false, date: '2026-10-01' });
  });
});

describe('your treatment', () => {
  it('needs a type and at least one area; "not sure" is checked as the pen', () => {
    const a = emptyAnswers('1990-01-01');
    expect(stepProblems('treatment', a, TODAY)).toHaveLength(2);
    const chosen: Answers = { ...a, treatment: { modality: 'unsure', areas: ['cheeks', 'neck'] } };
    expect(stepProblems('treatment', chosen, TODAY)).toEqual([]);
    expect(planOf(chosen)).toEqual({ modality: 'pen', areas: ['cheeks', 'neck'] });
    expect(planOf({ ...a, treatment: { modality: 'rf', areas: ['forehead'] } })).toEqual({ modality: 'rf', areas: ['forehead'] });
  });

  it('resumes a draft saved before the treatment was asked, and refuses a shape the form never made', () => {
    const { treatment: _, ...old } = emptyAnswers('1990-01-01');
    expect(asAnswers(old)?.treatment).toEqual({ modality: null, areas: [] });
    expect(asAnswers({ ...old, treatment: { modality: 'laser', areas: [] } })).toBeNull();
    expect(asAnswers('nonsense')).toBeNull();
  });
});
