import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf, metaOf } from '../context.js';
import { errorResponses, json, jsonBody, TextParam, UuidParam } from '../schemas/common.schema.js';
import { joinWaitlist, joinWaitlistInput, leaveWaitlist, listWaitlist, WaitlistEntry, WaitlistEntryList } from '../../services/scheduling/waitlist/waitlist-entries.js';
import { bookingIcsFile, CalendarFeed, calendarFeed, createCalendarFeed } from '../../services/scheduling/calendar-feed.js';

const STAFF = ['owner', 'medical_director', 'provider', 'front_desk'] as const;
const ics = { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses };

const join = defineRoute([...STAFF, 'client'], {
  operationId: 'joinWaitlist', method: 'post', path: '/api/waitlist', tags: ['Waitlist'], summary: 'Wait for a service over a range of days; a freed matching time is offered with an expiring hold',
  request: { body: jsonBody(joinWaitlistInput) }, responses: { 201: json(WaitlistEntry, 'On the waitlist'), 409: errorResponses[404], ...errorResponses },
});
const list = defineRoute(STAFF, {
  operationId: 'listLocationWaitlist', method: 'get', path: '/api/waitlist', tags: ['Waitlist'], summary: "A location's waitlist in queue order",
  request: { query: z.object({ locationId: z.uuid() }) }, responses: { 200: json(WaitlistEntryList, 'Entries'), ...errorResponses },
});
const mine = defineRoute([...STAFF, 'client'], {
  operationId: 'listClientWaitlist', method: 'get', path: '/api/clients/{clientId}/waitlist', tags: ['Waitlist'], summary: "A client's open waitlist entries",
  request: { params: z.object({ clientId: UuidParam('clientId') }) }, responses: { 200: json(WaitlistEntryList, 'Entries'), ...errorResponses },
});
const leave = defineRoute([...STAFF, 'client'], {
  operationId: 'leaveWaitlist', method: 'post', path: '/api/waitlist/{entryId}/cancel', tags: ['Waitlist'], summary: 'Leave the waitlist',
  request: { params: z.object({ entryId: UuidParam('entryId') }) }, responses: { 200: json(WaitlistEntry, 'Left'), 409: errorResponses[404], ...errorResponses },
});
const bookingIcs = defineRoute('signed_in', {
  operationId: 'getBookingIcs', method: 'get', path: '/api/bookings/{bookingId}/ics', tags: ['Bookings'], summary: 'The booking as an .ics file', request: { params: z.object({ bookingId: UuidParam('bookingId') }) }, responses: ics,
});
const feed = defineRoute(['owner', 'medical_director', 'provider'], {
  operationId: 'createCalendarFeed', method: 'post', path: '/api/providers/{userId}/calendar-feed', tags: ['Bookings'], summary: "A new secret iCalendar feed URL for a provider's bookings (replaces the old one): their own, or any clinician's for the owner and the medical director",
  request: { params: z.object({ userId: TextParam('userId', 64) }) }, responses: { 201: json(CalendarFeed, 'Feed URL, shown once'), ...errorResponses },
});
const feedFile = defineRoute('public', {
  operationId: 'getCalendarFeedFile', method: 'get', path: '/api/calendar/{file}', tags: ['Bookings'], summary: 'A provider feed at its secret URL (token.ics)',
  request: { params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/, 'a feed file name').openapi({ param: { name: 'file', in: 'path' } }) }) }, responses: ics,
});

export function waitlistRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(join, async (c) => c.json(await joinWaitlist(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(list, async (c) => c.json({ items: await listWaitlist(ctxOf(c), { locationId: c.req.valid('query').locationId }) }, 200));
  app.openapi(mine, async (c) => c.json({ items: await listWaitlist(ctxOf(c), { clientId: c.req.valid('param').clientId }) }, 200));
  app.openapi(leave, async (c) => c.json(await leaveWaitlist(ctxOf(c), c.req.valid('param').entryId), 200));
  app.openapi(bookingIcs, async (c) => c.body(await bookingIcsFile(ctxOf(c), c.req.valid('param').bookingId), 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="appointment.ics"', 'cache-control': 'no-store' }));
  app.openapi(feed, async (c) => c.json(await createCalendarFeed(ctxOf(c), c.req.valid('param').userId, c.get('deps').publicUrl), 201));
  app.openapi(feedFile, async (c) => {
    const token = c.req.valid('param').file.replace(/\.ics$/, '');
    return c.body(await calendarFeed(c.get('deps').db, token, c.get('deps').now(), metaOf(c)), 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store' });
  });
}
