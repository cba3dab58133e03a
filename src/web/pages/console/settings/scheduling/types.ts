// Names for the scheduling-setup shapes of the generated contract, shared by every card on the tab.
import type { Schemas } from '../../../../api/client.js';

export type TimeRange = Schemas['HoursRange'];
/** weekly hours by ISO weekday, 1 (Monday) to 7 (Sunday); a missing day is closed */
export type Weekly = Schemas['WeeklyHours'];
export type DayKey = keyof Weekly;

export type LocationSchedule = Schemas['LocationSchedule'];

export type Provider = Schemas['SchedulingSetupProvider'];

export type Credential = Schemas['ProviderCredential'];

export type Service = Schemas['Service'];

export type Buffers = Service['buffers'];

export type ScopeRule = Schemas['ScopeRule'];

export type Outcome = ScopeRule['outcome'];

export type LicenceType = ScopeRule['licenceType'];

export type Modality = ScopeRule['modality'];

export type SchedulingSetup = Schemas['SchedulingSetup'];

/** What every card on the tab receives: the setup, whether this person may edit it, and a way to refetch. */
export interface CardProps {
  setup: SchedulingSetup;
  canEdit: boolean;
  reload: () => void;
}
