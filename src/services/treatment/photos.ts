import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findBooking } from '../../db/repositories/bookings.repository.js';
import { listConsents } from '../../db/repositories/consents.repository.js';
import type { Ctx } from '../context.js';
import type { StoragePort } from '../ports.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, invalid, notFound } from '../errors.js';
import { loadClient, loadClientOf } from '../clients/load-client.js';
import { consentStatus } from '../consent/consent-view.js';
import { PHOTO_FORMATS_TEXT, SHARP_FORMAT, sniffPhotoFormat } from './photo-format.js';

export const PHOTO_VIEWS = ['front', 'left_45', 'right_45', 'left_90', 'right_90'] as const;
export const PHOTO_STAGES = ['before', 'after', 'follow_up'] as const;
export const photoQuery = z.object({
  view: z.enum(PHOTO_VIEWS),
  stage: z.enum(PHOTO_STAGES),
  bookingId: z.uuid().optional(),
  /** a photo the client sends with a symptom check-in (a follow-up photo) */
  checkInId: z.uuid().optional(),
});
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;

const PHOTO_ID = '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';

const PHOTO_EXAMPLE = {
  id: PHOTO_ID, clientId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', bookingId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9', checkInId: null, marketing: false, view: 'front', stage: 'before',
  width: 2400, height: 1800, takenAt: '2026-11-02T16:50:00.000Z', url: `/api/photos/${PHOTO_ID}/image`, thumbUrl: `/api/photos/${PHOTO_ID}/image?size=thumb`,
} as const;

export const Photo = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    bookingId: z.uuid().nullable(),
    checkInId: z.uuid().nullable().describe('The symptom check-in it was sent with'),
    marketing: z.boolean().describe('Chosen for the marketing gallery'),
    view: z.enum(PHOTO_VIEWS),
    stage: z.enum(PHOTO_STAGES),
    width: z.number().int().describe('Pixels of the stored image'),
    height: z.number().int(),
    takenAt: z.iso.datetime().describe('When it was uploaded (ISO date-time)'),
    url: z.string().describe('The image, through the authorised route'),
    thumbUrl: z.string(),
  })
  .meta({
    id: 'Photo',
    description: 'A clinical photo (the image itself only through its url)',
    example: PHOTO_EXAMPLE,
  });
export type PhotoView = z.output<typeof Photo>;
export const PhotoList = z.object({ items: z.array(Photo) }).meta({ id: 'PhotoList', description: "A client's photos, oldest first", example: { items: [PHOTO_EXAMPLE] } });

type PhotoRow = { id: string; client_id: string; booking_id: string | null; check_in_id: string | null; marketing_at: Date | null; view: PhotoView['view']; stage: PhotoView['stage']; width: number; height: number; created_at: Date };
export const photoView = (p: PhotoRow): PhotoView => ({
  id: p.id, clientId: p.client_id, bookingId: p.booking_id, checkInId: p.check_in_id, marketing: p.marketing_at !== null, view: p.view, stage: p.stage, width: p.width, height: p.height, takenAt: new Date(p.created_at).toISOString(),
  url: `/api/photos/${p.id}/image`, thumbUrl: `/api/photos/${p.id}/image?size=thumb`,
});

/**
 * Stores a clinical photo: re-encoded with sharp, which drops every piece of metadata (EXIF, GPS,
 * camera serials) after turning the image upright, plus a thumbnail. Needs the client's current
 * consent to photos for the clinical record.
 */
