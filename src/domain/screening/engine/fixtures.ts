// Test builders for screening requests (used by tests only).
import type { Intake, Plan, ScreeningRequest } from './contract.js';

export const baseIntake = (over: Partial<Intake> = {}): Intake => ({
  answeredOn: '2026-11-01',
  dateOfBirth: '1990-05-15',
  pregnant: false,
  breastfeeding: false,
  conditions: [],
  medications: [],
  procedures: [],
  implants: [],
  allergies: [],
  clearances: [],
  concerns: [],
  ...over,
});

export const basePlan = (over: Partial<Plan> = {}): Plan => ({ modality: 'pen', areas: ['forehead', 'cheeks'], date: '2026-12-01', ...over });

export const req = (intake: Partial<Intake> = {}, plan: Partial<Plan> = {}): ScreeningRequest => ({ intake: baseIntake(intake), plan: basePlan(plan) });
