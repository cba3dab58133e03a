import { z } from 'zod';
import { isoDateTime, line, text } from '../../../domain/shared/input.js';
import { range } from '../../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { AppError, notFound } from '../../errors.js';
import { loadLocation } from '../../organization/load-location.js';

export const maintenanceInput = z
  .strictObject({ from: isoDateTime(), to: isoDateTime(), reason: text({ min: 0, max: 200 }).default('') })
  .refine((t) => Date.parse(t.to) > Date.parse(t.from), { message: 'must be after from', path: ['to'] });

/** A device cannot be booked while it is being serviced. */
export async function addMaintenance(ctx: Ctx, deviceId: string, input: z.infer<typeof maintenanceInput>) {
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
    modality: z.enum(['roller', 'pen', 'rf']).nullable().default(null),
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

export async function createService(ctx: Ctx, input: z.infer<typeof serviceInput>) {
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
  licenceType: z.enum(['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician']),
  modality: z.enum(['roller', 'pen', 'rf']),
  maxDepthMm: z.number().min(0.1).max(3).nullable().default(null),
  outcome: z.enum(['allowed', 'supervised', 'not_allowed']),
  note: text({ min: 0, max: 500 }).default(''),
});

/** Sets one scope-of-practice rule (medical director or owner); anything without a rule is denied. */
export async function putScopeRule(ctx: Ctx, input: z.infer<typeof scopeRuleInput>) {
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

export async function addRoom(ctx: Ctx, locationId: string, input: z.infer<typeof roomInput>) {
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
  modality: z.enum(['roller', 'pen', 'rf']),
  manufacturer: line({ max: 80 }),
  model: line({ max: 80 }),
  serial: line({ max: 80 }),
});

export async function addDevice(ctx: Ctx, locationId: string, input: z.infer<typeof deviceInput>) {
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
