import { z } from 'zod';
import { isoDate, isoDateTime, text } from '../../../domain/shared/input.js';
import { findMembership } from '../../../db/repositories/memberships.repository.js';
import { range } from '../../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { invalid, notFound } from '../../errors.js';
import { assertLocation } from './location-setup.js';
import { dayRanges, HoursRange, weeklySchema, WeeklyHours } from './schemas.js';

export const ProviderSchedule = z
  .object({ locationId: z.uuid(), weekly: WeeklyHours })
  .meta({
    id: 'ProviderSchedule',
    description: "A provider's weekly hours at one location",
    example: { locationId: '0b7c9a1e-4f3d-4c2a-9e8b-2d6f1a5c7e90', weekly: { 1: [{ start: '09:00', end: '17:00' }] } },
  });

export const ProviderOverride = z
  .object({ locationId: z.uuid(), date: z.iso.date().describe('ISO date YYYY-MM-DD'), ranges: z.array(HoursRange).describe('The hours of that date; empty is a day off') })
  .meta({
    id: 'ProviderOverride',
    description: "One date's hours of a provider at a location, replacing the weekly hours",
    example: { locationId: '0b7c9a1e-4f3d-4c2a-9e8b-2d6f1a5c7e90', date: '2026-12-24', ranges: [{ start: '09:00', end: '13:00' }] },
  });

export const ProviderTimeOff = z
  .object({ id: z.uuid(), from: z.iso.datetime({ offset: true }).describe('ISO date-time, as sent'), to: z.iso.datetime({ offset: true }).describe('ISO date-time, as sent'), reason: z.string() })
  .meta({
    id: 'ProviderTimeOff',
    description: 'A period a provider is away; never offered for booking',
    example: { id: '5a1d3c7e-2b4f-4e6a-8c9d-0f1e2d3c4b5a', from: '2026-12-28T00:00:00Z', to: '2027-01-02T00:00:00Z', reason: 'Holiday' },
  });

export const ProviderCredential = z
  .object({ credential: z.string().describe('A modality credential code, e.g. rf_training'), expiresOn: z.iso.date().nullable().describe('ISO date YYYY-MM-DD; null never expires') })
  .meta({ id: 'ProviderCredential', description: 'One modality credential of a provider', example: { credential: 'rf_training', expiresOn: '2027-06-30' } });

export const ProviderCredentials = z
  .object({ credentials: z.array(ProviderCredential) })
  .meta({ id: 'ProviderCredentials', description: "A provider's modality credentials, as saved", example: { credentials: [{ credential: 'rf_training', expiresOn: '2027-06-30' }] } });

async function assertProvider(ctx: Ctx, userId: string) {
  const m = await findMembership(ctx.db, ctx.principal.organizationId, userId);
  if (!m || (m.role !== 'provider' && m.role !== 'medical_director')) throw notFound('provider');
}

export const providerScheduleInput = z.strictObject({ locationId: z.uuid(), weekly: weeklySchema });

/** A provider's weekly hours at a location (they may work at several). */
export async function putProviderSchedule(ctx: Ctx, userId: string, input: z.infer<typeof providerScheduleInput>): Promise<z.output<typeof ProviderSchedule>> {
  await assertProvider(ctx, userId);
  await assertLocation(ctx, input.locationId, 'locationId');
  const row = { organization_id: ctx.principal.organizationId, user_id: userId, location_id: input.locationId, weekly: JSON.stringify(input.weekly) };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('provider_schedules').values(row).onConflict((oc) => oc.columns(['organization_id', 'user_id', 'location_id']).doUpdateSet({ weekly: row.weekly })).execute();
    await recordAudit(trx, ctx, { action: 'provider.schedule.update', entityType: 'membership', entityId: userId, details: { locationId: input.locationId } });
  });
  return input;
}

export const overrideDayInput = z.strictObject({ locationId: z.uuid(), date: isoDate(), ranges: dayRanges });

/** Replaces one date's hours (an empty list is a day off). */
export async function putProviderOverride(ctx: Ctx, userId: string, input: z.infer<typeof overrideDayInput>): Promise<z.output<typeof ProviderOverride>> {
  await assertProvider(ctx, userId);
  const org = ctx.principal.organizationId;
  const has = await ctx.db.selectFrom('provider_schedules').select('user_id').where('organization_id', '=', org).where('user_id', '=', userId).where('location_id', '=', input.locationId).executeTakeFirst();
  if (!has) throw invalid('locationId', 'the provider has no hours at this location');
  const row = { organization_id: org, user_id: userId, location_id: input.locationId, date: input.date, ranges: JSON.stringify(input.ranges) };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('provider_overrides').values(row).onConflict((oc) => oc.columns(['organization_id', 'user_id', 'location_id', 'date']).doUpdateSet({ ranges: row.ranges })).execute();
    await recordAudit(trx, ctx, { action: 'provider.override.set', entityType: 'membership', entityId: userId, details: { date: input.date } });
  });
  return input;
}

export const timeOffInput = z
  .strictObject({ from: isoDateTime(), to: isoDateTime(), reason: text({ min: 0, max: 200 }).default('') })
  .refine((t) => Date.parse(t.to) > Date.parse(t.from), { message: 'must be after from', path: ['to'] });

export async function addTimeOff(ctx: Ctx, userId: string, input: z.infer<typeof timeOffInput>): Promise<z.output<typeof ProviderTimeOff>> {
  await assertProvider(ctx, userId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('provider_time_off')
      .values({ organization_id: ctx.principal.organizationId, user_id: userId, during: range(new Date(input.from), new Date(input.to)), reason: input.reason })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'provider.time_off.add', entityType: 'membership', entityId: userId });
    return { id: row.id, ...input };
  });
}

export const credentialsInput = z.strictObject({
  credentials: z.array(z.strictObject({ credential: z.string().regex(/^[a-z0-9_]{2,40}$/), expiresOn: isoDate().nullable().default(null) })).max(20),
});

/** Replaces the provider's modality credentials (for example rf_training). */
export async function putCredentials(ctx: Ctx, userId: string, input: z.infer<typeof credentialsInput>): Promise<z.output<typeof ProviderCredentials>> {
  await assertProvider(ctx, userId);
  const org = ctx.principal.organizationId;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('provider_credentials').where('organization_id', '=', org).where('user_id', '=', userId).execute();
    for (const c of input.credentials) await trx.insertInto('provider_credentials').values({ organization_id: org, user_id: userId, credential: c.credential, expires_on: c.expiresOn }).execute();
    await recordAudit(trx, ctx, { action: 'provider.credentials.update', entityType: 'membership', entityId: userId, details: { credentials: input.credentials.map((c) => c.credential) } });
  });
  return input;
}
