// The answers of the consent routes: the document to sign and a signed consent.
import { z } from 'zod';
import { MODALITIES } from '../../domain/screening/engine/contract.js';

export const CONSENT_KINDS = ['treatment', 'photo_clinical', 'photo_marketing'] as const;

export const ConsentPreview = z
  .object({
    kind: z.enum(CONSENT_KINDS),
    modality: z.enum(MODALITIES).nullable().describe('set for a treatment consent'),
    planId: z.uuid().nullable().describe('the plan a treatment consent is for, if any'),
    templateId: z.string(),
    templateVersion: z.string(),
    title: z.string(),
    clientName: z.string(),
    text: z.string().describe('the exact document text'),
    documentHash: z.string().describe('sha256 of the text; sent back when signing'),
  })
  .meta({
    id: 'ConsentPreview',
    description: 'The consent document to sign, with its hash',
    example: {
      kind: 'treatment', modality: 'pen', planId: null, templateId: 'treatment-pen', templateVersion: '2026.11.1', title: 'Consent to automated pen microneedling',
      clientName: 'Ana Client', text: 'Consent to automated pen microneedling\n...', documentHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
  });

const consentExample = {
  id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', clientId: '0e8f5a8e-3c1b-4f57-9a0d-2b9d7c6f1a22', kind: 'treatment', modality: 'pen', templateId: 'treatment-pen', templateVersion: '2026.11.1',
  planId: null, signedName: 'Ana Client', signedAt: '2026-11-28T10:00:00.000Z', signedBy: 'Ana Client', ip: '203.0.113.7',
  documentHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', status: 'current', withdrawnAt: null, method: 'remote', witnessedBy: null,
} as const;

export const Consent = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    kind: z.enum(CONSENT_KINDS),
    modality: z.enum(MODALITIES).nullable(),
    templateId: z.string(),
    templateVersion: z.string(),
    planId: z.uuid().nullable(),
    signedName: z.string(),
    signedAt: z.string().describe('ISO date-time'),
    signedBy: z.string().describe('name of the account that signed'),
    ip: z.string().nullable(),
    documentHash: z.string().describe('sha256 of the canonical signed record'),
    status: z.enum(['current', 'withdrawn', 'outdated']).describe('outdated: signed on an earlier template version'),
    withdrawnAt: z.string().nullable().describe('ISO date-time'),
    method: z.enum(['remote', 'in_clinic']).describe("remote: on the client's own device; in_clinic: on the clinic's tablet, handed over by staff"),
    witnessedBy: z.string().nullable().describe('the staff member who handed over the tablet (in_clinic only)'),
  })
  .meta({
    id: 'Consent',
    description: 'A signed consent (the drawn signature is only in the PDF)',
    example: consentExample,
  });
export const ConsentList = z.object({ items: z.array(Consent) }).meta({ id: 'ConsentList', description: "A client's signed consents, newest first", example: { items: [consentExample] } });

export type ConsentPreviewView = z.output<typeof ConsentPreview>;
export type ConsentView = z.output<typeof Consent>;
