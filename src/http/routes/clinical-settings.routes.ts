import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody } from '../schemas/common.schema.js';
import { ClinicalSettingsVersion, ClinicalSettingsWithHistory } from '../../services/clinical/settings/clinical-settings.schema.js';
import { clinicalSettingsWithHistory, updateClinicalSettings, updateSettingsInput } from '../../services/clinical/settings/update-clinical-settings.js';

const tags = ['Clinical settings'];

const read = defineRoute(['owner', 'medical_director', 'provider'], {
  operationId: 'getClinicalSettings', method: 'get', path: '/api/clinical-settings', tags, summary: 'Screening windows and reviewer licence types in force, with their history',
  responses: { 200: json(ClinicalSettingsWithHistory, 'Settings and history'), ...errorResponses },
});
const update = defineRoute(['medical_director'], {
  operationId: 'updateClinicalSettings', method: 'put', path: '/api/clinical-settings', tags, summary: 'Change the configurable windows (medical director only); creates a new version',
  request: { body: jsonBody(updateSettingsInput.openapi('ClinicalSettingsUpdate')) },
  responses: { 200: json(ClinicalSettingsVersion, 'The new version'), 409: errorResponses[404], ...errorResponses },
});

export function clinicalSettingsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(read, async (c) => c.json(await clinicalSettingsWithHistory(ctxOf(c)), 200));
  app.openapi(update, async (c) => c.json(await updateClinicalSettings(ctxOf(c), c.req.valid('json')), 200));
}
