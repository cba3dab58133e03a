// Shapes of the clinical API responses the web app reads (plans, quotes, consents, readiness).
export interface Money {
  cents: number;
  currency: string;
}

export interface PlanAreaView {
  area: string;
  depthMm: number;
  check: { status: 'ok' | 'warn' | 'needs_director' | 'refused'; capMm: number; ruleIds: string[]; messages: string[] };
}

export interface TreatmentPlanBody {
  modality: 'roller' | 'pen' | 'rf';
  indication: 'rejuvenation' | 'scars';
  concerns: string[];
  areas: PlanAreaView[];
  excludedAreas: { area: string; reason: string }[];
  sessions: number;
  sessionRange: { min: number; max: number };
  intervalDays: { min: number; max: number };
  startDate: string;
  assessFrom: string;
  downtime: { rednessDays: { min: number; max: number }; flakingDays: { min: number; max: number }; fullRecoveryDays: number };
  numbing: { use: boolean; minutes: number; reason: string | null };
  minutesPerSession: number;
  precautions: { id: string; text: string }[];
  protocolIds: string[];
  outsideCapsIssues?: { path: string; ruleId: string; message: string }[];
  changeReason?: string | null;
}

export interface Quote {
  serviceCode: string;
  serviceName: string;
  sessions: number;
  perSession: Money;
  lines: { label: string; quantity: number; unit: Money; total: Money }[];
  total: Money;
  packages: { packageId: string; name: string; sessions: number; price: Money; extraSessions: number; total: Money; saving: Money; validDays: number }[];
  priceEffectiveFrom: string;
}

export interface PlanView {
  id: string;
  clientId: string;
  locationId: string;
  screeningId: string | null;
  supersedes: string | null;
  status: 'proposed' | 'awaiting_director' | 'active' | 'superseded';
  outsideCaps: boolean;
  plan: TreatmentPlanBody;
  quote: Quote | null;
  createdBy: string;
  directorApprovedBy: string | null;
  createdAt: string;
  clientName?: string;
}

export interface ConsentView {
  id: string;
  kind: 'treatment' | 'photo_clinical' | 'photo_marketing';
  modality: string | null;
  templateId: string;
  templateVersion: string;
  planId: string | null;
  signedName: string;
  signedAt: string;
  signedBy: string;
  ip: string | null;
  documentHash: string;
  status: 'current' | 'withdrawn' | 'outdated';
  withdrawnAt: string | null;
}

export interface ConsentPreview {
  kind: ConsentView['kind'];
  modality: string | null;
  planId: string | null;
  templateId: string;
  templateVersion: string;
  title: string;
  clientName: string;
  text: string;
  documentHash: string;
}

export interface Readiness {
  ready: boolean;
  modality: string;
  date: string;
  checks: { id: string; ok: boolean; message: string }[];
}

export const formatMoney = (m: Money) => new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.cents / 100);

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

export interface Service {
  id: string;
  code: string;
  name: string;
  kind: 'consultation' | 'treatment';
  modality: 'roller' | 'pen' | 'rf' | null;
  durationMin: number;
  needsDevice: boolean;
}

export interface AvailableSlot {
  start: string;
  end: string;
  localDate: string;
  localTime: string;
  providerId: string;
  providerName: string;
  roomId: string | null;
  deviceId: string | null;
}

export interface Availability {
  location: { id: string; name: string; timeZone: string };
  service: { id: string; name: string; kind: string; modality: string | null; durationMin: number };
  providers: { id: string; name: string; title: string; eligible: boolean; supervised: boolean; reason: string | null }[];
  slots: AvailableSlot[];
}

export interface Booking {
  id: string;
  status: 'held' | 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'late_cancelled' | 'no_show';
  start: string;
  end: string;
  localDate: string;
  localTime: string;
  timeZone: string;
  location: { id: string; name: string };
  service: { id: string; name: string; kind: string; modality: string | null };
  client: { id: string; name: string; email: string | null; phone: string | null };
  provider: { id: string; name: string };
  room: { id: string; name: string } | null;
  device: { id: string; model: string; serial: string } | null;
  holdExpiresAt: string | null;
  seriesId: string | null;
  seriesIndex: number | null;
  overrideReason: string | null;
  cancelReason: string | null;
}

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
