import { z } from 'zod';
import { isoDateTime, line, text } from '../../../domain/shared/input.js';
import { range } from '../../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError, notFound } from '../../errors.js';
import { loadLocation } from '../../organization/load-location.js';

const modality = z.enum(['roller', 'pen', 'rf']);
const licenceType = z.enum(['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician']);

export const DeviceMaintenance = z
  .object({ id: z.uuid(), from: z.iso.datetime({ offset: true }).describe('ISO date-time, as sent'), to: z.iso.datetime({ offset: true }).describe('ISO date-time, as sent'), reason: z.string() })
  .meta({
    id: 'DeviceMaintenance',
    description: 'A maintenance window: the device cannot be booked during it',
    example: { id: '7c2e4a6b-1d3f-4b5a-9e8c-6f0a2b4d6e8f', from: '2026-12-14T08:00:00Z', to: '2026-12-14T12:00:00Z', reason: 'Annual calibration' },
  });

/** What adding a service answers: its id (the list and the set-up show the whole service). */
export const ServiceCreated = z.object({ id: z.uuid() }).meta({ id: 'ServiceCreated', description: 'The id of the new service', example: { id: '3e5a7c9b-0d2f-4a6c-8e1b-5d7f9a1c3e5b' } });

export const ScopeRule = z
  .object({
    state: z.string().describe('Two-letter US state'),
    licenceType,
    modality,
    maxDepthMm: z.number().nullable().describe('Deepest needle depth allowed, in millimetres; null is no limit'),
    outcome: z.enum(['allowed', 'supervised', 'not_allowed']),
    note: z.string(),
  })
  .meta({
    id: 'ScopeRule',
    description: 'A scope-of-practice rule: what a licence may do with a modality in a state (no rule denies)',
    example: { state: 'TX', licenceType: 'rn', modality: 'pen', maxDepthMm: 1.5, outcome: 'supervised', note: 'Medical director on site' },
  });

export const Room = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'Room', description: 'A treatment room', example: { id: '9a1b3c5d-7e9f-4a2b-8c4d-6e8f0a2b4c6d', name: 'Room 1' } });

export const Device = z
  .object({ id: z.uuid(), modality, manufacturer: z.string(), model: z.string(), serial: z.string() })
  .meta({
    id: 'Device',
    description: 'A microneedling device at a location',
    example: { id: '2b4d6f8a-0c2e-4f6a-8b0d-2f4a6c8e0b2d', modality: 'rf', manufacturer: 'Lutronic', model: 'Genius', serial: 'GN-20931' },
  });

/** What adding a device answers: its id and serial (the set-up shows the whole device). */
export const DeviceCreated = z
  .object({ id: z.uuid(), serial: z.string() })
  .meta({ id: 'DeviceCreated', description: 'The id and serial of the new device', example: { id: '2b4d6f8a-0c2e-4f6a-8b0d-2f4a6c8e0b2d', serial: 'GN-20931' } });

export const maintenanceInput = z
  .strictObject({ from: isoDateTime(), to: isoDateTime(), reason: text({ min: 0, max: 200 }).default('') })
  .refine((t) => Date.parse(t.to) > Date.parse(t.from), { message: 'must be after from', path: ['to'] });

/** A device cannot be booked while it is being serviced. */
export async function addMaintenance(ctx: Ctx, deviceId: string, input: z.infer<typeof maintenanceInput>): Promise<z.output<typeof DeviceMaintenance>> {
  const org = ctx.principal.organizationId;
  const d = await ctx.db.selectFrom('devices').select('id').where('organization_id', '=', org).where('id', '=', deviceId).executeTakeFirst();
  if (!d) throw notFound('device');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('device_maintenance').values({ organization_id: org, device_id: deviceId, during: range(new Date(input.from), new Date(input.to)), reason: input.reason }).returning(['id']).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'device.maintenance.add', entityType: 'device', entityId: deviceId });
    return { id: row.id, ...input };
  });
}