export async function uploadPhoto(ctx: Ctx, storage: StoragePort, clientId: string, q: z.infer<typeof photoQuery>, bytes: Buffer): Promise<PhotoView> {
  const org = ctx.principal.organizationId;
  if (bytes.length === 0) throw invalid('body', 'send the image as the request body');
  if (bytes.length > PHOTO_MAX_BYTES) throw invalid('body', `at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);
  const client = await loadClient(ctx.db, ctx, clientId);
  const consents = await listConsents(ctx.db, org, client.id);
  if (!consents.some((c) => c.kind === 'photo_clinical' && consentStatus(c) === 'current')) {
    throw new AppError('conflict', 'the client has not consented to photos for the clinical record', [{ path: 'consent', message: 'photo_clinical consent missing' }]);
  }
  // the format is told by the bytes, before any decoder runs: nothing but a camera's formats is decoded
  const format = sniffPhotoFormat(bytes);
  const notAccepted = () => new AppError('unsupported_media_type', `The photo must be a ${PHOTO_FORMATS_TEXT} image`, [{ path: 'body', message: `The photo must be a ${PHOTO_FORMATS_TEXT} image` }]);
  if (!format) throw notAccepted();
  let full: { data: Buffer; info: { width: number; height: number } };
  let thumb: Buffer;
  try {
    // sharp (libvips) is loaded on the first upload, not at start-up (issue 14, item 6)
    const { default: sharp } = await import('sharp');
    // sharp's reading of the header (no decoding) must agree with ours
    if ((await sharp(bytes).metadata()).format !== SHARP_FORMAT[format]) throw notAccepted();
    full = await sharp(bytes).rotate().resize({ width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 88 }).toBuffer({ resolveWithObject: true });
    thumb = await sharp(full.data).resize({ width: 320 }).jpeg({ quality: 80 }).toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid('body', `The photo could not be read as a ${PHOTO_FORMATS_TEXT} image`);
  }
  // everything that can refuse the upload is checked before a file is written
  if (q.bookingId) {
    const b = await findBooking(ctx.db, org, q.bookingId);
    if (!b || b.client_id !== client.id) throw invalid('bookingId', 'no such booking for this client');
  }
  if (q.checkInId) {
    if (q.stage !== 'follow_up') throw invalid('stage', 'a photo sent with a check-in is a follow-up photo');
    const c = await ctx.db
      .selectFrom('aftercare_check_ins as c')
      .innerJoin('aftercare_journeys as j', (j) => j.onRef('j.organization_id', '=', 'c.organization_id').onRef('j.id', '=', 'c.journey_id'))
      .select('j.client_id')
      .where('c.organization_id', '=', org)
      .where('c.id', '=', q.checkInId)
      .executeTakeFirst();
    if (!c || c.client_id !== client.id) throw invalid('checkInId', 'no such check-in for this client');
  }
  const id = randomUUID();
  const key = `${org}/${client.id}/${id}.jpg`;
  const thumbKey = `${org}/${client.id}/${id}-thumb.jpg`;
  await storage.put(key, full.data);
  await storage.put(thumbKey, thumb);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('photos')
      .values({ organization_id: org, id, client_id: client.id, booking_id: q.bookingId ?? null, check_in_id: q.checkInId ?? null, view: q.view, stage: q.stage, storage_key: key, thumb_key: thumbKey, width: full.info.width, height: full.info.height, sha256: createHash('sha256').update(full.data).digest('hex'), uploaded_by: ctx.principal.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'photo.upload', entityType: 'photo', entityId: id, clientId: client.id, details: { view: q.view, stage: q.stage, ...(q.checkInId ? { checkInId: q.checkInId } : {}) } });
    return photoView(row);
  });
}

export async function listPhotos(ctx: Ctx, clientId: string): Promise<PhotoView[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await loadClient(trx, ctx, clientId);
    const rows = await trx.selectFrom('photos').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('client_id', '=', client.id).orderBy('created_at').execute();
    await recordAudit(trx, ctx, { action: 'photo.list', entityType: 'client', entityId: client.id, clientId: client.id });
    return rows.map(photoView);
  });
}

/** The image itself, only through this authorised route; every view is audited. */
export async function photoImage(ctx: Ctx, storage: StoragePort, photoId: string, size: 'full' | 'thumb') {
  const p = await ctx.db.selectFrom('photos').selectAll().where('organization_id', '=', ctx.principal.organizationId).where('id', '=', photoId).executeTakeFirst();
  if (!p) throw notFound('photo');
  await loadClientOf(ctx.db, ctx, p.client_id, 'photo');
  const bytes = await storage.get(size === 'thumb' ? p.thumb_key : p.storage_key);
  if (!bytes) throw notFound('photo file');
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'photo.view', entityType: 'photo', entityId: p.id, clientId: p.client_id, details: { size } }));
  return bytes;
}
