// The triage contract (docs/triage.md): one case or more for every rule, the boundaries of its
// windows, the messages, and the properties the issue names.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AREAS, MODALITIES, type Area, type Modality } from '../../screening/engine/contract.js';
import { EMERGENCY_SYMPTOMS, parseTriageReport, parseTriageReports, SEVERITIES, SYMPTOMS, triage, TRIAGE_RULES, URGENCY_RANK, type Severity, type Symptom, type TriageReport } from './index.js';

type S = [Symptom, Severity?, number?];
const report = (hours: number, symptoms: S[], over: Partial<TriageReport> = {}): TriageReport => ({
  hoursSinceTreatment: hours,
  modality: 'pen',
  areas: ['cheeks'],
  symptoms: symptoms.map(([code, severity = 'moderate', onset]) => ({ code, severity, onsetHours: onset ?? 0 })),
  photoAttached: false,
  ...over,
});
const run = (hours: number, symptoms: S[], over: Partial<TriageReport> = {}) => triage(report(hours, symptoms, over));
const ids = (r: ReturnType<typeof triage>) => r.findings.map((f) => f.ruleId);

describe('triage rules', () => {
  const cases: [string, number, S[], Partial<TriageReport>, string, string[]][] = [
    // RF-FLAG-1: worse from 48 h; pus, fever, temperature at any time
    ['redness worse at 47.9 h is still expected', 47.9, [['redness_worse']], {}, 'expected', ['TRI-EXPECTED']],
    ['redness worse at 48 h', 48, [['redness_worse']], {}, 'urgent', ['RF-FLAG-1']],
    ['warmth worse at 60 h', 60, [['warmth_worse']], {}, 'urgent', ['RF-FLAG-1']],
    ['pain worse at 48 h with a roller', 48, [['pain_worse']], { modality: 'roller' }, 'urgent', ['RF-FLAG-1']],
    ['pus at 2 h', 2, [['pus', 'mild']], {}, 'urgent', ['RF-FLAG-1']],
    ['fever at 1 h', 1, [['fever']], {}, 'urgent', ['RF-FLAG-1']],
    ['a temperature of 38.0 °C', 30, [], { temperature: { degrees: 38.0, unit: 'C' } }, 'urgent', ['RF-FLAG-1']],
    ['a temperature of 100.4 °F', 30, [], { temperature: { degrees: 100.4, unit: 'F' } }, 'urgent', ['RF-FLAG-1']],
    ['a temperature of 37.9 °C is no fever', 30, [], { temperature: { degrees: 37.9, unit: 'C' } }, 'expected', []],
    // RF-FLAG-2
    ['blisters', 50, [['blisters']], {}, 'urgent', ['RF-FLAG-2']],
    ['cold sores', 30, [['cold_sores', 'mild']], {}, 'urgent', ['RF-FLAG-2']],
    // RF-FLAG-3: redness or swelling still there from 168 h
    ['redness persisting at 167.9 h is past its window, not yet a red flag', 167.9, [['redness_persisting']], {}, 'routine', ['TRI-LATE']],
    ['redness persisting at 168 h', 168, [['redness_persisting']], {}, 'urgent', ['RF-FLAG-3']],
    ['redness at 200 h', 200, [['redness', 'mild']], {}, 'urgent', ['RF-FLAG-3']],
    ['swelling at 7 days', 168, [['swelling', 'mild']], {}, 'urgent', ['RF-FLAG-3']],
    // RF-FLAG-4 and TRI-UNLISTED: new bumps by when they began
    ['new bumps that began at 23 h', 30, [['new_bumps', 'moderate', 23]], {}, 'routine', ['TRI-UNLISTED']],
    ['new bumps that began at 24 h', 100, [['new_bumps', 'moderate', 24]], {}, 'urgent', ['RF-FLAG-4']],
    // RF-FLAG-5 to 7
    ['dark patches', 336, [['dark_patches']], {}, 'urgent', ['RF-FLAG-5']],
    ['grid marks', 72, [['grid_marks']], { modality: 'roller' }, 'urgent', ['RF-FLAG-6']],
    ['swollen nodes', 72, [['swollen_nodes']], {}, 'urgent', ['RF-FLAG-7']],
    // RF-FLAG-8 and 9: emergencies
    ['hives', 3, [['hives', 'mild']], {}, 'emergency', ['RF-FLAG-8']],
    ['facial swelling', 3, [['facial_swelling']], {}, 'emergency', ['RF-FLAG-8']],
    ['trouble breathing', 3, [['trouble_breathing']], {}, 'emergency', ['RF-FLAG-8']],
    ['dizziness', 1, [['dizziness']], {}, 'emergency', ['RF-FLAG-9']],
    ['ringing ears', 1, [['ringing_ears', 'mild']], {}, 'emergency', ['RF-FLAG-9']],
    ['numb lips', 1, [['numb_lips']], {}, 'emergency', ['RF-FLAG-9']],
    ['palpitations', 1, [['palpitations']], {}, 'emergency', ['RF-FLAG-9']],
    ['seizure', 1, [['seizure']], {}, 'emergency', ['RF-FLAG-9']],
    // RF-FLAG-10, whatever the modality
    ['a burn with RF', 24, [['burn']], { modality: 'rf' }, 'urgent', ['RF-FLAG-10']],
    ['dents with RF', 24, [['dents']], { modality: 'rf' }, 'urgent', ['RF-FLAG-10']],
    ['a burn after a pen', 24, [['burn']], {}, 'urgent', ['RF-FLAG-10']],
    ['dents and numbness after a roller', 24, [['dents'], ['numbness']], { modality: 'roller' }, 'urgent', ['RF-FLAG-10']],
    // TRI-SEVERE
    ['severe redness on day 0', 4, [['redness', 'severe']], {}, 'urgent', ['TRI-SEVERE']],
    ['severe pain getting worse before 48 h', 20, [['pain_worse', 'severe']], {}, 'urgent', ['TRI-SEVERE']],
    // TRI-LATE, and the swelling window by area
    ['redness at 72 h is expected', 72, [['redness', 'mild']], {}, 'expected', ['TRI-EXPECTED']],
    ['redness at 72.1 h is past its window', 72.1, [['redness', 'mild']], {}, 'routine', ['TRI-LATE']],
    ['swelling at 60 h after the cheeks', 60, [['swelling', 'mild']], {}, 'routine', ['TRI-LATE']],
    ['swelling at 60 h around the eyes is expected', 60, [['swelling', 'mild']], { areas: ['periorbital', 'cheeks'] }, 'expected', ['TRI-EXPECTED']],
    ['pinpoint bleeding on day 2', 30, [['pinpoint_bleeding', 'mild']], {}, 'routine', ['TRI-LATE']],
    ['flaking on day 8', 190, [['dryness_flaking', 'mild']], {}, 'routine', ['TRI-LATE']],
    ['bruising on day 10 is expected', 240, [['bruising', 'mild']], {}, 'expected', ['TRI-EXPECTED']],
    // TRI-PHOTO
    ['a photo with nothing else', 30, [], { photoAttached: true }, 'routine', ['TRI-PHOTO']],
    // TRI-EXPECTED
    ['no symptoms', 30, [], {}, 'expected', []],
    ['the usual course on day 1', 24, [['redness'], ['tightness', 'mild'], ['warmth', 'mild'], ['pain', 'mild']], {}, 'expected', ['TRI-EXPECTED']],
    ['flaking, scabs and small pimples on day 4', 96, [['dryness_flaking', 'mild'], ['scabbing', 'mild'], ['small_breakouts', 'mild']], {}, 'expected', ['TRI-EXPECTED']],
    // several at once: most urgent first, then the order of the rules
    ['several findings, most urgent first', 72, [['pus'], ['blisters'], ['hives'], ['redness', 'mild']], { photoAttached: true }, 'emergency', ['RF-FLAG-8', 'RF-FLAG-1', 'RF-FLAG-2', 'TRI-PHOTO', 'TRI-EXPECTED']],
  ];

  it.each(cases)('%s', (_name, hours, symptoms, over, urgency, ruleIds) => {
    const r = run(hours, symptoms, over);
    expect(r.urgency).toBe(urgency);
    expect(ids(r)).toEqual(ruleIds);
    expect(r.protocol).toBe('microneedling@2026.12.1');
  });

  it('has a case for every rule of the contract', () => {
    const covered = new Set(cases.flatMap((c) => c[5]));
    expect(TRIAGE_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('counts days as 24 hours each, for the report and the onset', () => {
    const days = triage({ daysSinceTreatment: 2, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'new_bumps', severity: 'mild', onsetDays: 1 }], photoAttached: false });
    expect(days).toEqual(run(48, [['new_bumps', 'mild', 24]]));
  });
});

describe('triage messages', () => {
  it('tells the client to call 911 for an emergency, naming what was reported', () => {
    const hives = run(3, [['hives']]);
    expect(hives.advice).toBe('Call 911 (emergency services) now: you reported signs of a serious allergic reaction (hives, facial swelling or trouble breathing). Do not drive yourself.');
    expect(run(1, [['numb_lips']]).advice).toMatch(/^Call 911 .*numbing cream/);
  });

  it('reminds the client of the aftercare in force when all is expected', () => {
    const r = run(10, [['redness']]);
    expect(r.advice).toMatch(/^What you describe is an expected response/);
    expect(r.advice).toContain('No makeup and no sunscreen for the first 24 hours');
    expect(r.findings[0]!.clientMessage).toBe('Redness is expected at this stage and should settle on its own.');
  });

  it('gives the clinician the symptoms, their severity and onset, the time and the treatment', () => {
    const r = run(52, [['pain_worse', 'moderate', 50]], { areas: ['cheeks', 'chin_jawline'], temperature: { degrees: 38.4, unit: 'C' } });
    expect(r.findings[0]!.clinicianMessage).toBe(
      'Possible bacterial infection: worsening pain (moderate, since hour 50); temperature 38.4 °C (a fever from 38.0 °C). Reported at hour 52 after pen treatment of the cheeks and chin and jawline.',
    );
    expect(r.findings[0]!.sources).toEqual(['S25', 'S13']);
  });

  it('words a late and a severe symptom for the client', () => {
    expect(run(100, [['redness', 'mild'], ['tightness', 'mild']]).findings[0]!.clientMessage).toBe('Redness and tight skin usually settle sooner than this. It is probably nothing serious, but a clinician will take a look.');
    expect(run(5, [['swelling', 'severe']]).findings[0]!.clientMessage).toBe('You rated swelling where you were treated as severe, which is more than the usual reaction to treatment.');
  });
});

describe('triage input', () => {
  it.each([
    ['neither hours nor days', { modality: 'pen', areas: ['cheeks'] }, 'hoursSinceTreatment', 'Give the time since treatment: hoursSinceTreatment or daysSinceTreatment'],
    ['both hours and days', { hoursSinceTreatment: 1, daysSinceTreatment: 1, modality: 'pen', areas: ['cheeks'] }, 'daysSinceTreatment', 'Give the time since treatment once: hoursSinceTreatment or daysSinceTreatment, not both'],
    ['an unknown symptom', { hoursSinceTreatment: 1, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'itch', severity: 'mild', onsetHours: 0 }] }, 'symptoms[0].code', '"itch" is not a symptom Dermis knows; docs/triage.md lists them'],
    ['a missing severity', { hoursSinceTreatment: 1, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'pus', onsetHours: 0 }] }, 'symptoms[0].severity', 'Give the severity: use mild, moderate or severe'],
    ['a missing onset', { hoursSinceTreatment: 1, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'pus', severity: 'mild' }] }, 'symptoms[0].onsetHours', 'Give when it began: onsetHours or onsetDays after treatment'],
    ['an onset after the report', { hoursSinceTreatment: 10, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'pus', severity: 'mild', onsetHours: 11 }] }, 'symptoms[0].onsetHours', 'A symptom cannot begin after the report, 10 hours after treatment'],
    ['a symptom twice', { hoursSinceTreatment: 10, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'pus', severity: 'mild', onsetHours: 1 }, { code: 'pus', severity: 'severe', onsetHours: 2 }] }, 'symptoms[1].code', 'pus is listed twice; list each symptom once'],
    ['no area', { hoursSinceTreatment: 1, modality: 'pen', areas: [] }, 'areas', 'Name at least one treated area'],
    ['an impossible temperature', { hoursSinceTreatment: 1, modality: 'pen', areas: ['cheeks'], temperature: { degrees: 101, unit: 'C' } }, 'temperature.degrees', 'A body temperature is between 30 and 45 °C; check the number and the unit'],
    ['an unknown field', { hoursSinceTreatment: 1, modality: 'pen', areas: ['cheeks'], mood: 'fine' }, '(input)', 'Dermis does not know the field "mood" here'],
  ])('refuses %s, naming the field', (_name, input, path, message) => {
    const r = parseTriageReport(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ path, message });
  });

  it('names the index of a report in an array', () => {
    const r = parseTriageReports([{ hoursSinceTreatment: 1, modality: 'pen', areas: ['cheeks'] }, { hoursSinceTreatment: -1, modality: 'pen', areas: ['cheeks'] }]);
    expect(r).toEqual({ ok: false, errors: [{ path: '[1].hoursSinceTreatment', message: 'The hours since treatment cannot be negative' }] });
  });
});

