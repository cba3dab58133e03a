import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { findBooking, listBookingsBetween, type BookingRecord } from '../../db/repositories/bookings.repository.js';
import { findMembership } from '../../db/repositories/memberships.repository.js';
import { findOrganization } from '../../db/repositories/organizations.repository.js';
import type { Ctx, RequestMeta } from '../context.js';
import { appendAudit, recordAudit } from '../audit/record-audit-event.js';
import { forbidden, notFound } from '../errors.js';
import { loadClientOf } from '../clients/load-client.js';
import { bookingIcs, providerFeedIcs } from './ics.js';

/** The secret feed URL: it is shown once, since only its hash is kept. */
export const CalendarFeed = z
  .object({ url: z.url().describe('Secret iCalendar (.ics) URL of the provider feed') })
  .meta({ id: 'CalendarFeed', description: 'A new provider calendar feed URL', example: { url: 'https://app.example.com/api/calendar/5mKq2vX9bR7tLwP0aZc3nYd8eFh1JgUi.ics' } });

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new secret feed URL for a provider (the old one stops working); only its hash is stored. A
 * provider creates their own; the owner and the medical director (who supervises the clinicians and
 * sets them up) may create one for any clinician.
 */
export async function createCalendarFeed(ctx: Ctx, userId: string, publicUrl: string): Promise<z.output<typeof CalendarFeed>> {
  const supervisor = ctx.principal.role === 'owner' || ctx.principal.role === 'medical_director';
  if (!supervisor && ctx.principal.userId !== userId) throw forbidden('a provider creates their own feed; the owner or the medical director may create any', 'own_feed_only');
  const org = ctx.principal.organizationId;
  const m = await findMembership(ctx.db, org, userId);
  if (!m || (m.role !== 'provider' && m.role !== 'medical_director')) throw notFound('provider');
  const token = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendar_feeds')
      .values({ organization_id: org, user_id: userId, token_hash: hash(token) })
      .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ token_hash: hash(token) }))
      .execute();
    await recordAudit(trx, ctx, { action: 'calendar_feed.create', entityType: 'membership', entityId: userId });
  });
  return { url: `${publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics` };
}

/**
 * The feed behind a secret URL: the provider's bookings from 30 days ago to 90 days ahead. Each read
 * is audited in the provider's name (whoever holds the URL reads as them).
 */
export async function calendarFeed(db: Db, token: string, now: Date, meta: RequestMeta): Promise<string> {
  const feed = await db.selectFrom('calendar_feeds as f').innerJoin('users as u', 'u.id', 'f.user_id').select(['f.organization_id', 'f.user_id', 'u.name']).where('f.token_hash', '=', hash(token)).executeTakeFirst();
  if (!feed) throw notFound('calendar');
  const rows = (await listBookingsBetween(db, feed.organization_id, { start: new Date(now.getTime() - 30 * 86_400_000), end: new Date(now.getTime() + 90 * 86_400_000) })).filter(
    (b: BookingRecord) => b.provider_user_id === feed.user_id && ['confirmed', 'checked_in', 'completed'].includes(b.status),
  );
  await db.transaction().execute((trx) =>
    appendAudit(trx, { organizationId: feed.organization_id, userId: feed.user_id, role: 'calendar_feed', requestId: meta.requestId, ip: meta.ip }, { action: 'calendar_feed.read', entityType: 'membership', entityId: feed.user_id, details: { bookings: rows.length } }, now),
  );
  return providerFeedIcs(feed.name, rows);
}

/** One booking as an .ics file, for the client or staff. */
export async function bookingIcsFile(ctx: Ctx, id: string) {
  const b = await findBooking(ctx.db, ctx.principal.organizationId, id);
  if (!b) throw notFound('booking');
  await loadClientOf(ctx.db, ctx, b.client_id, 'booking');
  const org = await findOrganization(ctx.db, ctx.principal.organizationId);
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'booking.ics', entityType: 'booking', entityId: b.id, clientId: b.client_id }));
  return bookingIcs(b, org?.name ?? 'Dermis');
}
