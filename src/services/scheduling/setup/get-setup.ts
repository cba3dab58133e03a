import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { listMembersWithHoursAt } from '../../../db/repositories/memberships.repository.js';
import { getLocationSchedule, listClosures, listCredentials, listDevicesAt, listRoomsAt, listScopeRules, listServices } from '../../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../../context.js';
import { assertLocation, LocationClosure, LocationSchedule } from './location-setup.js';
import { ProviderCredential } from './provider-setup.js';
import { Device, Room, ScopeRule } from './resources-setup.js';
import { WeeklyHours, type WeeklyHoursView } from './schemas.js';

const mins = (what: string) => z.number().int().describe(`${what}, in minutes`);

const SERVICE_EXAMPLE = {
  id: '3e5a7c9b-0d2f-4a6c-8e1b-5d7f9a1c3e5b', code: 'rf_face', name: 'RF microneedling, face', kind: 'treatment', modality: 'rf', areas: ['face'],
  treatmentMin: 60, numbingMin: 30, durationMin: 90, needsRoom: true, needsDevice: true, credential: 'rf_training', active: true,
  buffers: { providerBefore: 0, providerAfter: 10, roomBefore: 0, roomAfter: 15, deviceBefore: 0, deviceAfter: 10 },
} as const;

export const Service = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(['consultation', 'treatment']),
    modality: z.enum(['roller', 'pen', 'rf']).nullable().describe('null for a consultation'),
    areas: z.array(z.string()).describe('Treatment areas, e.g. face, neck'),
    treatmentMin: mins('Treatment time'),
    numbingMin: mins('Numbing time before the treatment'),
    durationMin: mins('Numbing plus treatment'),
    needsRoom: z.boolean(),
    needsDevice: z.boolean(),
    credential: z.string().nullable().describe('The modality credential a provider needs, e.g. rf_training'),
    active: z.boolean(),
    buffers: z
      .object({
        providerBefore: mins('Provider buffer before'),
        providerAfter: mins('Provider buffer after'),
        roomBefore: mins('Room buffer before'),
        roomAfter: mins('Room buffer after'),
        deviceBefore: mins('Device buffer before'),
        deviceAfter: mins('Device buffer after'),
      })
      .describe('Time each resource is kept free around the appointment'),
  })
  .meta({
    id: 'Service',
    description: 'A bookable service: a consultation, or a microneedling treatment by modality and areas',
    example: SERVICE_EXAMPLE,
  });
export type ServiceView = z.output<typeof Service>;

export const ServiceList = z
  .object({ items: z.array(Service) })
  .meta({ id: 'ServiceList', description: 'The active bookable services', example: { items: [SERVICE_EXAMPLE] } });

const SetupProvider = z
  .object({
    id: z.string().describe('User id'),
    name: z.string(),
    role: z.enum(['provider', 'medical_director']),
    title: z.string(),
    licence: z
      .object({
        type: z.enum(['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician']),
        number: z.string().nullable(),
        state: z.string().nullable().describe('Two-letter US state'),
        expiresOn: z.iso.date().nullable().describe('ISO date YYYY-MM-DD'),
        expired: z.boolean().describe("true when the expiry date is before today at the location"),
      })
      .nullable()
      .describe('null when no licence is recorded'),
    credentials: z.array(ProviderCredential),
    // null when the provider has no hours at this location
    weekly: z.union([WeeklyHours, z.null()]),
  })
  .meta({
    id: 'SchedulingSetupProvider',
    description: 'A provider or medical director with licence, credentials and hours at the location',
    example: {
      id: 'u_4f2a9c', name: 'Dana Reyes', role: 'provider', title: 'RN', licence: { type: 'rn', number: 'RN123456', state: 'TX', expiresOn: '2027-08-31', expired: false },
      credentials: [{ credential: 'rf_training', expiresOn: '2027-06-30' }], weekly: { 1: [{ start: '09:00', end: '17:00' }] },
    },
  });

