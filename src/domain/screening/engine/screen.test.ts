import { describe, expect, it } from 'vitest';
import { screen } from './screen.js';
import { req } from './fixtures.js';
import type { Intake, Plan } from './contract.js';
import { SCREENING_RULES } from '../../protocols/microneedling/rules.js';

type Row = { name: string; intake?: Partial<Intake>; plan?: Partial<Plan>; rule: string; outcome?: string; until?: string | null; areas?: string[]; fires?: boolean };

// One or more rows per rule of the spec table: it fires, with the right outcome, window and areas,
// and it stays silent when its trigger is absent or out of scope.
const ROWS: Row[] = [
  { name: 'CI-A1 active skin cancer in the area', intake: { conditions: [{ code: 'skin_cancer', status: 'active', areas: ['cheeks'] }] }, rule: 'CI-A1', outcome: 'contraindicated', areas: ['cheeks'] },
  { name: 'CI-A1 precancerous lesion outside the plan areas', intake: { conditions: [{ code: 'precancerous_lesion', status: 'active', areas: ['back'] }] }, rule: 'CI-A1', fires: false },
  { name: 'CI-A1 skin cancer in history', intake: { conditions: [{ code: 'skin_cancer', status: 'history' }] }, rule: 'CI-A1', fires: false },
  { name: 'CI-A2 open wound, no areas given, covers all planned', intake: { conditions: [{ code: 'open_wound', status: 'active' }] }, rule: 'CI-A2', outcome: 'deferred', until: null, areas: ['forehead', 'cheeks'] },
  { name: 'CI-A3 skin infection in the area', intake: { conditions: [{ code: 'skin_infection', status: 'active', areas: ['forehead'] }] }, rule: 'CI-A3', outcome: 'deferred', until: null, areas: ['forehead'] },
  { name: 'CI-A4 bleeding disorder', intake: { conditions: [{ code: 'bleeding_disorder', status: 'active' }] }, rule: 'CI-A4', outcome: 'contraindicated' },
  { name: 'CI-A5 pregnant', intake: { pregnant: true }, rule: 'CI-A5', outcome: 'contraindicated' },
  { name: 'CI-A5 breastfeeding', intake: { breastfeeding: true }, rule: 'CI-A5', outcome: 'contraindicated' },
  { name: 'CI-A6 stainless steel allergy', intake: { allergies: ['stainless_steel'] }, rule: 'CI-A6', outcome: 'contraindicated' },
  { name: 'CI-A7 isotretinoin current', intake: { medications: [{ code: 'isotretinoin', current: true }] }, rule: 'CI-A7', outcome: 'contraindicated' },
  { name: 'CI-A8 RF with a pacemaker', intake: { implants: [{ code: 'pacemaker' }] }, plan: { modality: 'rf' }, rule: 'CI-A8', outcome: 'contraindicated' },
  { name: 'CI-A8 RF with an ICD and cardiology clearance', intake: { implants: [{ code: 'icd' }], clearances: ['cardiology'] }, plan: { modality: 'rf' }, rule: 'CI-A8', outcome: 'needs_review' },
  { name: 'CI-A8 does not apply to pen', intake: { implants: [{ code: 'neurostimulator' }] }, rule: 'CI-A8', fires: false },
  { name: 'CI-A9 RF over a metal implant', intake: { implants: [{ code: 'metal_implant', areas: ['cheeks'] }] }, plan: { modality: 'rf' }, rule: 'CI-A9', outcome: 'contraindicated', areas: ['cheeks'] },
  { name: 'CI-A9 metal implant elsewhere', intake: { implants: [{ code: 'metal_implant', areas: ['thighs'] }] }, plan: { modality: 'rf' }, rule: 'CI-A9', fires: false },
  { name: 'CI-R1 anticoagulant', intake: { medications: [{ code: 'anticoagulant', current: true }] }, rule: 'CI-R1', outcome: 'needs_review' },
  { name: 'CI-R1 antiplatelet stopped', intake: { medications: [{ code: 'antiplatelet', current: false, lastDose: '2026-01-01' }] }, rule: 'CI-R1', fires: false },
  { name: 'CI-R2 keloid history', intake: { conditions: [{ code: 'keloid_history', status: 'history' }] }, rule: 'CI-R2', outcome: 'needs_review' },
  { name: 'CI-R3 immunosuppression', intake: { conditions: [{ code: 'immunosuppression', status: 'active' }] }, rule: 'CI-R3', outcome: 'needs_review' },
  { name: 'CI-R3 immunosuppressant current', intake: { medications: [{ code: 'immunosuppressant', current: true }] }, rule: 'CI-R3', outcome: 'needs_review' },
  { name: 'CI-R4 controlled diabetes', intake: { conditions: [{ code: 'diabetes', status: 'active', controlled: true }] }, rule: 'CI-R4', outcome: 'eligible_with_precautions' },
  { name: 'CI-R4 diabetes, control unknown', intake: { conditions: [{ code: 'diabetes', status: 'active' }] }, rule: 'CI-R4', outcome: 'needs_review' },
  { name: 'CI-R5 vitiligo', intake: { conditions: [{ code: 'vitiligo', status: 'history' }] }, rule: 'CI-R5', outcome: 'needs_review' },
  { name: 'CI-R5 psoriasis in history', intake: { conditions: [{ code: 'psoriasis', status: 'history' }] }, rule: 'CI-R5', outcome: 'needs_review' },
  { name: 'CI-R6 rosacea flare in the area', intake: { conditions: [{ code: 'rosacea', status: 'active', areas: ['cheeks'] }] }, rule: 'CI-R6', outcome: 'deferred', until: null, areas: ['cheeks'] },
  { name: 'CI-R6 eczema flare elsewhere', intake: { conditions: [{ code: 'eczema', status: 'active', areas: ['hands'] }] }, rule: 'CI-R6', fires: false },
  { name: 'CI-R6 eczema history', intake: { conditions: [{ code: 'eczema', status: 'history' }] }, rule: 'CI-R6', outcome: 'eligible_with_precautions' },
  { name: 'CI-R7 cold sores and a face area', intake: { conditions: [{ code: 'hsv_history', status: 'history' }] }, rule: 'CI-R7', outcome: 'needs_review', areas: ['forehead', 'cheeks'] },
  { name: 'CI-R7 with antiviral prophylaxis', intake: { conditions: [{ code: 'hsv_history', status: 'history' }], medications: [{ code: 'antiviral_prophylaxis', current: true }] }, rule: 'CI-R7', outcome: 'eligible_with_precautions' },
  { name: 'CI-R7 body only', intake: { conditions: [{ code: 'hsv_history', status: 'history' }] }, plan: { areas: ['thighs'] }, rule: 'CI-R7', fires: false },
  { name: 'CI-R8 atypical mole in the area', intake: { conditions: [{ code: 'atypical_mole', status: 'active', areas: ['forehead'] }] }, rule: 'CI-R8', outcome: 'needs_review', areas: ['forehead'] },
  { name: 'CI-R9 nickel', intake: { allergies: ['nickel'] }, rule: 'CI-R9', outcome: 'needs_review' },
  { name: 'CI-R9 gold with RF', intake: { allergies: ['gold'] }, plan: { modality: 'rf' }, rule: 'CI-R9', outcome: 'needs_review' },
  { name: 'CI-R9 gold with pen', intake: { allergies: ['gold'] }, rule: 'CI-R9', fires: false },
  { name: 'CI-R10 topical anaesthetic allergy', intake: { allergies: ['topical_anesthetic'] }, rule: 'CI-R10', outcome: 'needs_review' },
  { name: 'CI-R11 Fitzpatrick IV', intake: { fitzpatrick: 4 }, rule: 'CI-R11', outcome: 'eligible_with_precautions' },
  { name: 'CI-R11 Fitzpatrick III', intake: { fitzpatrick: 3 }, rule: 'CI-R11', fires: false },
  { name: 'CI-R12 RF over permanent makeup', intake: { implants: [{ code: 'permanent_makeup', areas: ['perioral'] }] }, plan: { modality: 'rf', areas: ['perioral', 'cheeks'] }, rule: 'CI-R12', outcome: 'contraindicated', areas: ['perioral'] },
  { name: 'CI-R12 tattoo with pen', intake: { implants: [{ code: 'tattoo' }] }, rule: 'CI-R12', fires: false },
  { name: 'CI-R13 gold threads, RF', intake: { implants: [{ code: 'gold_threads' }] }, plan: { modality: 'rf' }, rule: 'CI-R13', outcome: 'contraindicated' },
  { name: 'CI-R13 gold threads, roller', intake: { implants: [{ code: 'gold_threads' }] }, plan: { modality: 'roller' }, rule: 'CI-R13', outcome: 'needs_review' },
  { name: 'CI-R14 younger than 22', intake: { dateOfBirth: '2005-01-01' }, rule: 'CI-R14', outcome: 'needs_review' },
  { name: 'CI-R14 22nd birthday on the plan date', intake: { dateOfBirth: '2004-12-01' }, rule: 'CI-R14', fires: false },
  { name: 'CI-R14 the day before the 22nd birthday', intake: { dateOfBirth: '2004-12-02' }, rule: 'CI-R14', outcome: 'needs_review' },
  { name: 'IND-10 active acne, pen', intake: { conditions: [{ code: 'acne', status: 'active' }] }, rule: 'IND-10', outcome: 'deferred', until: null },
  { name: 'IND-10 active acne, RF', intake: { conditions: [{ code: 'acne', status: 'active' }] }, plan: { modality: 'rf' }, rule: 'IND-10', outcome: 'needs_review' },
  { name: 'DEF-1 isotretinoin stopped 3 months ago', intake: { medications: [{ code: 'isotretinoin', current: false, lastDose: '2026-09-01' }] }, rule: 'DEF-1', outcome: 'deferred', until: '2027-03-01' },
  { name: 'DEF-1 month-end clamping (Aug 31 + 6 months = Feb 28)', intake: { medications: [{ code: 'isotretinoin', current: false, lastDose: '2026-08-31' }] }, rule: 'DEF-1', until: '2027-02-28' },
  { name: 'DEF-1 month-end clamping in a leap year (Feb 29)', intake: { medications: [{ code: 'isotretinoin', current: false, lastDose: '2027-08-31' }] }, plan: { date: '2027-12-01' }, rule: 'DEF-1', until: '2028-02-29' },
  { name: 'DEF-1 window ends on the plan date: silent', intake: { medications: [{ code: 'isotretinoin', current: false, lastDose: '2026-06-01' }] }, rule: 'DEF-1', fires: false },
  { name: 'DEF-1 window ends the day after the plan date', intake: { medications: [{ code: 'isotretinoin', current: false, lastDose: '2026-06-02' }] }, rule: 'DEF-1', until: '2026-12-02' },
  { name: 'DEF-2 active cold sore, face planned', intake: { conditions: [{ code: 'hsv_active', status: 'active' }] }, rule: 'DEF-2', outcome: 'deferred', until: null },
  { name: 'DEF-2 active cold sore, neck only', intake: { conditions: [{ code: 'hsv_active', status: 'active' }] }, plan: { areas: ['neck'] }, rule: 'DEF-2', fires: false },
  { name: 'DEF-5 sunburn', intake: { conditions: [{ code: 'sunburn', status: 'active' }] }, rule: 'DEF-5', outcome: 'deferred', until: null },
  { name: 'DEF-6 tanning 10 days before', intake: { procedures: [{ code: 'tanning', date: '2026-11-21' }] }, rule: 'DEF-6', outcome: 'deferred', until: '2026-12-05' },
  { name: 'DEF-6 tanning 14 days before: silent', intake: { procedures: [{ code: 'tanning', date: '2026-11-17' }] }, rule: 'DEF-6', fires: false },
  { name: 'DEF-6 self-tanner yesterday', intake: { procedures: [{ code: 'self_tanner', date: '2026-11-30' }] }, rule: 'DEF-6', until: '2026-12-02' },
  { name: 'DEF-8 retinoid, current, no last dose: counts as taken on answeredOn', intake: { answeredOn: '2026-11-29', medications: [{ code: 'topical_retinoid', current: true }] }, rule: 'DEF-8', until: '2026-12-02' },
  { name: 'DEF-8 acid last used 3 days before: silent', intake: { medications: [{ code: 'topical_acid', current: false, lastDose: '2026-11-28' }] }, rule: 'DEF-8', fires: false },
  { name: 'DEF-9 deep peel in the area', intake: { procedures: [{ code: 'deep_chemical_peel', date: '2026-10-15', areas: ['cheeks'] }] }, rule: 'DEF-9', until: '2027-01-15', areas: ['cheeks'] },
  { name: 'DEF-9 dermabrasion elsewhere', intake: { procedures: [{ code: 'dermabrasion', date: '2026-10-15', areas: ['back'] }] }, rule: 'DEF-9', fires: false },
  { name: 'DEF-10 non-ablative laser', intake: { procedures: [{ code: 'non_ablative_laser', date: '2026-11-20' }] }, rule: 'DEF-10', until: '2026-12-11' },
  { name: 'DEF-11 ablative laser (weeks)', intake: { procedures: [{ code: 'ablative_laser', date: '2026-10-01' }] }, rule: 'DEF-11', until: '2026-12-24' },
  { name: 'DEF-12 facial surgery, face planned', intake: { procedures: [{ code: 'facial_surgery', date: '2026-03-01' }] }, rule: 'DEF-12', until: '2027-03-01', areas: ['forehead', 'cheeks'] },
  { name: 'DEF-12 facial surgery, body planned', intake: { procedures: [{ code: 'facial_surgery', date: '2026-03-01' }] }, plan: { areas: ['abdomen'] }, rule: 'DEF-12', fires: false },
  { name: 'DEF-13 neurotoxin', intake: { procedures: [{ code: 'neurotoxin', date: '2026-11-25' }] }, rule: 'DEF-13', until: '2026-12-09' },
  { name: 'DEF-14 filler in the area', intake: { procedures: [{ code: 'dermal_filler', date: '2026-11-25', areas: ['cheeks'] }] }, rule: 'DEF-14', until: '2026-12-09', areas: ['cheeks'] },
  { name: 'DEF-15 PDO threads', intake: { procedures: [{ code: 'pdo_threads', date: '2025-01-01', areas: ['cheeks'] }] }, rule: 'DEF-15', outcome: 'needs_review' },
  { name: 'DEF-16 recent radiation: deferred', intake: { procedures: [{ code: 'radiation_therapy', date: '2026-10-01', areas: ['neck'] }] }, plan: { areas: ['neck'] }, rule: 'DEF-16', outcome: 'deferred', until: '2027-01-01' },
  { name: 'DEF-16 old radiation: always review', intake: { procedures: [{ code: 'radiation_therapy', date: '2024-01-01', areas: ['neck'] }] }, plan: { areas: ['neck'] }, rule: 'DEF-16', outcome: 'needs_review' },
  { name: 'DEF-16 with oncology clearance: precautions', intake: { procedures: [{ code: 'radiation_therapy', date: '2024-01-01' }], clearances: ['oncology'] }, rule: 'DEF-16', outcome: 'eligible_with_precautions' },
  { name: 'DEF-17 chemotherapy: deferred', intake: { medications: [{ code: 'chemotherapy', current: true }] }, rule: 'DEF-17', outcome: 'deferred', until: null },
  { name: 'DEF-17 chemotherapy: also review', intake: { medications: [{ code: 'chemotherapy', current: true }] }, rule: 'DEF-17', outcome: 'needs_review' },
  { name: 'INT-1 last session 2 weeks ago', intake: { procedures: [{ code: 'microneedling', date: '2026-11-17', areas: ['cheeks'] }] }, rule: 'INT-1', until: '2026-12-15', areas: ['cheeks'] },
  { name: 'INT-1 last session 28 days ago: silent', intake: { procedures: [{ code: 'microneedling', date: '2026-11-03' }] }, rule: 'INT-1', fires: false },
];

describe('screening rules', () => {
  it.each(ROWS)('$name', (row) => {
    const result = screen(req(row.intake, row.plan));
    const found = result.findings.filter((f) => f.ruleId === row.rule && (row.outcome === undefined || f.outcome === row.outcome));
    if (row.fires === false) {
      expect(result.findings.map((f) => f.ruleId)).not.toContain(row.rule);
      return;
    }
    expect(found, JSON.stringify(result.findings)).toHaveLength(1);
    const f = found[0]!;
    if (row.until !== undefined) expect(f.until).toBe(row.until);
    if (row.areas) expect(f.areas).toEqual(row.areas);
    expect(f.message.length).toBeGreaterThan(10);
  });

  it('every rule of the spec table has at least one firing row', () => {
    const tested = new Set(ROWS.filter((r) => r.fires !== false).map((r) => r.rule));
    expect(SCREENING_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});
