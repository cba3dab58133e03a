import { z } from '@hono/zod-openapi';
import { createClientInput, updateClientInput } from '../../services/clients/client-input.js';
import { text } from './common.schema.js';

export const Client = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    preferredLocationId: z.string().nullable(),
    hasAccount: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Client');

export const ClientList = z.object({ items: z.array(Client), total: z.number().int() }).openapi('ClientList');
export const CreateClient = createClientInput.openapi('CreateClient');
export const UpdateClient = updateClientInput.openapi('UpdateClient');

export const ClinicalNote = z
  .object({ id: z.uuid(), body: z.string(), authorName: z.string(), authorUserId: z.string(), createdAt: z.string() })
  .openapi('ClinicalNote');
export const NewClinicalNote = z.strictObject({ body: text({ max: 20000 }) }).openapi('NewClinicalNote');