export const SchedulingSetup = z
  .object({
    location: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string().describe('IANA time zone'), state: z.string().describe('Two-letter US state') }),
    // null until the location is given hours
    schedule: z.union([LocationSchedule, z.null()]),
    closures: z.array(LocationClosure).describe('Closures from today for a year'),
    providers: z.array(SetupProvider),
    rooms: z.array(Room),
    devices: z.array(Device),
    services: z.array(Service).describe('Every service, active or not'),
    scopeRules: z.array(ScopeRule).describe("The rules of the location's state"),
  })
  .meta({
    id: 'SchedulingSetup',
    description: "A location's hours, closures, providers, rooms, devices, services and scope rules",
    example: {
      location: { id: '0b7c9a1e-4f3d-4c2a-9e8b-2d6f1a5c7e90', name: 'Austin', timeZone: 'America/Chicago', state: 'TX' },
      schedule: { weekly: { 1: [{ start: '09:00', end: '17:00' }] }, gridMin: 15, minNoticeMin: 120, horizonDays: 90, holdMin: 10, lateCancelHours: 24 },
      closures: [{ date: '2026-12-25', reason: 'Christmas Day' }],
      providers: [],
      rooms: [{ id: '9a1b3c5d-7e9f-4a2b-8c4d-6e8f0a2b4c6d', name: 'Room 1' }],
      devices: [],
      services: [],
      scopeRules: [{ state: 'TX', licenceType: 'rn', modality: 'pen', maxDepthMm: 1.5, outcome: 'supervised', note: '' }],
    },
  });
export type SchedulingSetupView = z.output<typeof SchedulingSetup>;

/** Everything the set-up screens show for a location. */
export async function getSchedulingSetup(ctx: Ctx, locationId: string): Promise<SchedulingSetupView> {
  const org = ctx.principal.organizationId;
  const loc = await assertLocation(ctx, locationId);
  const schedule = await getLocationSchedule(ctx.db, org, loc.id);
  const today = Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime()).toZonedDateTimeISO(loc.time_zone).toPlainDate();
  const closures = await listClosures(ctx.db, org, loc.id, today.toString(), today.add({ days: 365 }).toString());
  const members = await listMembersWithHoursAt(ctx.db, org, loc.id, ['provider', 'medical_director']);
  const credentials = await listCredentials(ctx.db, org);
  // weekly hours are JSON columns written only through weeklySchema, so they have its shape
  return {
    location: { id: loc.id, name: loc.name, timeZone: loc.time_zone, state: loc.state },
    schedule: schedule
      ? { weekly: schedule.weekly as WeeklyHoursView, gridMin: schedule.grid_min, minNoticeMin: schedule.min_notice_min, horizonDays: schedule.horizon_days, holdMin: schedule.hold_min, lateCancelHours: schedule.late_cancel_hours }
      : null,
    closures: closures.map((c) => ({ date: c.date, reason: c.reason })),
    providers: members.map((m) => ({
      // the query keeps only these two roles
      id: m.user_id, name: m.name, role: m.role as 'provider' | 'medical_director', title: m.title,
      licence: m.licence_type ? { type: m.licence_type, number: m.licence_number, state: m.licence_state, expiresOn: m.licence_expires_on, expired: m.licence_expires_on !== null && m.licence_expires_on < today.toString() } : null,
      credentials: credentials.filter((c) => c.user_id === m.user_id).map((c) => ({ credential: c.credential, expiresOn: c.expires_on })),
      weekly: (m.weekly as WeeklyHoursView | null) ?? null,
    })),
    rooms: (await listRoomsAt(ctx.db, org, loc.id)).map((r) => ({ id: r.id, name: r.name })),
    devices: (await listDevicesAt(ctx.db, org, loc.id)).map((d) => ({ id: d.id, modality: d.modality, manufacturer: d.manufacturer, model: d.model, serial: d.serial })),
    services: (await listServices(ctx.db, org)).map(serviceView),
    scopeRules: (await listScopeRules(ctx.db, org))
      .filter((r) => r.state === loc.state)
      .map((r) => ({ state: r.state, licenceType: r.licence_type, modality: r.modality, maxDepthMm: r.max_depth_mm === null ? null : Number(r.max_depth_mm), outcome: r.outcome, note: r.note })),
  };
}

export function serviceView(s: Awaited<ReturnType<typeof listServices>>[number]): ServiceView {
  return {
    id: s.id, code: s.code, name: s.name, kind: s.kind, modality: s.modality, areas: s.areas, treatmentMin: s.treatment_min, numbingMin: s.numbing_min,
    durationMin: s.treatment_min + s.numbing_min, needsRoom: s.needs_room, needsDevice: s.needs_device, credential: s.credential, active: s.active,
    buffers: { providerBefore: s.provider_before_min, providerAfter: s.provider_after_min, roomBefore: s.room_before_min, roomAfter: s.room_after_min, deviceBefore: s.device_before_min, deviceAfter: s.device_after_min },
  };
}

export async function listActiveServices(ctx: Ctx): Promise<ServiceView[]> {
  return (await listServices(ctx.db, ctx.principal.organizationId)).filter((s) => s.active).map(serviceView);
}
