import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { listPhotos, Photo, photoImage, PhotoList, photoQuery, uploadPhoto } from '../../services/treatment/photos.js';
import { marketingGallery, MarketingGallery, marketingImage, MarketingUse, setMarketingUse } from '../../services/treatment/marketing-photos.js';

const HEALTH = ['medical_director', 'provider', 'client'] as const;
const tags = ['Photos'];
const clientParams = z.object({ clientId: UuidParam('clientId') });
const binary = z.string().openapi({ format: 'binary' });

const upload = defineRoute(HEALTH, {
  operationId: 'uploadClientPhoto',
  method: 'post', path: '/api/clients/{clientId}/photos', tags,
  summary: 'Upload a photo (the image as the body): standard view, before/after/follow-up; metadata stripped',
  description: 'The format is told by the image bytes, whatever the declared type: JPEG, PNG, WebP or HEIC; anything else is refused with 415 before it is decoded.',
  request: { params: clientParams, query: photoQuery, body: { content: { 'image/jpeg': { schema: binary }, 'image/png': { schema: binary }, 'image/webp': { schema: binary }, 'image/heic': { schema: binary } } } },
  responses: { 201: json(Photo, 'Stored'), 409: errorResponses[404], 415: { description: 'Not a JPEG, PNG, WebP or HEIC image', content: errorResponses[400].content }, ...errorResponses },
});
const list = defineRoute(HEALTH, {
  operationId: 'listClientPhotos',
  method: 'get', path: '/api/clients/{clientId}/photos', tags, summary: "A client's photos, oldest first", request: { params: clientParams },
  responses: { 200: json(PhotoList, 'Photos'), ...errorResponses },
});
const image = defineRoute(HEALTH, {
  operationId: 'getPhotoImage',
  method: 'get', path: '/api/photos/{photoId}/image', tags, summary: 'The image, only through this authorised route',
  request: { params: z.object({ photoId: UuidParam('photoId') }), query: z.object({ size: z.enum(['full', 'thumb']).default('full') }) },
  responses: { 200: { description: 'JPEG', content: { 'image/jpeg': { schema: binary } } }, ...errorResponses },
});

const GALLERY = ['owner', 'medical_director', 'provider', 'front_desk'] as const;
const photoParams = z.object({ photoId: UuidParam('photoId') });
const marketing = defineRoute(['owner', 'medical_director'], {
  operationId: 'setPhotoMarketingUse',
  method: 'post', path: '/api/photos/{photoId}/marketing', tags,
  summary: "Choose a photo for marketing (needs the client's current marketing consent), or take it back",
  request: { params: photoParams, body: jsonBody(z.strictObject({ use: z.boolean() })) },
  responses: { 200: json(MarketingUse, 'Changed'), 409: errorResponses[404], ...errorResponses },
});
const gallery = defineRoute(GALLERY, {
  operationId: 'listMarketingPhotos',
  method: 'get', path: '/api/marketing/photos', tags, summary: 'The marketing gallery: chosen photos whose clients still consent; no names',
  responses: { 200: json(MarketingGallery, 'Gallery'), ...errorResponses },
});
const galleryImage = defineRoute(GALLERY, {
  operationId: 'getMarketingPhotoImage',
  method: 'get', path: '/api/marketing/photos/{photoId}/image', tags, summary: 'A gallery image, only while chosen and consented',
  request: { params: photoParams, query: z.object({ size: z.enum(['full', 'thumb']).default('full') }) },
  responses: { 200: { description: 'JPEG', content: { 'image/jpeg': { schema: binary } } }, ...errorResponses },
});

export function photoRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(upload, async (c) => {
    const bytes = Buffer.from(await c.req.arrayBuffer());
    return c.json(await uploadPhoto(ctxOf(c), c.get('deps').storage, c.req.valid('param').clientId, c.req.valid('query'), bytes), 201);
  });
  app.openapi(list, async (c) => c.json({ items: await listPhotos(ctxOf(c), c.req.valid('param').clientId) }, 200));
  app.openapi(image, async (c) => {
    const bytes = await photoImage(ctxOf(c), c.get('deps').storage, c.req.valid('param').photoId, c.req.valid('query').size);
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'image/jpeg', 'cache-control': 'private, no-store' });
  });
  app.openapi(marketing, async (c) => c.json(await setMarketingUse(ctxOf(c), c.req.valid('param').photoId, c.req.valid('json').use), 200));
  app.openapi(gallery, async (c) => c.json(await marketingGallery(ctxOf(c)), 200));
  app.openapi(galleryImage, async (c) => {
    const bytes = await marketingImage(ctxOf(c), c.get('deps').storage, c.req.valid('param').photoId, c.req.valid('query').size);
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'image/jpeg', 'cache-control': 'private, no-store' });
  });
}
