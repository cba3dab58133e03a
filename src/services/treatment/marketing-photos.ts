import { z } from 'zod';
import { listConsents } from '../../db/repositories/consents.repository.js';
import type { Db } from '../../db/connect.js';
import type { Ctx } from '../context.js';
import type { StoragePort } from '../ports.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { AppError, notFound } from '../errors.js';
import { consentStatus } from '../consent/consent-view.js';
import { PHOTO_STAGES, PHOTO_VIEWS } from './photos.js';

const PHOTO_ID = '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';

export const MarketingUse = z
  .object({ id: z.uuid(), marketing: z.boolean().describe('Now chosen for the gallery') })
  .meta({ id: 'MarketingUse', description: 'Whether a photo is chosen for marketing', example: { id: PHOTO_ID, marketing: true } });
export type MarketingUseView = z.output<typeof MarketingUse>;

const MARKETING_PHOTO_EXAMPLE = {
  id: PHOTO_ID, view: 'front', stage: 'after', takenAt: '2026-11-30T16:00:00.000Z', chosenAt: '2026-12-01T09:00:00.000Z', url: `/api/marketing/photos/${PHOTO_ID}/image`,
  thumbUrl: `/api/marketing/photos/${PHOTO_ID}/image?size=thumb`,
} as const;

export const MarketingPhoto = z
  .object({
    id: z.uuid(),
    view: z.enum(PHOTO_VIEWS),
    stage: z.enum(PHOTO_STAGES),
    takenAt: z.iso.datetime(),
    chosenAt: z.iso.datetime(),
    url: z.string().describe('The image, through the gallery route'),
    thumbUrl: z.string(),
  })
  .meta({
    id: 'MarketingPhoto',
    description: 'A photo of the marketing gallery, without the client',
    example: MARKETING_PHOTO_EXAMPLE,
  });

export const MarketingGallery = z
  .object({ items: z.array(MarketingPhoto).describe('Newest choice first, at most 200'), withheld: z.number().int().describe('Chosen photos hidden because the client no longer consents') })
  .meta({ id: 'MarketingGallery', description: 'The marketing gallery', example: { items: [MARKETING_PHOTO_EXAMPLE], withheld: 0 } });
export type MarketingGalleryView = z.output<typeof MarketingGallery>;

async function marketingConsentCurrent(trx: Db, organizationId: string, clientId: string) {
  return (await listConsents(trx, organizationId, clientId)).some((c) => c.kind === 'photo_marketing' && consentStatus(c) === 'current');
}

/**
 * Choose a clinical photo for marketing, or take it back. Choosing needs the client's current
 * consent to marketing use; the gallery re-checks that consent on every read, so a withdrawal takes
 * the photo out at once without anyone having to remember.
 */
export async function setMarketingUse(ctx: Ctx, photoId: string, use: boolean): Promise<MarketingUseView> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('photos').select(['id', 'client_id', 'stage']).where('organization_id', '=', org).where('id', '=', photoId).executeTakeFirst();
    if (!p) throw notFound('photo');
    if (use && !(await marketingConsentCurrent(trx, org, p.client_id))) {
      throw new AppError('conflict', 'the client has not consented to marketing use of their photos', [{ path: 'consent', message: 'photo_marketing consent missing' }]);
    }
    await trx.updateTable('photos').set(use ? { marketing_at: ctx.now(), marketing_by: ctx.principal.userId } : { marketing_at: null, marketing_by: null }).where('organization_id', '=', org).where('id', '=', p.id).execute();
    await recordAudit(trx, ctx, { action: use ? 'photo.marketing.add' : 'photo.marketing.remove', entityType: 'photo', entityId: p.id, clientId: p.client_id });
    return { id: p.id, marketing: use };
  });
}

/** The marketing gallery: chosen photos of clients whose marketing consent is current. No names. */
export async function marketingGallery(ctx: Ctx): Promise<MarketingGalleryView> {
  const org = ctx.principal.organizationId;
  const rows = await ctx.db
    .selectFrom('photos')
    .select(['id', 'client_id', 'view', 'stage', 'created_at', 'marketing_at'])
    .where('organization_id', '=', org)
    .where('marketing_at', 'is not', null)
    .orderBy('marketing_at', 'desc')
    .limit(200)
    .execute();
  const allowed = new Map<string, boolean>();
  for (const r of rows) if (!allowed.has(r.client_id)) allowed.set(r.client_id, await marketingConsentCurrent(ctx.db, org, r.client_id));
  const shown = rows.filter((r) => allowed.get(r.client_id));
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'photo.marketing.list', entityType: 'organization', entityId: org, details: { shown: shown.length } }));
  return {
    items: shown.map((r) => ({ id: r.id, view: r.view, stage: r.stage, takenAt: new Date(r.created_at).toISOString(), chosenAt: new Date(r.marketing_at as Date).toISOString(), url: `/api/marketing/photos/${r.id}/image`, thumbUrl: `/api/marketing/photos/${r.id}/image?size=thumb` })),
    withheld: rows.length - shown.length,
  };
}

/** A gallery image: only while it is chosen and the client's marketing consent is current. */
export async function marketingImage(ctx: Ctx, storage: StoragePort, photoId: string, size: 'full' | 'thumb') {
  const org = ctx.principal.organizationId;
  const p = await ctx.db.selectFrom('photos').selectAll().where('organization_id', '=', org).where('id', '=', photoId).executeTakeFirst();
  if (!p || !p.marketing_at || !(await marketingConsentCurrent(ctx.db, org, p.client_id))) throw notFound('marketing photo');
  const bytes = await storage.get(size === 'thumb' ? p.thumb_key : p.storage_key);
  if (!bytes) throw notFound('photo file');
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'photo.marketing.view', entityType: 'photo', entityId: p.id, clientId: p.client_id, details: { size } }));
  return bytes;
}
