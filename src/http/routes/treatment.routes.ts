import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { addLot, listLots, Lot, LotList, LotTrace, lotInput, recallInput, recallLot, traceLot } from '../../services/treatment/lots.js';
import { amendChart, amendChartInput, cosignChart, cosignChartInput, saveChart, signChartInput } from '../../services/treatment/sign-chart.js';
import { BookingChart, Chart, cosignQueue, CosignQueue, getBookingChart } from '../../services/treatment/chart-view.js';
import { acknowledgeAlert, listOpenAlerts, myAftercare } from '../../services/treatment/aftercare.js';
import { Aftercare, AlertAcknowledged, AlertList, SymptomReport, symptomReportInput } from '../../services/treatment/aftercare.schema.js';
import { reportSymptoms } from '../../services/treatment/report-symptoms.js';
import { listOutcomes, Outcome, OutcomeList, outcomeInput, recordOutcome } from '../../services/treatment/outcomes.js';
import { AdverseEvent, adverseEventInput, AdverseEventList, adverseEventsCsv, followUpAdverseEvent, followUpInput, listAdverseEvents, recordAdverseEvent } from '../../services/treatment/adverse-events.js';

const CLINICIANS = ['medical_director', 'provider'] as const;
const conflict = { 409: errorResponses[404] };
const loc = z.object({ locationId: UuidParam('locationId') });
const lot = z.object({ lotId: UuidParam('lotId') });
const booking = z.object({ bookingId: UuidParam('bookingId') });
const chart = z.object({ chartId: UuidParam('chartId') });

const r = {
  addLot: defineRoute(['owner', 'medical_director', 'provider'], { operationId: 'createLot', method: 'post', path: '/api/locations/{locationId}/lots', tags: ['Treatment'], summary: 'Receive a lot of single-use needle cartridges', request: { params: loc, body: jsonBody(lotInput) }, responses: { 201: json(Lot, 'Recorded'), ...conflict, ...errorResponses } }),
  lots: defineRoute(['owner', 'medical_director', 'provider'], { operationId: 'listLocationLots', method: 'get', path: '/api/locations/{locationId}/lots', tags: ['Treatment'], summary: "A location's cartridge lots", request: { params: loc }, responses: { 200: json(LotList, 'Lots'), ...errorResponses } }),
  trace: defineRoute(['owner', 'medical_director'], { operationId: 'traceLot', method: 'get', path: '/api/lots/{lotId}/trace', tags: ['Treatment'], summary: 'Every client a lot was used on', request: { params: lot }, responses: { 200: json(LotTrace, 'Uses'), ...errorResponses } }),
  recall: defineRoute(['owner', 'medical_director'], { operationId: 'recallLot', method: 'post', path: '/api/lots/{lotId}/recall', tags: ['Treatment'], summary: 'Recall a lot: refused from now on; lists every client it touched', request: { params: lot, body: jsonBody(recallInput) }, responses: { 200: json(LotTrace, 'Recalled, with the clients'), ...errorResponses } }),
  chart: defineRoute(CLINICIANS, { operationId: 'getBookingChart', method: 'get', path: '/api/bookings/{bookingId}/chart', tags: ['Treatment'], summary: "A session's chart and its versions", request: { params: booking }, responses: { 200: json(BookingChart, 'Chart'), ...errorResponses } }),
  saveChart: defineRoute(CLINICIANS, { operationId: 'saveBookingChart', method: 'put', path: '/api/bookings/{bookingId}/chart', tags: ['Treatment'], summary: 'Save the chart as a draft, or sign it (checks depths, lots, products, checklist)', request: { params: booking, body: jsonBody(signChartInput) }, responses: { 200: json(Chart, 'Chart'), ...conflict, ...errorResponses } }),
  amend: defineRoute(CLINICIANS, { operationId: 'amendChart', method: 'post', path: '/api/charts/{chartId}/amend', tags: ['Treatment'], summary: 'Amend a signed chart: a new signed version with a reason', request: { params: chart, body: jsonBody(amendChartInput) }, responses: { 201: json(Chart, 'New version'), ...conflict, ...errorResponses } }),
  cosign: defineRoute(['medical_director'], { operationId: 'cosignChart', method: 'post', path: '/api/charts/{chartId}/cosign', tags: ['Treatment'], summary: "Co-sign a supervised provider's chart from the chart page, with a typed signature (the co-signer's full name)", request: { params: chart, body: jsonBody(cosignChartInput.openapi('CosignChartInput')) }, responses: { 200: json(Chart, 'Co-signed'), ...conflict, ...errorResponses } }),
  cosignQueue: defineRoute(['medical_director'], { operationId: 'listChartCosignQueue', method: 'get', path: '/api/charts/cosign-queue', tags: ['Treatment'], summary: 'Charts waiting for a co-signature', responses: { 200: json(CosignQueue, 'Queue'), ...errorResponses } }),
  aftercare: defineRoute([...CLINICIANS, 'client'], { operationId: 'getClientAftercare', method: 'get', path: '/api/clients/{clientId}/aftercare', tags: ['Aftercare'], summary: 'What to do and avoid now, what comes next, and the check-ins', request: { params: z.object({ clientId: UuidParam('clientId') }) }, responses: { 200: json(Aftercare, 'Aftercare'), ...errorResponses } }),
  report: defineRoute([...CLINICIANS, 'client'], { operationId: 'createAftercareSymptomReport', method: 'post', path: '/api/aftercare/{journeyId}/reports', tags: ['Aftercare'], summary: 'A symptom check-in, triaged (docs/triage.md); anything but expected alerts the provider and medical director', request: { params: z.object({ journeyId: UuidParam('journeyId') }), body: jsonBody(symptomReportInput) }, responses: { 201: json(SymptomReport, 'Recorded, with what to do'), ...conflict, ...errorResponses } }),
  alerts: defineRoute(CLINICIANS, { operationId: 'listAftercareAlerts', method: 'get', path: '/api/alerts', tags: ['Aftercare'], summary: 'Open aftercare alerts (emergency, urgent, routine), the most urgent first, then oldest first', responses: { 200: json(AlertList, 'Alerts'), ...errorResponses } }),
  ack: defineRoute(CLINICIANS, { operationId: 'acknowledgeAftercareAlert', method: 'post', path: '/api/alerts/{alertId}/acknowledge', tags: ['Aftercare'], summary: 'Acknowledge an alert after contacting the client', request: { params: z.object({ alertId: UuidParam('alertId') }) }, responses: { 200: json(AlertAcknowledged, 'Acknowledged'), ...conflict, ...errorResponses } }),
  aeCsv: defineRoute(['owner', 'medical_director'], { operationId: 'exportAdverseEventsCsv', method: 'get', path: '/api/adverse-events/export.csv', tags: ['Adverse events'], summary: 'The adverse-event log as CSV', responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses } }),
  aeList: defineRoute(['owner', ...CLINICIANS], { operationId: 'listAdverseEvents', method: 'get', path: '/api/adverse-events', tags: ['Adverse events'], summary: 'Adverse events, newest first, with the catalogue and CTCAE grades', responses: { 200: json(AdverseEventList, 'Events'), ...errorResponses } }),
  aeRecord: defineRoute(CLINICIANS, { operationId: 'createAdverseEvent', method: 'post', path: '/api/adverse-events', tags: ['Adverse events'], summary: 'Record an adverse event (graded, serious flag, relatedness, device and lot)', request: { body: jsonBody(adverseEventInput) }, responses: { 201: json(AdverseEvent, 'Recorded'), ...errorResponses } }),
  aeFollowUp: defineRoute(CLINICIANS, { operationId: 'createAdverseEventFollowUp', method: 'post', path: '/api/adverse-events/{eventId}/follow-ups', tags: ['Adverse events'], summary: 'A follow-up note; resolution and reporting dates', request: { params: z.object({ eventId: UuidParam('eventId') }), body: jsonBody(followUpInput) }, responses: { 201: json(AdverseEvent, 'Updated'), ...errorResponses } }),
  outcomes: defineRoute([...CLINICIANS, 'client'], { operationId: 'listClientOutcomes', method: 'get', path: '/api/clients/{clientId}/outcomes', tags: ['Outcomes'], summary: "A client's outcomes over time (GAIS, satisfaction, Goodman and Baron)", request: { params: z.object({ clientId: UuidParam('clientId') }) }, responses: { 200: json(OutcomeList, 'Outcomes'), ...errorResponses } }),
  recordOutcome: defineRoute([...CLINICIANS, 'client'], { operationId: 'createClientOutcome', method: 'post', path: '/api/clients/{clientId}/outcomes', tags: ['Outcomes'], summary: 'Record an outcome (clients rate their satisfaction; clinicians grade)', request: { params: z.object({ clientId: UuidParam('clientId') }), body: jsonBody(outcomeInput) }, responses: { 201: json(Outcome, 'Recorded'), ...errorResponses } }),
};

