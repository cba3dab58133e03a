import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRedFlags, SYMPTOM_LABEL, SYMPTOMS } from './red-flags.js';
import type { Symptom } from './red-flags.js';
import type { Modality } from '../screening/engine/contract.js';
import { RED_FLAGS } from '../protocols/microneedling/aftercare.js';

const run = (symptoms: Symptom[], hoursSinceTreatment: number, modality: Modality = 'pen') =>
  evaluateRedFlags({ symptoms }, { hoursSinceTreatment, modality });

const EMERGENCY_SYMPTOMS: Symptom[] = ['hives', 'facial_swelling', 'trouble_breathing', 'dizziness', 'numb_lips', 'palpitations', 'seizure'];

describe('evaluateRedFlags', () => {
  const cases: [string, Symptom[], number, Modality, 'none' | 'urgent' | 'emergency', string[]][] = [
    ['redness worse at 47.9 h is expected', ['redness_worse'], 47.9, 'pen', 'none', []],
    ['redness worse at 48 h', ['redness_worse'], 48, 'pen', 'urgent', ['RF-FLAG-1']],
    ['warmth worse at 47.9 h', ['warmth_worse'], 47.9, 'pen', 'none', []],
    ['warmth worse at 60 h', ['warmth_worse'], 60, 'pen', 'urgent', ['RF-FLAG-1']],
    ['pain worse at 48 h', ['pain_worse'], 48, 'roller', 'urgent', ['RF-FLAG-1']],
    ['pus at any time', ['pus'], 2, 'pen', 'urgent', ['RF-FLAG-1']],
    ['fever at any time', ['fever'], 1, 'pen', 'urgent', ['RF-FLAG-1']],
    ['blisters', ['blisters'], 50, 'pen', 'urgent', ['RF-FLAG-2']],
    ['cold sores', ['cold_sores'], 30, 'pen', 'urgent', ['RF-FLAG-2']],
    ['redness persisting at 167.9 h', ['redness_persisting'], 167.9, 'pen', 'none', []],
    ['redness persisting at 168 h', ['redness_persisting'], 168, 'pen', 'urgent', ['RF-FLAG-3']],
    ['new bumps before 24 h', ['new_bumps'], 23, 'pen', 'none', []],
    ['new bumps after 24 h', ['new_bumps'], 100, 'pen', 'urgent', ['RF-FLAG-4']],
    ['dark patches', ['dark_patches'], 336, 'pen', 'urgent', ['RF-FLAG-5']],
    ['grid marks', ['grid_marks'], 72, 'roller', 'urgent', ['RF-FLAG-6']],
    ['swollen nodes', ['swollen_nodes'], 72, 'pen', 'urgent', ['RF-FLAG-7']],
    ['hives', ['hives'], 3, 'pen', 'emergency', ['RF-FLAG-8']],
    ['facial swelling', ['facial_swelling'], 3, 'pen', 'emergency', ['RF-FLAG-8']],
    ['trouble breathing', ['trouble_breathing'], 3, 'pen', 'emergency', ['RF-FLAG-8']],
    ['dizziness', ['dizziness'], 1, 'pen', 'emergency', ['RF-FLAG-9']],
    ['numb lips', ['numb_lips'], 1, 'pen', 'emergency', ['RF-FLAG-9']],
    ['palpitations', ['palpitations'], 1, 'pen', 'emergency', ['RF-FLAG-9']],
    ['seizure', ['seizure'], 1, 'pen', 'emergency', ['RF-FLAG-9']],
    ['burn with RF', ['burn'], 24, 'rf', 'urgent', ['RF-FLAG-10']],
    ['dents with RF', ['dents'], 24, 'rf', 'urgent', ['RF-FLAG-10']],
    ['numbness with RF', ['numbness'], 24, 'rf', 'urgent', ['RF-FLAG-10']],
    ['burn with pen (unexpected after any needling)', ['burn'], 24, 'pen', 'urgent', ['RF-FLAG-10']],
    ['dents and numbness with roller', ['dents', 'numbness'], 24, 'roller', 'urgent', ['RF-FLAG-10']],
    ['several flags at once', ['pus', 'blisters', 'hives'], 72, 'pen', 'emergency', ['RF-FLAG-1', 'RF-FLAG-2', 'RF-FLAG-8']],
  ];

  it.each(cases)('%s', (_name, symptoms, hours, modality, level, flagIds) => {
    const r = run(symptoms, hours, modality);
    expect(r.level).toBe(level);
    expect(r.flags.map((f) => f.ruleId)).toEqual(flagIds);
  });

  it('flag messages carry the RED_FLAGS symptom and likely cause', () => {
    const [flag] = run(['blisters'], 50).flags;
    const rf = RED_FLAGS.find((f) => f.id === 'RF-FLAG-2');
    expect(flag?.likely).toBe(rf?.likely);
    expect(flag?.message).toContain(rf?.symptom);
    expect(flag?.message.toLowerCase()).toContain(rf?.likely.toLowerCase());
  });

  it('client messages by level', () => {
    const hives = run(['hives'], 3).clientMessage;
    expect(hives.startsWith('Call 911 (emergency services) now')).toBe(true);
    expect(hives).toMatch(/allergic/);
    const lips = run(['numb_lips'], 1).clientMessage;
    expect(lips.startsWith('Call 911 (emergency services) now')).toBe(true);
    expect(lips).toMatch(/numbing cream/);
    expect(run(['pus'], 50).clientMessage.startsWith('We have alerted your provider')).toBe(true);
    const none = run(['redness_worse'], 10).clientMessage;
    expect(none).toMatch(/expected response/);
    expect(none).toMatch(/sunscreen/);
  });

  it('every symptom has a label', () => {
    for (const s of SYMPTOMS) expect(SYMPTOM_LABEL[s].length).toBeGreaterThan(0);
  });

  it('property: any answer set with an emergency symptom is an emergency', () => {
    fc.assert(
      fc.property(
        fc.subarray([...SYMPTOMS]),
        fc.constantFrom(...EMERGENCY_SYMPTOMS),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.constantFrom<Modality>('roller', 'pen', 'rf'),
        (others, emergency, hours, modality) => {
          const r = run([...others, emergency], hours, modality);
          expect(r.level).toBe('emergency');
          expect(r.clientMessage.startsWith('Call 911 (emergency services) now')).toBe(true);
        },
      ),
    );
  });

  it('property: no symptoms means no flags', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.constantFrom<Modality>('roller', 'pen', 'rf'), (hours, modality) => {
        const r = run([], hours, modality);
        expect(r.level).toBe('none');
        expect(r.flags).toEqual([]);
      }),
    );
  });
});