const mins = z.number().int().min(0).max(120);
export const serviceInput = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9_]{2,60}$/, 'lower-case letters, digits and _'),
    name: line({ min: 2, max: 120 }),
    kind: z.enum(['consultation', 'treatment']),
    modality: modality.nullable().default(null),
    areas: z.array(line({ min: 2, max: 40 })).max(15).default([]),
    treatmentMin: z.number().int().min(5).max(480),
    numbingMin: mins.default(0),
    needsRoom: z.boolean().default(true),
    needsDevice: z.boolean().default(false),
    credential: z.string().regex(/^[a-z0-9_]{2,40}$/).nullable().default(null),
    buffers: z
      .strictObject({ providerBefore: mins, providerAfter: mins, roomBefore: mins, roomAfter: mins, deviceBefore: mins, deviceAfter: mins })
      .partial()
      .default({}),
  })
  .refine((s) => (s.kind === 'treatment') === (s.modality !== null), { message: 'a treatment has a modality; a consultation has none', path: ['modality'] })
  .refine((s) => !s.needsDevice || s.modality !== null, { message: 'only a treatment can need a device', path: ['needsDevice'] });

export async function createService(ctx: Ctx, input: z.infer<typeof serviceInput>): Promise<z.output<typeof ServiceCreated>> {
  const org = ctx.principal.organizationId;
  const b = input.buffers;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('services')
        .values({
          organization_id: org, code: input.code, name: input.name, kind: input.kind, modality: input.modality, areas: input.areas, treatment_min: input.treatmentMin, numbing_min: input.numbingMin,
          needs_room: input.needsRoom, needs_device: input.needsDevice, credential: input.credential,
          provider_before_min: b.providerBefore ?? 0, provider_after_min: b.providerAfter ?? 0, room_before_min: b.roomBefore ?? 0, room_after_min: b.roomAfter ?? 0, device_before_min: b.deviceBefore ?? 0, device_after_min: b.deviceAfter ?? 0,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'service.create', entityType: 'service', entityId: row.id, details: { code: input.code } });
      return { id: row.id };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `a service with code ${input.code} exists`, [{ path: 'code', message: 'already used' }]);
    throw e;
  }
}

export const scopeRuleInput = z.strictObject({
  state: z.string().regex(/^[A-Z]{2}$/, 'a two-letter US state'),
  licenceType,
  modality,
  maxDepthMm: z.number().min(0.1).max(3).nullable().default(null),
  outcome: z.enum(['allowed', 'supervised', 'not_allowed']),
  note: text({ min: 0, max: 500 }).default(''),
});

/** Sets one scope-of-practice rule (medical director or owner); anything without a rule is denied. */
export async function putScopeRule(ctx: Ctx, input: z.infer<typeof scopeRuleInput>): Promise<z.output<typeof ScopeRule>> {
  const row = { organization_id: ctx.principal.organizationId, state: input.state, licence_type: input.licenceType, modality: input.modality, max_depth_mm: input.maxDepthMm === null ? null : String(input.maxDepthMm), outcome: input.outcome, note: input.note };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scope_rules')
      .values(row)
      .onConflict((oc) => oc.columns(['organization_id', 'state', 'licence_type', 'modality']).doUpdateSet({ max_depth_mm: row.max_depth_mm, outcome: row.outcome, note: row.note }))
      .execute();
    await recordAudit(trx, ctx, { action: 'scope_rule.set', entityType: 'scope_rule', entityId: `${input.state}:${input.licenceType}:${input.modality}`, details: { outcome: input.outcome } });
  });
  return input;
}

export const roomInput = z.strictObject({ name: line({ max: 80 }) });

export async function addRoom(ctx: Ctx, locationId: string, input: z.infer<typeof roomInput>): Promise<z.output<typeof Room>> {
  const org = ctx.principal.organizationId;
  await loadLocation(ctx.db, org, locationId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('rooms').values({ organization_id: org, location_id: locationId, name: input.name }).returning(['id', 'name']).executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'room.create', entityType: 'room', entityId: row.id });
      return row;
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `a room called ${input.name} exists here`, [{ path: 'name', message: 'already used' }]);
    throw e;
  }
}

export const deviceInput = z.strictObject({
  modality,
  manufacturer: line({ max: 80 }),
  model: line({ max: 80 }),
  serial: line({ max: 80 }),
});

export async function addDevice(ctx: Ctx, locationId: string, input: z.infer<typeof deviceInput>): Promise<z.output<typeof DeviceCreated>> {
  const org = ctx.principal.organizationId;
  await loadLocation(ctx.db, org, locationId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('devices').values({ organization_id: org, location_id: locationId, ...input }).returning(['id', 'serial']).executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'device.create', entityType: 'device', entityId: row.id, details: { serial: input.serial } });
      return row;
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `a device with serial ${input.serial} exists`, [{ path: 'serial', message: 'already used' }]);
    throw e;
  }
}
