// Which area of src/services owns each table: the rule of where SQL lives (docs/architecture.md,
// "Where queries live") is checked against this map by tests/architecture/query-placement.test.ts.
// A new table gets an owner here, or that test fails.
export const TABLE_OWNERS = {
  organization: ['organizations', 'locations', 'memberships', 'invitations', 'clinic_signups'],
  auth: ['users', 'sessions', 'accounts', 'verifications', 'two_factors', 'sign_in_failures', 'client_signups', 'address_rate_limits', 'auth_rate_limits'],
  clients: ['clients', 'clinical_notes'],
  audit: ['audit_events', 'audit_heads', 'access_refusals'],
  outbox: ['outbox_messages', 'message_preferences', 'jobs'],
  clinical: ['clinical_settings', 'intakes', 'intake_drafts', 'screenings', 'screening_reviews'],
  pricing: ['price_list_items', 'packages'],
  plans: ['treatment_plans'],
  consent: ['risk_acknowledgements', 'consents', 'consent_handoffs'],
  scheduling: [
    'rooms', 'devices', 'location_schedules', 'location_closures', 'provider_schedules', 'provider_overrides', 'provider_time_off',
    'provider_credentials', 'device_maintenance', 'scope_rules', 'services', 'bookings', 'booking_resources', 'waitlist_entries', 'calendar_feeds',
  ],
  treatment: ['charts', 'chart_lots', 'cartridge_lots', 'aftercare_journeys', 'aftercare_check_ins', 'clinical_alerts', 'adverse_events', 'adverse_event_notes', 'outcomes', 'photos'],
  billing: ['billing_policies', 'booking_deposits', 'service_deposits', 'invoices', 'invoice_lines', 'payments', 'package_purchases', 'package_draws', 'client_payment_profiles', 'booking_policy_acceptances', 'gift_cards', 'gift_card_entries',
    'membership_plans', 'client_memberships', 'membership_credits', 'membership_charges'],
  reviews: ['reviews', 'provider_profiles'],
  backups: ['backup_runs'],
  export: ['data_exports'],
  webhooks: ['webhook_endpoints', 'webhook_deliveries'],
  import: ['csv_imports', 'csv_import_rows'],
  recall: ['recall_flows', 'recall_sends'],
} as const;

export type Area = keyof typeof TABLE_OWNERS;

/** Areas that read every table by design: reports are read models; the seeder writes the demo clinic; the export takes everything out. */
export const READS_EVERYTHING: readonly string[] = ['reports', 'seed', 'export'];

export const ownerOf = (table: string): Area | undefined =>
  (Object.keys(TABLE_OWNERS) as Area[]).find((area) => (TABLE_OWNERS[area] as readonly string[]).includes(table));
