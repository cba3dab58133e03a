// Scheduling tables (migration 0003). tstzrange columns are written as text ranges ('[a,b)') and
// read back as text; the services work with instants.
import type { ColumnType, Generated } from 'kysely';
import type { LicenceType, Modality } from './schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type BookingStatus = 'held' | 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'late_cancelled' | 'no_show';
export type ResourceKind = 'provider' | 'room' | 'device';
export type ScopeOutcome = 'allowed' | 'supervised' | 'not_allowed';

export interface LocationSchedulesTable {
  organization_id: string;
  location_id: string;
  weekly: Json;
  grid_min: Generated<number>;
  min_notice_min: Generated<number>;
  horizon_days: Generated<number>;
  hold_min: Generated<number>;
  late_cancel_hours: Generated<number>;
  updated_at: Generated<Date>;
}

export interface LocationClosuresTable {
  organization_id: string;
  location_id: string;
  date: string;
  reason: Generated<string>;
}

export interface ProviderSchedulesTable {
  organization_id: string;
  user_id: string;
  location_id: string;
  weekly: Json;
}

export interface ProviderOverridesTable {
  organization_id: string;
  user_id: string;
  location_id: string;
  date: string;
  ranges: Json;
}

export interface ProviderTimeOffTable {
  organization_id: string;
  id: Generated<string>;
  user_id: string;
  during: string;
  reason: Generated<string>;
}

export interface ProviderCredentialsTable {
  organization_id: string;
  user_id: string;
  credential: string;
  expires_on: string | null;
}

export interface DeviceMaintenanceTable {
  organization_id: string;
  id: Generated<string>;
  device_id: string;
  during: string;
  reason: Generated<string>;
}

export interface ServicesTable {
  organization_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'consultation' | 'treatment';
  modality: Modality | null;
  areas: Generated<string[]>;
  treatment_min: number;
  numbing_min: Generated<number>;
  needs_room: Generated<boolean>;
  needs_device: Generated<boolean>;
  credential: string | null;
  provider_before_min: Generated<number>;
  provider_after_min: Generated<number>;
  room_before_min: Generated<number>;
  room_after_min: Generated<number>;
  device_before_min: Generated<number>;
  device_after_min: Generated<number>;
  active: Generated<boolean>;
}

export interface ScopeRulesTable {
  organization_id: string;
  state: string;
  licence_type: LicenceType;
  modality: Modality;
  max_depth_mm: string | null;
  outcome: ScopeOutcome;
  note: Generated<string>;
}

export interface BookingsTable {
  organization_id: string;
  id: Generated<string>;
  location_id: string;
  client_id: string;
  service_id: string;
  status: BookingStatus;
  starts_at: Timestamp;
  ends_at: Timestamp;
  provider_user_id: string;
  room_id: string | null;
  device_id: string | null;
  hold_expires_at: Timestamp | null;
  idempotency_key: string | null;
  series_id: string | null;
  series_index: number | null;
  plan_id: string | null;
  /** the price line (price_list_items) the plan was quoted from; null when priced by the visit's date */
  price_line_id: string | null;
  override_reason: string | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface BookingResourcesTable {
  organization_id: string;
  booking_id: string;
  resource_kind: ResourceKind;
  resource_id: string;
  during: string;
  active: Generated<boolean>;
}

export interface WaitlistEntriesTable {
  organization_id: string;
  id: Generated<string>;
  client_id: string;
  location_id: string;
  service_id: string;
  provider_user_id: string | null;
  from_date: string;
  to_date: string;
  status: Generated<'waiting' | 'offered' | 'booked' | 'cancelled'>;
  offer_booking_id: string | null;
  offers: Generated<number>;
  queued_at: Generated<Date>;
  created_by: string;
  created_at: CreatedAt;
}

export interface CalendarFeedsTable {
  organization_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
}

export interface MessagePreferencesTable {
  organization_id: string;
  client_id: string;
  email: Generated<boolean>;
  sms: Generated<boolean>;
  quiet_start: Generated<string>;
  quiet_end: Generated<string>;
  updated_at: Generated<Date>;
  /** marketing messages (recall flows other than a series' next session): off until the client says yes */
  marketing: Generated<boolean>;
  marketing_changed_at: Date | null;
  marketing_source: 'portal' | 'desk' | 'unsubscribe_link' | null;
  /** reminders to book a series' next session; the client may stop them with the unsubscribe link */
  care_recalls: Generated<boolean>;
}

export interface SchedulingTables {
  message_preferences: MessagePreferencesTable;
  waitlist_entries: WaitlistEntriesTable;
  calendar_feeds: CalendarFeedsTable;
  location_schedules: LocationSchedulesTable;
  location_closures: LocationClosuresTable;
  provider_schedules: ProviderSchedulesTable;
  provider_overrides: ProviderOverridesTable;
  provider_time_off: ProviderTimeOffTable;
  provider_credentials: ProviderCredentialsTable;
  device_maintenance: DeviceMaintenanceTable;
  services: ServicesTable;
  scope_rules: ScopeRulesTable;
  bookings: BookingsTable;
  booking_resources: BookingResourcesTable;
}