// any report the contract accepts
const arbReport: fc.Arbitrary<TriageReport> = fc
  .record({
    hours: fc.double({ min: 0, max: 2000, noNaN: true }),
    modality: fc.constantFrom<Modality>(...MODALITIES),
    areas: fc.subarray<Area>([...AREAS], { minLength: 1 }),
    codes: fc.shuffledSubarray<Symptom>([...SYMPTOMS]),
    severities: fc.array(fc.constantFrom<Severity>(...SEVERITIES), { minLength: SYMPTOMS.length, maxLength: SYMPTOMS.length }),
    onsets: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: SYMPTOMS.length, maxLength: SYMPTOMS.length }),
    temperature: fc.option(fc.record({ degrees: fc.double({ min: 35, max: 41, noNaN: true }), unit: fc.constant<'C'>('C') }), { nil: undefined }),
    photoAttached: fc.boolean(),
    note: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  })
  .map((x) => ({
    hoursSinceTreatment: x.hours,
    modality: x.modality,
    areas: x.areas,
    symptoms: x.codes.map((code, i) => ({ code, severity: x.severities[i]!, onsetHours: x.hours * x.onsets[i]! })),
    photoAttached: x.photoAttached,
    ...(x.temperature ? { temperature: x.temperature } : {}),
    ...(x.note !== undefined ? { note: x.note } : {}),
  }));

