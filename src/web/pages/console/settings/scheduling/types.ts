// The shapes the scheduling-setup API returns; shared by every card on the tab.

export interface TimeRange {
  start: string;
  end: string;
}
export type Weekly = Partial<Record<string, TimeRange[]>>;

export interface LocationSchedule {
  weekly: Weekly;
  gridMin: number;
  minNoticeMin: number;
  horizonDays: number;
  holdMin: number;
  lateCancelHours: number;
}

export interface Provider {
  id: string;
  name: string;
  role: string;
  title: string;
  licence: null | {
    type: string;
    number: string | null;
    state: string | null;
    expiresOn: string | null;
    expired: boolean;
  };
  credentials: Credential[];
  weekly: Weekly | null;
}

export interface Credential {
  credential: string;
  expiresOn: string | null;
}

export interface Buffers {
  providerBefore: number;
  providerAfter: number;
  roomBefore: number;
  roomAfter: number;
  deviceBefore: number;
  deviceAfter: number;
}

export interface Service {
  id: string;
  code: string;
  name: string;
  kind: 'consultation' | 'treatment';
  modality: string | null;
  durationMin: number;
  treatmentMin: number;
  numbingMin: number;
  needsRoom: boolean;
  needsDevice: boolean;
  credential: string | null;
  buffers: Buffers;
}

export type Outcome = 'allowed' | 'supervised' | 'not_allowed';

export interface ScopeRule {
  state: string;
  licenceType: string;
  modality: string;
  maxDepthMm: number | null;
  outcome: Outcome;
  note: string;
}

export interface SchedulingSetup {
  location: { id: string; name: string; timeZone: string; state: string };
  schedule: LocationSchedule | null;
  closures: { date: string; reason: string }[];
  providers: Provider[];
  rooms: { id: string; name: string }[];
  devices: { id: string; modality: string; manufacturer: string; model: string; serial: string }[];
  services: Service[];
  scopeRules: ScopeRule[];
}

/** What every card on the tab receives: the setup, whether this person may edit it, and a way to refetch. */
export interface CardProps {
  setup: SchedulingSetup;
  canEdit: boolean;
  reload: () => void;
}
