import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { discardIntakeDraft, draftInput, getIntakeDraft, saveIntakeDraft } from '../../services/clinical/intake/intake-drafts.js';
import { submitIntake } from '../../services/clinical/intake/submit-intake.js';
import { readIntake, readLatestIntake } from '../../services/clinical/intake/read-intake.js';
import { IntakeSchema } from '../../services/clinical/engine.js';
import { Intake, IntakeDraft, IntakeDraftSaved, IntakeRecorded, IntakeV1 } from '../../services/clinical/intake/intake.schema.js';

const tags = ['Health questionnaire'];
const HEALTH = ['medical_director', 'provider', 'client'] as const;
const params = z.object({ clientId: UuidParam('clientId') });

const getDraft = defineRoute(HEALTH, {
  operationId: 'getIntakeDraft', method: 'get', path: '/api/clients/{clientId}/intake/draft', tags, summary: 'The questionnaire in progress (saved after every step)',
  request: { params }, responses: { 200: json(IntakeDraft, 'The draft, or null'), ...errorResponses },
});
const putDraft = defineRoute(HEALTH, {
  operationId: 'saveIntakeDraft', method: 'put', path: '/api/clients/{clientId}/intake/draft', tags, summary: 'Save questionnaire progress',
  request: { params, body: jsonBody(draftInput.openapi('IntakeDraftInput')) },
  responses: { 200: json(IntakeDraftSaved, 'Saved'), ...errorResponses },
});
const deleteDraft = defineRoute(HEALTH, {
  operationId: 'discardIntakeDraft', method: 'delete', path: '/api/clients/{clientId}/intake/draft', tags, summary: 'Discard questionnaire progress',
  request: { params }, responses: { 204: { description: 'Discarded' }, ...errorResponses },
});
const submit = defineRoute(HEALTH, {
  operationId: 'submitIntake', method: 'post', path: '/api/clients/{clientId}/intake', tags,
  summary: 'Record a complete Intake v1 as the next version (the same endpoint imports an Intake v1 JSON file)',
  request: { params, query: z.object({ source: z.enum(['staff', 'import']).optional() }), body: jsonBody(IntakeSchema) },
  responses: { 201: json(IntakeRecorded, 'Recorded'), ...errorResponses },
});
const latest = defineRoute(HEALTH, {
  operationId: 'getIntake', method: 'get', path: '/api/clients/{clientId}/intake', tags, summary: 'The latest intake (or ?version=N) with the version history; null when the client has not answered yet',
  request: { params, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
  responses: { 200: json(Intake.nullable(), 'Intake, or null when there are no answers yet (a ?version=N that does not exist is 404)'), ...errorResponses },
});
const exportJson = defineRoute(HEALTH, {
  operationId: 'exportIntake', method: 'get', path: '/api/clients/{clientId}/intake/export', tags, summary: 'Download the intake as an Intake v1 JSON file',
  request: { params, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
  responses: { 200: json(IntakeV1, 'Intake v1 JSON'), ...errorResponses },
});

export function intakeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(getDraft, async (c) => c.json(await getIntakeDraft(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(putDraft, async (c) => c.json(await saveIntakeDraft(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 200));
  app.openapi(deleteDraft, async (c) => {
    await discardIntakeDraft(ctxOf(c), c.req.valid('param').clientId);
    return c.body(null, 204);
  });
  app.openapi(submit, async (c) => {
    const r = await submitIntake(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json'), c.req.valid('query').source ?? 'staff');
    return c.json({ version: r.version, answeredOn: r.answeredOn, today: r.today }, 201);
  });
  app.openapi(latest, async (c) => c.json(await readLatestIntake(ctxOf(c), c.req.valid('param').clientId, c.req.valid('query').version), 200));
  app.openapi(exportJson, async (c) => {
    const r = await readIntake(ctxOf(c), c.req.valid('param').clientId, c.req.valid('query').version);
    c.header('content-disposition', `attachment; filename="intake-v${r.version}.json"`);
    return c.json(r.intake, 200);
  });
}
