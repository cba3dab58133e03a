import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { conflictResponse, errorResponses, json, jsonBody, Paging, text, UuidParam } from '../schemas/common.schema.js';
import { Client, ClientList, ClinicalNote, CreateClient, EXAMPLE_CLINICAL_NOTE, NewClinicalNote, UpdateClient } from '../schemas/clients.schema.js';
import { listClients } from '../../services/clients/list-clients.js';
import { getClient } from '../../services/clients/get-client.js';
import { createClient } from '../../services/clients/create-client.js';
import { updateClient } from '../../services/clients/update-client.js';
import { listClinicalNotes } from '../../services/clients/list-clinical-notes.js';
import { addClinicalNote } from '../../services/clients/add-clinical-note.js';
import { CLINICAL_ROLES, STAFF_ROLES } from '../../services/context.js';

const tags = ['Clients'];
const params = z.object({ clientId: UuidParam('clientId') });
const ClinicalNoteList = z.object({ items: z.array(ClinicalNote) }).openapi('ClinicalNoteList', { example: { items: [EXAMPLE_CLINICAL_NOTE] } });

const list = defineRoute(STAFF_ROLES, {
  method: 'get',
  path: '/api/clients',
  operationId: 'listClients',
  tags,
  summary: 'Search clients (contact details)',
  request: { query: Paging.extend({ q: text({ min: 0, max: 100 }).optional() }) },
  responses: { 200: json(ClientList, 'Matching clients'), ...errorResponses },
});

const create = defineRoute(STAFF_ROLES, {
  method: 'post',
  path: '/api/clients',
  operationId: 'createClient',
  tags,
  summary: 'Create a client record',
  request: { body: jsonBody(CreateClient) },
  responses: { 201: json(Client, 'Created'), ...conflictResponse, ...errorResponses },
});

const read = defineRoute([...STAFF_ROLES, 'client'], {
  method: 'get',
  path: '/api/clients/{clientId}',
  operationId: 'getClient',
  tags,
  summary: 'Read a client (a client may read only their own)',
  request: { params },
  responses: { 200: json(Client, 'The client'), ...errorResponses },
});

const update = defineRoute([...STAFF_ROLES, 'client'], {
  method: 'patch',
  path: '/api/clients/{clientId}',
  operationId: 'updateClient',
  tags,
  summary: 'Update contact details (a client may update only their own)',
  request: { params, body: jsonBody(UpdateClient) },
  responses: { 200: json(Client, 'Updated'), ...conflictResponse, ...errorResponses },
});

const notes = defineRoute(CLINICAL_ROLES, {
  method: 'get',
  path: '/api/clients/{clientId}/notes',
  operationId: 'listClinicalNotes',
  tags,
  summary: 'Clinical notes (clinicians only)',
  request: { params },
  responses: { 200: json(ClinicalNoteList, 'Notes, newest first'), ...errorResponses },
});

const addNote = defineRoute(CLINICAL_ROLES, {
  method: 'post',
  path: '/api/clients/{clientId}/notes',
  operationId: 'addClinicalNote',
  tags,
  summary: 'Add a clinical note (append-only)',
  request: { params, body: jsonBody(NewClinicalNote) },
  responses: { 201: json(ClinicalNote, 'Added'), ...errorResponses },
});

export function clientRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) => c.json(await listClients(ctxOf(c), c.req.valid('query')), 200));
  app.openapi(create, async (c) => c.json(await createClient(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(read, async (c) => c.json(await getClient(ctxOf(c), c.req.valid('param').clientId), 200));
  app.openapi(update, async (c) => c.json(await updateClient(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json')), 200));
  app.openapi(notes, async (c) => c.json({ items: await listClinicalNotes(ctxOf(c), c.req.valid('param').clientId) }, 200));
  app.openapi(addNote, async (c) => c.json(await addClinicalNote(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json').body), 201));
}