export function treatmentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.cosignQueue, async (c) => c.json({ items: await cosignQueue(ctxOf(c)) }, 200));
  app.openapi(r.aeCsv, async (c) => c.body(await adverseEventsCsv(ctxOf(c)), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="adverse-events.csv"', 'cache-control': 'no-store' }));
  app.openapi(r.outcomes, async (c) => c.json({ items: await listOutcomes(ctxOf(c), c.req.valid('param').clientId) }, 200));
  app.openapi(r.recordOutcome, async (c) => c.json(await recordOutcome(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 201));
  app.openapi(r.aeList, async (c) => c.json(await listAdverseEvents(ctxOf(c)), 200));
  app.openapi(r.aeRecord, async (c) => c.json(await recordAdverseEvent(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(r.aeFollowUp, async (c) => c.json(await followUpAdverseEvent(ctxOf(c), c.req.valid('param').eventId, c.req.valid('json')), 201));
  app.openapi(r.addLot, async (c) => c.json(await addLot(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
  app.openapi(r.lots, async (c) => c.json({ items: await listLots(ctxOf(c), c.req.valid('param').locationId) }, 200));
  app.openapi(r.trace, async (c) => c.json(await traceLot(ctxOf(c), c.req.valid('param').lotId), 200));
  app.openapi(r.recall, async (c) => c.json(await recallLot(ctxOf(c), c.req.valid('param').lotId, c.req.valid('json')), 200));
  app.openapi(r.chart, async (c) => c.json(await getBookingChart(ctxOf(c), c.req.valid('param').bookingId), 200));
  app.openapi(r.saveChart, async (c) => c.json(await saveChart(ctxOf(c), c.req.valid('param').bookingId, c.req.valid('json')), 200));
  app.openapi(r.amend, async (c) => c.json(await amendChart(ctxOf(c), c.req.valid('param').chartId, c.req.valid('json')), 201));
  app.openapi(r.cosign, async (c) => c.json(await cosignChart(ctxOf(c), c.req.valid('param').chartId, c.req.valid('json')), 200));
  app.openapi(r.aftercare, async (c) => c.json(await myAftercare(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(r.report, async (c) => c.json(await reportSymptoms(ctxOf(c), c.req.valid('param').journeyId, c.req.valid('json')), 201));
  app.openapi(r.alerts, async (c) => c.json({ items: await listOpenAlerts(ctxOf(c)) }, 200));
  app.openapi(r.ack, async (c) => c.json(await acknowledgeAlert(ctxOf(c), c.req.valid('param').alertId), 200));
}
