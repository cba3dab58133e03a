import { Temporal } from 'temporal-polyfill';
import { getLocationSchedule, listClosures, listCredentials, listDevicesAt, listRoomsAt, listScopeRules, listServices } from '../../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../../context.js';
import { assertLocation } from './location-setup.js';

/** Everything the set-up screens show for a location. */
export async function getSchedulingSetup(ctx: Ctx, locationId: string) {
  const org = ctx.principal.organizationId;
  const loc = await assertLocation(ctx, locationId);
  const schedule = await getLocationSchedule(ctx.db, org, loc.id);
  const today = Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime()).toZonedDateTimeISO(loc.time_zone).toPlainDate();
  const closures = await listClosures(ctx.db, org, loc.id, today.toString(), today.add({ days: 365 }).toString());
  const members = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('provider_schedules as ps', (j) => j.onRef('ps.organization_id', '=', 'm.organization_id').onRef('ps.user_id', '=', 'm.user_id').on('ps.location_id', '=', loc.id))
    .select(['m.user_id', 'u.name', 'm.role', 'm.title', 'm.licence_type', 'm.licence_number', 'm.licence_state', 'm.licence_expires_on', 'ps.weekly'])
    .where('m.organization_id', '=', org)
    .where('m.role', 'in', ['provider', 'medical_director'])
    .where('m.active', '=', true)
    .orderBy('u.name')
    .execute();
  const credentials = await listCredentials(ctx.db, org);
  return {
    location: { id: loc.id, name: loc.name, timeZone: loc.time_zone, state: loc.state },
    schedule: schedule
      ? { weekly: schedule.weekly, gridMin: schedule.grid_min, minNoticeMin: schedule.min_notice_min, horizonDays: schedule.horizon_days, holdMin: schedule.hold_min, lateCancelHours: schedule.late_cancel_hours }
      : null,
    closures: closures.map((c) => ({ date: c.date, reason: c.reason })),
    providers: members.map((m) => ({
      id: m.user_id, name: m.name, role: m.role, title: m.title,
      licence: m.licence_type ? { type: m.licence_type, number: m.licence_number, state: m.licence_state, expiresOn: m.licence_expires_on, expired: m.licence_expires_on !== null && m.licence_expires_on < today.toString() } : null,
      credentials: credentials.filter((c) => c.user_id === m.user_id).map((c) => ({ credential: c.credential, expiresOn: c.expires_on })),
      weekly: m.weekly ?? null,
    })),
    rooms: (await listRoomsAt(ctx.db, org, loc.id)).map((r) => ({ id: r.id, name: r.name })),
    devices: (await listDevicesAt(ctx.db, org, loc.id)).map((d) => ({ id: d.id, modality: d.modality, manufacturer: d.manufacturer, model: d.model, serial: d.serial })),
    services: (await listServices(ctx.db, org)).map(serviceView),
    scopeRules: (await listScopeRules(ctx.db, org))
      .filter((r) => r.state === loc.state)
      .map((r) => ({ state: r.state, licenceType: r.licence_type, modality: r.modality, maxDepthMm: r.max_depth_mm === null ? null : Number(r.max_depth_mm), outcome: r.outcome, note: r.note })),
  };
}

export function serviceView(s: Awaited<ReturnType<typeof listServices>>[number]) {
  return {
    id: s.id, code: s.code, name: s.name, kind: s.kind, modality: s.modality, areas: s.areas, treatmentMin: s.treatment_min, numbingMin: s.numbing_min,
    durationMin: s.treatment_min + s.numbing_min, needsRoom: s.needs_room, needsDevice: s.needs_device, credential: s.credential, active: s.active,
    buffers: { providerBefore: s.provider_before_min, providerAfter: s.provider_after_min, roomBefore: s.room_before_min, roomAfter: s.room_after_min, deviceBefore: s.device_before_min, deviceAfter: s.device_after_min },
  };
}

export async function listActiveServices(ctx: Ctx) {
  return (await listServices(ctx.db, ctx.principal.organizationId)).filter((s) => s.active).map(serviceView);
}
