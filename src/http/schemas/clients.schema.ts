import { z } from '@hono/zod-openapi';
import { createClientInput, updateClientInput } from '../../services/clients/client-input.js';
import { text } from './common.schema.js';

const EXAMPLE_CLIENT = {
  id: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22',
  firstName: 'Maya',
  lastName: 'Chen',
  email: 'maya.chen@example.com',
  phone: '+15555550142',
  dateOfBirth: '1991-04-17',
  preferredLocationId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
  hasAccount: true,
  createdAt: '2026-10-02T16:20:00.000Z',
  updatedAt: '2026-11-28T10:05:00.000Z',
};
export const EXAMPLE_CLINICAL_NOTE = {
  id: '4d2a9c7e-1b3f-4e5a-8c6d-9f0b2a4c6e81',
  body: 'Tolerated 1.5 mm on cheeks well; mild erythema at end of session. Reviewed aftercare and SPF.',
  authorName: 'Ana Reyes, RN',
  authorUserId: '6f1d2c3b-4a5e-4f70-8b91-a2c3d4e5f607',
  createdAt: '2026-12-10T16:05:00.000Z',
};

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
  .openapi('Client', { example: EXAMPLE_CLIENT });

export const ClientList = z.object({ items: z.array(Client), total: z.number().int() }).openapi('ClientList', { example: { items: [EXAMPLE_CLIENT], total: 1 } });
export const CreateClient = createClientInput.openapi('CreateClient');
export const UpdateClient = updateClientInput.openapi('UpdateClient');

export const ClinicalNote = z
  .object({ id: z.uuid(), body: z.string(), authorName: z.string(), authorUserId: z.string(), createdAt: z.string() })
  .openapi('ClinicalNote', { example: EXAMPLE_CLINICAL_NOTE });
export const NewClinicalNote = z.strictObject({ body: text({ max: 20000 }) }).openapi('NewClinicalNote');
