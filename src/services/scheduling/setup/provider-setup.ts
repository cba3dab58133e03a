import { z } from 'zod';
import { isoDate, isoDateTime, text } from '../../../domain/shared/input.js';
import { range } from '../../../db/repositories/scheduling.repository.js';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';
import { invalid, notFound } from '../../errors.js';
import { assertLocation } from './location-setup.js';
import { dayRanges, weeklySchema } from './schemas.js';

async function assertProvider(ctx: Ctx, userId: string) {
  const m = await ctx.db.selectFrom('memberships').select(['role']).where('organization_id', '=', ctx.principal.organizationId).where('user_id', '=', userId).executeTakeFirst();
  if (!m || (m.role !== 'provider' && m.role !== 'medical_director')) throw notFound('provider');
}

export const providerScheduleInput = z.strictObject({ locationId: z.uuid(), weekly: weeklySchema });

/** A provider's weekly hours at a location (they may work at several). */
export async function putProviderSchedule(ctx: Ctx, userId: string, input: z.infer<typeof providerScheduleInput>) {
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
export async function putProviderOverride(ctx: Ctx, userId: string, input: z.infer<typeof overrideDayInput>) {
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

export async function addTimeOff(ctx: Ctx, userId: string, input: z.infer<typeof timeOffInput>) {
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
export async function putCredentials(ctx: Ctx, userId: string, input: z.infer<typeof credentialsInput>) {
  await assertProvider(ctx, userId);
  const org = ctx.principal.organizationId;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('provider_credentials').where('organization_id', '=', org).where('user_id', '=', userId).execute();
    for (const c of input.credentials) await trx.insertInto('provider_credentials').values({ organization_id: org, user_id: userId, credential: c.credential, expires_on: c.expiresOn }).execute();
    await recordAudit(trx, ctx, { action: 'provider.credentials.update', entityType: 'membership', entityId: userId, details: { credentials: input.credentials.map((c) => c.credential) } });
  });
  return input;
}
