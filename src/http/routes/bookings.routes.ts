import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { busyResponse, errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { availabilityQuery, findAvailability } from '../../services/scheduling/find-availability.js';
import { Availability } from '../../services/scheduling/availability.schema.js';
import { placeBooking, placeBookingInput } from '../../services/scheduling/place-booking.js';
import { bookSeries, bookSeriesInput, planSeriesSlots, SeriesBooking, SeriesProposal, seriesPlanInput } from '../../services/scheduling/book-series.js';
import { cancelBooking, cancelInput, checkIn, checkInInput, confirmHold, markNoShow, rescheduleBooking, rescheduleInput } from '../../services/scheduling/manage-booking.js';
import { calendarQuery, getBooking, listBookingsOfClient, listCalendar } from '../../services/scheduling/list-bookings.js';
import { Booking, BookingList } from '../../services/scheduling/booking-view.js';
import { getBookingOptions } from '../../services/scheduling/booking-options.js';
import { BookingOptions } from '../../services/scheduling/booking-window.schema.js';
import { undoBookingChange } from '../../services/scheduling/undo-booking.js';

const tags = ['Bookings'];
const STAFF = ['owner', 'medical_director', 'provider', 'front_desk'] as const;
const locParams = z.object({ locationId: UuidParam('locationId') });
const idParams = z.object({ bookingId: UuidParam('bookingId') });
const conflict = { 409: errorResponses[404] };
/** writes that place or move resource rows (a rare deadlock that outlasts the retries answers 503) */
const writeConflict = { ...conflict, ...busyResponse };

const availability = defineRoute('signed_in', {
  operationId: 'findAvailability', method: 'get', path: '/api/locations/{locationId}/availability', tags, summary: 'Bookable start times for a service over local dates (only what is really free)',
  request: { params: locParams, query: availabilityQuery }, responses: { 200: json(Availability, 'Slots'), ...conflict, ...errorResponses },
});
const seriesPlan = defineRoute('signed_in', {
  operationId: 'planBookingSeries', method: 'post', path: '/api/locations/{locationId}/series-plan', tags, summary: 'One slot per session of a series, each inside its interval window',
  request: { params: locParams, body: jsonBody(seriesPlanInput) }, responses: { 200: json(SeriesProposal, 'Proposed sessions'), ...conflict, ...errorResponses },
});
const book = defineRoute('signed_in', {
  operationId: 'createBooking', method: 'post', path: '/api/bookings', tags, summary: 'Book (or hold) a slot: all resources in one transaction; overlaps are impossible; idempotent by key',
  request: { body: jsonBody(placeBookingInput) }, responses: { 201: json(Booking, 'Booked'), 200: json(Booking, 'The same request again: the first booking'), ...writeConflict, ...errorResponses },
});
const bookManySessions = defineRoute('signed_in', {
  operationId: 'createBookingSeries', method: 'post', path: '/api/bookings/series', tags, summary: 'Book every session of a series, or none',
  request: { body: jsonBody(bookSeriesInput) }, responses: { 201: json(SeriesBooking, 'Booked series'), 200: json(SeriesBooking, 'The same request again: the first series'), ...writeConflict, ...errorResponses },
});
const calendar = defineRoute(STAFF, {
  operationId: 'listCalendarBookings', method: 'get', path: '/api/bookings', tags, summary: 'The calendar: bookings at a location over local dates',
  request: { query: calendarQuery }, responses: { 200: json(BookingList, 'Bookings'), ...errorResponses },
});
const read = defineRoute('signed_in', { operationId: 'getBooking', method: 'get', path: '/api/bookings/{bookingId}', tags, summary: 'One booking', request: { params: idParams }, responses: { 200: json(Booking, 'Booking'), ...errorResponses } });
const ofClient = defineRoute([...STAFF, 'client'], {
  operationId: 'listClientBookings', method: 'get', path: '/api/clients/{clientId}/bookings', tags, summary: "A client's bookings, newest first",
  request: { params: z.object({ clientId: UuidParam('clientId') }) }, responses: { 200: json(BookingList, 'Bookings'), ...errorResponses },
});
const options = defineRoute([...STAFF, 'client'], {
  operationId: 'getBookingOptions', method: 'get', path: '/api/clients/{clientId}/booking-options', tags, summary: 'For each service at a location: the dates the client may book, or why not yet and the next step',
  request: { params: z.object({ clientId: UuidParam('clientId') }), query: z.object({ locationId: z.uuid() }) }, responses: { 200: json(BookingOptions, 'Options'), ...conflict, ...errorResponses },
});
const confirm = defineRoute('signed_in', { operationId: 'confirmBooking', method: 'post', path: '/api/bookings/{bookingId}/confirm', tags, summary: 'Confirm a held slot before the hold expires', request: { params: idParams }, responses: { 200: json(Booking, 'Confirmed'), ...conflict, ...errorResponses } });
const cancel = defineRoute('signed_in', { operationId: 'cancelBooking', method: 'post', path: '/api/bookings/{bookingId}/cancel', tags, summary: "Cancel (within the location's late-cancel window it is a late cancel)", request: { params: idParams, body: jsonBody(cancelInput) }, responses: { 200: json(Booking, 'Cancelled'), ...conflict, ...errorResponses } });
const reschedule = defineRoute('signed_in', { operationId: 'rescheduleBooking', method: 'post', path: '/api/bookings/{bookingId}/reschedule', tags, summary: 'Move a booking to another free time', request: { params: idParams, body: jsonBody(rescheduleInput) }, responses: { 200: json(Booking, 'Moved'), ...writeConflict, ...errorResponses } });
const checkInRoute = defineRoute(STAFF, { operationId: 'checkInBooking', method: 'post', path: '/api/bookings/{bookingId}/check-in', tags, summary: 'Check in: a treatment needs a clearing screening, signed consent and acknowledged risks', request: { params: idParams, body: jsonBody(checkInInput) }, responses: { 200: json(Booking, 'Checked in'), ...conflict, ...errorResponses } });
const noShow = defineRoute(STAFF, { operationId: 'markBookingNoShow', method: 'post', path: '/api/bookings/{bookingId}/no-show', tags, summary: 'Mark a no-show after the start time', request: { params: idParams }, responses: { 200: json(Booking, 'Marked'), ...conflict, ...errorResponses } });
const undo = defineRoute(STAFF, { operationId: 'undoBookingChange', method: 'post', path: '/api/bookings/{bookingId}/undo', tags, summary: 'Undo the booking or move the caller made moments ago (made with undoable): no fee, no message to the client', request: { params: idParams }, responses: { 200: json(Booking, 'Undone'), ...writeConflict, ...errorResponses } });

export function bookingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(availability, async (c) => c.json(await findAvailability(ctxOf(c), c.req.valid('param').locationId, c.req.valid('query')), 200));
  app.openapi(seriesPlan, async (c) => c.json(await planSeriesSlots(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 200));
  // the fixed /series path before /{bookingId} routes of the same shape
  app.openapi(bookManySessions, async (c) => {
    const r = await bookSeries(ctxOf(c), c.req.valid('json'));
    return c.json(r, r.replayed ? 200 : 201);
  });
  app.openapi(book, async (c) => {
    const r = await placeBooking(ctxOf(c), c.req.valid('json'));
    return c.json(r.booking, r.replayed ? 200 : 201);
  });
  app.openapi(calendar, async (c) => c.json({ items: await listCalendar(ctxOf(c), c.req.valid('query')) }, 200));
  app.openapi(read, async (c) => c.json(await getBooking(ctxOf(c), c.req.valid('param').bookingId), 200));
  app.openapi(ofClient, async (c) => c.json({ items: await listBookingsOfClient(ctxOf(c), c.req.valid('param').clientId) }, 200));
  app.openapi(options, async (c) => c.json(await getBookingOptions(ctxOf(c), c.req.valid('param').clientId, c.req.valid('query').locationId), 200));
  app.openapi(confirm, async (c) => c.json(await confirmHold(ctxOf(c), c.req.valid('param').bookingId), 200));
  app.openapi(cancel, async (c) => c.json(await cancelBooking(ctxOf(c), c.req.valid('param').bookingId, c.req.valid('json')), 200));
  app.openapi(reschedule, async (c) => c.json(await rescheduleBooking(ctxOf(c), c.req.valid('param').bookingId, c.req.valid('json')), 200));
  app.openapi(checkInRoute, async (c) => c.json(await checkIn(ctxOf(c), c.req.valid('param').bookingId, c.req.valid('json')), 200));
  app.openapi(noShow, async (c) => c.json(await markNoShow(ctxOf(c), c.req.valid('param').bookingId), 200));
  app.openapi(undo, async (c) => c.json(await undoBookingChange(ctxOf(c), c.req.valid('param').bookingId), 200));
}