describe('triage properties', () => {
  it('any report with an emergency sign is triaged emergency', () => {
    fc.assert(
      fc.property(arbReport, fc.constantFrom(...EMERGENCY_SYMPTOMS), fc.constantFrom<Severity>(...SEVERITIES), (r, sign, severity) => {
        const symptoms = [...r.symptoms.filter((s) => s.code !== sign), { code: sign, severity, onsetHours: 0 }];
        const out = triage({ ...r, symptoms });
        expect(out.urgency).toBe('emergency');
        expect(out.advice.startsWith('Call 911 (emergency services) now')).toBe(true);
      }),
    );
  });

  it('adding a symptom never lowers the urgency', () => {
    fc.assert(
      fc.property(arbReport, (r) => {
        fc.pre(r.symptoms.length > 0);
        const fewer = triage({ ...r, symptoms: r.symptoms.slice(1) });
        expect(URGENCY_RANK[triage(r).urgency]).toBeGreaterThanOrEqual(URGENCY_RANK[fewer.urgency]);
      }),
    );
  });

  it('the same input always gives the same output, and the note never decides', () => {
    fc.assert(
      fc.property(arbReport, fc.string({ maxLength: 200 }), (r, other) => {
        const once = triage(r);
        expect(triage(structuredClone(r))).toEqual(once);
        expect(triage({ ...r, note: other })).toEqual(once);
        expect(triage({ ...r, symptoms: [...r.symptoms].reverse() })).toEqual(once);
      }),
    );
  });

  it('every accepted report has the urgency of its most urgent finding, each finding with a rule and sources', () => {
    fc.assert(
      fc.property(arbReport, (r) => {
        expect(parseTriageReport(r).ok).toBe(true);
        const out = triage(r);
        const top = out.findings.reduce((u, f) => Math.max(u, URGENCY_RANK[f.urgency]), 0);
        expect(URGENCY_RANK[out.urgency]).toBe(top);
        for (const f of out.findings) {
          expect(TRIAGE_RULES.some((x) => x.id === f.ruleId)).toBe(true);
          expect(f.sources.length).toBeGreaterThan(0);
          expect(f.clientMessage).toMatch(/^[A-Z].*\.$/);
        }
      }),
    );
  });
});
