// The portal home's one next step, from what the API says about the client.
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client.js';
import { nextStep, type NextStepInput } from './next-step.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const screening = (over: Partial<Schemas['ClientScreening']> = {}) => ({ id: 's1', status: 'current', decision: 'eligible', earliestDate: null, review: null, ...over }) as Schemas['ClientScreening'];
const booking = (kind: 'consultation' | 'treatment', over: Partial<Schemas['Booking']> = {}) =>
  ({ id: `b-${kind}`, status: 'confirmed', start: `${day(3)}T15:00:00.000Z`, end: `${day(3)}T16:00:00.000Z`, localDate: day(3), localTime: '10:00', service: { id: 'svc', name: kind, kind, modality: kind === 'treatment' ? 'pen' : null }, ...over }) as Schemas['Booking'];
const readiness = (consent: boolean, risks = true) =>
  ({ modality: 'pen', date: day(0), ready: consent && risks, checks: [{ id: 'screening', ok: true, message: '' }, { id: 'treatment_consent', ok: consent, message: '' }, { id: 'risk_acknowledgement', ok: risks, message: '' }] }) as Schemas['TreatmentReadiness'];
const base: NextStepInput = { intake: {} as Schemas['Intake'], draft: false, screenings: [screening()], plans: [], upcoming: [], bookings: [], readiness: null, deposits: [], onlinePayments: false };
const step = (over: Partial<NextStepInput>) => nextStep({ ...base, ...over });

describe('the one next step', () => {
  it('starts with the questionnaire, or finishes the one in progress', () => {
    expect(step({ intake: null })).toMatchObject({ id: 'questionnaire', action: { label: 'Start the questionnaire' } });
    expect(step({ intake: null, draft: true })).toMatchObject({ id: 'questionnaire', title: 'Finish your health questionnaire' });
  });

  it('asks for an eligibility check when there is none or it ran out', () => {
    expect(step({ screenings: [] }).id).toBe('eligibility');
    expect(step({ screenings: [screening({ status: 'stale' })] }).id).toBe('eligibility');
  });

  it('sends a client a clinician must see to a consultation, and says when it is booked', () => {
    expect(step({ screenings: [screening({ decision: 'needs_review' })] })).toMatchObject({ id: 'review', action: { to: '/portal/book', label: 'Book a consultation' } });
    expect(step({ screenings: [screening({ decision: 'contraindicated' })] })).toMatchObject({ id: 'consultation', action: { label: 'Book a consultation' } });
    expect(step({ screenings: [screening({ decision: 'needs_review' })], upcoming: [booking('consultation')] })).toMatchObject({ id: 'review', action: null });
    expect(step({ screenings: [screening({ decision: 'deferred', earliestDate: day(60) })] }).id).toBe('wait');
  });

  it('then the plan, the consent, the deposit and the booking, in that order', () => {
    expect(step({}).id).toBe('plan');
    const treatment = booking('treatment');
    expect(step({ upcoming: [treatment], readiness: readiness(false) })).toMatchObject({ id: 'consent', action: { label: 'Sign the consent' } });
    expect(step({ upcoming: [treatment], readiness: readiness(true, false) }).id).toBe('risks');
    const deposit = { bookingId: treatment.id, amountCents: 7000, currency: 'USD', status: 'due', startsAt: treatment.start } as Schemas['Deposit'];
    expect(step({ upcoming: [treatment], readiness: readiness(true), deposits: [deposit], onlinePayments: true })).toMatchObject({ id: 'deposit', action: { kind: 'pay_deposit', label: 'Pay $70.00 now' } });
    expect(step({ upcoming: [treatment], readiness: readiness(true), deposits: [deposit] })).toMatchObject({ id: 'deposit', action: null, title: 'Deposit due at the desk' });
    expect(step({ upcoming: [treatment], readiness: readiness(true) }).id).toBe('all_set');
    const plan = { id: 'p1', status: 'active', plan: { modality: 'pen' } } as Schemas['TreatmentPlan'];
    expect(step({ plans: [plan], readiness: readiness(true) })).toMatchObject({ id: 'book_first', action: { to: '/portal/book' } });
    expect(step({ plans: [plan], readiness: readiness(true), bookings: [booking('treatment', { status: 'completed' })] }).id).toBe('book_next');
  });
});
