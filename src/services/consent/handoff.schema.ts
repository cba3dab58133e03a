// The answers of in-clinic signing: a hand-off started by staff, the one document the clinic tablet
// shows, the tablet's receipt after signing, and which consents a client still needs (for check-in).
import { z } from 'zod';
import { CONSENT_KINDS } from './consent.schema.js';

export const ConsentHandoff = z
  .object({
    id: z.uuid(),
    token: z.string().describe('shown once; only its sha256 is stored'),
    path: z.string().describe('the tablet page to open: /sign/{token}'),
    expiresAt: z.string().describe('ISO date-time; the hand-off is refused after this'),
    kind: z.enum(CONSENT_KINDS),
    title: z.string(),
    clientName: z.string(),
  })
  .meta({
    id: 'ConsentHandoff',
    description: 'A single-use, short-lived hand-off of one consent document to the clinic tablet',
    example: { id: '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f', token: 'q3Jx0v1mVt3lqz3Q6m3e2b0o1a9Yk8Xw7Zr6Ts5Ud4c', path: '/sign/q3Jx0v1mVt3lqz3Q6m3e2b0o1a9Yk8Xw7Zr6Ts5Ud4c', expiresAt: '2026-12-01T10:15:00.000Z', kind: 'photo_clinical', title: 'Consent to clinical photographs', clientName: 'Ana Client' },
  });

export const HandoffDocument = z
  .object({
    kind: z.enum(CONSENT_KINDS),
    title: z.string(),
    templateVersion: z.string(),
    clientName: z.string(),
    organizationName: z.string(),
    text: z.string().describe('the exact document text'),
    documentHash: z.string().describe('sha256 of the text; sent back when signing'),
    expiresAt: z.string().describe('ISO date-time'),
  })
  .meta({
    id: 'HandoffDocument',
    description: 'The one document the clinic tablet shows for signing; nothing else is reachable with the token',
    example: { kind: 'photo_clinical', title: 'Consent to clinical photographs', templateVersion: '2026.11.1', clientName: 'Ana Client', organizationName: 'Glow MedSpa', text: 'Consent to clinical photographs\n...', documentHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', expiresAt: '2026-12-01T10:15:00.000Z' },
  });

export const HandoffSigned = z
  .object({ title: z.string(), signedAt: z.string().describe('ISO date-time') })
  .meta({ id: 'HandoffSigned', description: 'The tablet is told only that the document was signed, and when', example: { title: 'Consent to clinical photographs', signedAt: '2026-12-01T10:05:00.000Z' } });

export const ConsentNeed = z.object({
  kind: z.enum(CONSENT_KINDS),
  title: z.string(),
  signed: z.boolean().describe('a current signed consent of this kind (for a treatment, of this modality)'),
  signedAt: z.string().nullable().describe('ISO date-time'),
  method: z.enum(['remote', 'in_clinic']).nullable(),
});
export const ConsentSummary = z
  .object({ items: z.array(ConsentNeed) })
  .meta({
    id: 'ConsentSummary',
    description: 'Which consents a client has signed and which are missing (no document content)',
    example: { items: [{ kind: 'treatment', title: 'Consent to automated pen microneedling', signed: true, signedAt: '2026-11-28T10:00:00.000Z', method: 'remote' }, { kind: 'photo_clinical', title: 'Consent to clinical photographs', signed: false, signedAt: null, method: null }] },
  });

export const CheckInStatus = z
  .object({
    bookingId: z.uuid(),
    visitDate: z.string().describe("YYYY-MM-DD, the visit's date in the clinic's time zone"),
    today: z.string().describe("YYYY-MM-DD, today in the clinic's time zone"),
    onVisitDay: z.boolean().describe('check-in is allowed today (the medical director may check in on another day, with a reason)'),
    consents: z.array(ConsentNeed),
  })
  .meta({
    id: 'CheckInStatus',
    description: 'Before check-in: is today the visit day, and which consents are missing',
    example: { bookingId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', visitDate: '2027-03-02', today: '2027-03-01', onVisitDay: false, consents: [{ kind: 'photo_clinical', title: 'Consent to clinical photographs', signed: false, signedAt: null, method: null }] },
  });

export type CheckInStatusView = z.output<typeof CheckInStatus>;
export type ConsentHandoffView = z.output<typeof ConsentHandoff>;
export type HandoffDocumentView = z.output<typeof HandoffDocument>;
export type ConsentSummaryView = z.output<typeof ConsentSummary>;
