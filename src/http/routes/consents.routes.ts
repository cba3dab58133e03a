import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { signConsent, signConsentInput } from '../../services/consent/sign-consent.js';
import { consentForPdf, listClientConsents, previewConsent, previewInput, withdrawClientConsent } from '../../services/consent/consent-records.js';
import { getTreatmentReadiness } from '../../services/clinical/treatment-readiness.js';
import { renderConsentPdf } from '../../adapters/pdf/consent-pdf.js';
import { CalendarDateSchema } from '../../services/clinical/engine.js';
import { Consent, ConsentList, ConsentPreview } from '../../services/consent/consent.schema.js';
import { TreatmentReadiness } from '../../services/clinical/treatment-readiness.schema.js';

const tags = ['Consent'];
const HEALTH = ['medical_director', 'provider', 'client'] as const;
const clientParams = z.object({ clientId: UuidParam('clientId') });
const consentParams = z.object({ consentId: UuidParam('consentId') });

const preview = defineRoute(HEALTH, {
  operationId: 'previewConsent', method: 'get', path: '/api/clients/{clientId}/consents/preview', tags, summary: 'The consent document to sign (treatment per modality or plan; clinical or marketing photos), with its hash',
  request: { params: clientParams, query: previewInput },
  responses: { 200: json(ConsentPreview, 'Document'), ...errorResponses },
});
const sign = defineRoute(HEALTH, {
  operationId: 'signConsent', method: 'post', path: '/api/clients/{clientId}/consents', tags, summary: 'Sign a consent: typed full name and drawn signature; time, IP and document hash are kept',
  request: { params: clientParams, body: jsonBody(signConsentInput.openapi('SignConsent')) },
  responses: { 201: json(Consent, 'Signed consent'), 409: errorResponses[404], ...errorResponses },
});
const list = defineRoute(HEALTH, {
  operationId: 'listClientConsents', method: 'get', path: '/api/clients/{clientId}/consents', tags, summary: "A client's signed consents with status (current, withdrawn, outdated)",
  request: { params: clientParams }, responses: { 200: json(ConsentList, 'Consents'), ...errorResponses },
});
const pdf = defineRoute(HEALTH, {
  operationId: 'downloadConsentPdf', method: 'get', path: '/api/consents/{consentId}/pdf', tags, summary: 'The signed consent as a PDF',
  request: { params: consentParams },
  responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});
const withdraw = defineRoute(HEALTH, {
  operationId: 'withdrawConsent', method: 'post', path: '/api/consents/{consentId}/withdraw', tags, summary: 'Withdraw a consent (marketing-photo consent at any time); stops future use',
  request: { params: consentParams }, responses: { 200: json(Consent, 'Withdrawn'), 409: errorResponses[404], ...errorResponses },
});
const readiness = defineRoute(['owner', 'medical_director', 'provider', 'front_desk', 'client'], {
  operationId: 'getTreatmentReadiness', method: 'get', path: '/api/clients/{clientId}/treatment-readiness', tags: ['Screening'],
  summary: 'May the client be treated with a modality on a date: current clearing screening, signed consent, risks acknowledged',
  request: { params: clientParams, query: z.object({ modality: z.enum(['roller', 'pen', 'rf']), date: CalendarDateSchema.optional() }) },
  responses: { 200: json(TreatmentReadiness, 'Checks'), ...errorResponses },
});

export function consentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(preview, async (c) => c.json(await previewConsent(ctxOf(c), c.req.valid('param').clientId, c.req.valid('query')), 200));
  app.openapi(sign, async (c) => c.json(await signConsent(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 201));
  app.openapi(list, async (c) => c.json({ items: await listClientConsents(ctxOf(c), c.req.valid('param').clientId) }, 200));
  app.openapi(pdf, async (c) => {
    const doc = await consentForPdf(ctxOf(c), c.req.valid('param').consentId);
    const bytes = await renderConsentPdf(doc);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${doc.fileName}"`, 'cache-control': 'no-store' });
  });
  app.openapi(withdraw, async (c) => c.json(await withdrawClientConsent(ctxOf(c), c.req.valid('param').consentId), 200));
  app.openapi(readiness, async (c) => {
    const q = c.req.valid('query');
    return c.json(await getTreatmentReadiness(ctxOf(c), c.req.valid('param').clientId, q.modality, q.date), 200);
  });
}
