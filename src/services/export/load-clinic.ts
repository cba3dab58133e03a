// Reads what a FHIR export holds for one organization, or for one client of it (the FHIR read API
// and $everything use the same rows, so both answer the same resources). The export area reads
// every table by design (src/db/table-owners.ts, READS_EVERYTHING).
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';

type Row<T extends keyof Database> = Selectable<Database[T]>;

export interface StaffRow {
  user_id: string;
  name: string;
  email: string;
  role: string;
  title: string;
  licence_type: string | null;
  licence_number: string | null;
  licence_state: string | null;
  licence_expires_on: string | null;
  active: boolean;
}

export interface BookingRow extends Row<'bookings'> {
  service_name: string;
  service_kind: string;
  service_modality: string | null;
  service_code: string;
}

export interface ClinicRows {
  organization: Row<'organizations'>;
  locations: Row<'locations'>[];
  rooms: Row<'rooms'>[];
  devices: Row<'devices'>[];
  lots: Row<'cartridge_lots'>[];
  staff: StaffRow[];
  clients: Row<'clients'>[];
  bookings: BookingRow[];
  intakes: Row<'intakes'>[];
  screenings: Row<'screenings'>[];
  plans: Row<'treatment_plans'>[];
  consents: Row<'consents'>[];
  /** signed charts, the latest version of each visit's chart */
  charts: Row<'charts'>[];
  chartLots: Row<'chart_lots'>[];
  photos: Row<'photos'>[];
  outcomes: Row<'outcomes'>[];
  adverseEvents: Row<'adverse_events'>[];
  invoices: Row<'invoices'>[];
  invoiceLines: Row<'invoice_lines'>[];
  payments: Row<'payments'>[];
}

/** Everything of one organization, or only what concerns one of its clients when clientId is given. */
export async function loadClinic(db: Db, organizationId: string, clientId?: string): Promise<ClinicRows | null> {
  const organization = await db.selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirst();
  if (!organization) return null;
  const org = organizationId;
  const [locations, rooms, devices, lots, staff, clients] = await Promise.all([
    db.selectFrom('locations').selectAll().where('organization_id', '=', org).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('rooms').selectAll().where('organization_id', '=', org).orderBy('id').execute(),
    db.selectFrom('devices').selectAll().where('organization_id', '=', org).orderBy('id').execute(),
    db.selectFrom('cartridge_lots').selectAll().where('organization_id', '=', org).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.name', 'u.email', 'm.role', 'm.title', 'm.licence_type', 'm.licence_number', 'm.licence_state', 'm.licence_expires_on', 'm.active'])
      .where('m.organization_id', '=', org)
      .where('m.role', '!=', 'client')
      .orderBy('m.created_at')
      .orderBy('m.user_id')
      .execute(),
    db
      .selectFrom('clients')
      .selectAll()
      .where('organization_id', '=', org)
      .$if(clientId !== undefined, (q) => q.where('id', '=', clientId!))
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  // a client's own rows when one is named; the organization's otherwise
  const one = clientId !== undefined;
  const c = clientId!;
  const [bookings, intakes, screenings, plans, consents, allCharts, chartLots, photos, outcomes, adverseEvents, invoices, payments] = await Promise.all([
    db
      .selectFrom('bookings as b')
      .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
      .selectAll('b')
      .select(['s.name as service_name', 's.kind as service_kind', 's.modality as service_modality', 's.code as service_code'])
      .where('b.organization_id', '=', org)
      .$if(one, (q) => q.where('b.client_id', '=', c))
      .orderBy('b.starts_at')
      .orderBy('b.id')
      .execute(),
    db.selectFrom('intakes').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('screenings').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('treatment_plans').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('consents').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('charts').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('chart_lots').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('photos').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('outcomes').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('adverse_events').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('invoices').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
    db.selectFrom('payments').selectAll().where('organization_id', '=', org).$if(one, (q) => q.where('client_id', '=', c)).execute(),
  ]);
  const invoiceIds = new Set(invoices.map((i) => i.id));
  const invoiceLines = invoiceIds.size
    ? (await db.selectFrom('invoice_lines').selectAll().where('organization_id', '=', org).orderBy('invoice_id').orderBy('position').execute()).filter((l) => invoiceIds.has(l.invoice_id))
    : [];
  return {
    organization,
    locations,
    rooms,
    devices,
    lots,
    staff,
    clients,
    bookings,
    intakes: sortBy(intakes, (i) => `${i.client_id}:${String(i.version).padStart(6, '0')}`),
    screenings: sortBy(screenings, (s) => `${iso(s.created_at)}:${s.id}`),
    plans: sortBy(plans, (p) => `${iso(p.created_at)}:${p.id}`),
    consents: sortBy(consents, (c) => `${iso(c.signed_at)}:${c.id}`),
    charts: latestSigned(allCharts),
    chartLots,
    photos: sortBy(photos, (p) => `${iso(p.created_at)}:${p.id}`),
    outcomes: sortBy(outcomes, (o) => `${o.assessed_on}:${o.id}`),
    adverseEvents: sortBy(adverseEvents, (a) => `${a.onset_on}:${a.id}`),
    invoices: sortBy(invoices, (i) => String(i.number).padStart(10, '0')),
    invoiceLines,
    payments: sortBy(payments, (p) => `${iso(p.created_at)}:${p.id}`),
  };
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);
const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** A visit's chart may be amended: the export carries the latest signed version of each. */
function latestSigned(charts: Row<'charts'>[]): Row<'charts'>[] {
  const latest = new Map<string, Row<'charts'>>();
  for (const c of charts) {
    if (c.status !== 'signed') continue;
    const seen = latest.get(c.booking_id);
    if (!seen || seen.version < c.version) latest.set(c.booking_id, c);
  }
  return sortBy([...latest.values()], (c) => `${iso(c.signed_at ?? c.created_at)}:${c.id}`);
}
