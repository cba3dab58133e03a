import { z } from 'zod';
import { isoDate, text } from '../../../domain/shared/input.js';
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { recordAudit } from '../../audit/record-audit-event.js';

import { weeklySchema, WeeklyHours } from './schemas.js';
import { loadLocation } from '../../organization/load-location.js';

export const locationScheduleInput = z.strictObject({
  weekly: weeklySchema,
  gridMin: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)]).default(15),
  minNoticeMin: z.number().int().min(0).max(10080).default(120),
  horizonDays: z.number().int().min(1).max(365).default(90),
  holdMin: z.number().int().min(1).max(60).default(10),
  lateCancelHours: z.number().int().min(0).max(168).default(24),
});

/** A location's booking rules, as saved and as shown in the set-up. */
export const LocationSchedule = z
  .object({
    weekly: WeeklyHours,
    gridMin: z.number().int().describe('Slot grid in minutes (5, 10, 15, 20, 30 or 60)'),
    minNoticeMin: z.number().int().describe('Least notice for a booking, in minutes'),
    horizonDays: z.number().int().describe('How many days ahead clients may book'),
    holdMin: z.number().int().describe('How long a held slot is kept, in minutes'),
    lateCancelHours: z.number().int().describe('A cancellation later than this many hours before the start is late'),
  })
  .meta({
    id: 'LocationSchedule',
    description: "A location's opening hours, slot grid, notice, horizon, hold length and late-cancel window",
    example: { weekly: { 1: [{ start: '09:00', end: '17:00' }] }, gridMin: 15, minNoticeMin: 120, horizonDays: 90, holdMin: 10, lateCancelHours: 24 },
  });
export type LocationScheduleView = z.output<typeof LocationSchedule>;

export const LocationClosure = z
  .object({ date: z.iso.date().describe('ISO date YYYY-MM-DD'), reason: z.string() })
  .meta({ id: 'LocationClosure', description: 'A date the location is closed', example: { date: '2026-12-25', reason: 'Christmas Day' } });
export type LocationClosureView = z.output<typeof LocationClosure>;

export const assertLocation = (ctx: Ctx, locationId: string, field?: string) => loadLocation(ctx.db, ctx.principal.organizationId, locationId, field);

/** Opening hours, slot grid, notice, horizon, hold length and the late-cancel window. */
export async function putLocationSchedule(ctx: Ctx, locationId: string, input: z.infer<typeof locationScheduleInput>): Promise<LocationScheduleView> {
  await assertLocation(ctx, locationId);
  const row = {
    organization_id: ctx.principal.organizationId,
    location_id: locationId,
    weekly: JSON.stringify(input.weekly),
    grid_min: input.gridMin,
    min_notice_min: input.minNoticeMin,
    horizon_days: input.horizonDays,
    hold_min: input.holdMin,
    late_cancel_hours: input.lateCancelHours,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('location_schedules')
      .values(row)
      .onConflict((oc) => oc.columns(['organization_id', 'location_id']).doUpdateSet({ ...row, updated_at: sql`now()` }))
      .execute();
    await recordAudit(trx, ctx, { action: 'location.schedule.update', entityType: 'location', entityId: locationId });
  });
  return input;
}

export const closureInput = z.strictObject({ date: isoDate(), reason: text({ min: 0, max: 200 }).default('') });

export async function addClosure(ctx: Ctx, locationId: string, input: z.infer<typeof closureInput>): Promise<LocationClosureView> {
  await assertLocation(ctx, locationId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('location_closures')
      .values({ organization_id: ctx.principal.organizationId, location_id: locationId, date: input.date, reason: input.reason })
      .onConflict((oc) => oc.columns(['organization_id', 'location_id', 'date']).doUpdateSet({ reason: input.reason }))
      .execute();
    await recordAudit(trx, ctx, { action: 'location.closure.add', entityType: 'location', entityId: locationId, details: { date: input.date } });
  });
  return input;
}
