// Names for the clinical shapes of the generated contract (plans, quotes, consents, readiness,
// services, slots, bookings) and the labels people read.
import type { Schemas } from './client.js';
export type Money = Quote['total'];

export type PlanAreaView = TreatmentPlanBody['areas'][number];

export type TreatmentPlanBody = Schemas['TreatmentPlanDetails'];

export type Quote = NonNullable<PlanView['quote']>;

export type PlanView = Schemas['TreatmentPlan'];

export type ConsentView = Schemas['Consent'];

export type ConsentPreview = Schemas['ConsentPreview'];

export type Readiness = Schemas['TreatmentReadiness'];

export const formatMoney = (m: Money) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.cents / 100);

export const PLAN_STATUS: Record<PlanView['status'], { label: string; color: string }> = {
  proposed: { label: 'Recommended', color: 'blue' },
  awaiting_director: { label: 'Awaiting medical director', color: 'yellow' },
  active: { label: 'Confirmed by your provider', color: 'teal' },
  superseded: { label: 'Replaced', color: 'gray' },
};

export const CONSENT_KIND: Record<ConsentView['kind'], string> = {
  treatment: 'Treatment consent',
  photo_clinical: 'Photos for my medical record',
  photo_marketing: 'Photos for marketing',
};

export type Service = Schemas['Service'];

export type AvailableSlot = Schemas['Slot'];

export type Availability = Schemas['Availability'];

export type Booking = Schemas['Booking'];

export const BOOKING_STATUS: Record<Booking['status'], { label: string; color: string }> = {
  held: { label: 'Held', color: 'yellow' },
  confirmed: { label: 'Confirmed', color: 'teal' },
  checked_in: { label: 'Checked in', color: 'blue' },
  completed: { label: 'Completed', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  late_cancelled: { label: 'Late cancel', color: 'orange' },
  no_show: { label: 'No-show', color: 'red' },
};

export { prettyDate } from './dates.js';
