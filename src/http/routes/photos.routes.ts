import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, UuidParam } from '../schemas/common.schema.js';
import { listPhotos, photoImage, photoQuery, uploadPhoto } from '../../services/treatment/photos.js';

const HEALTH = ['medical_director', 'provider', 'client'] as const;
const tags = ['Photos'];
const Photo = z.record(z.string(), z.unknown()).openapi('Photo');
const clientParams = z.object({ clientId: UuidParam('clientId') });
const binary = z.string().openapi({ format: 'binary' });

const upload = defineRoute(HEALTH, {
  method: 'post', path: '/api/clients/{clientId}/photos', tags,
  summary: 'Upload a photo (the image as the body): standard view, before/after/follow-up; metadata stripped',
  request: { params: clientParams, query: photoQuery, body: { content: { 'image/jpeg': { schema: binary }, 'image/png': { schema: binary }, 'image/webp': { schema: binary } } } },
  responses: { 201: json(Photo, 'Stored'), 409: errorResponses[404], ...errorResponses },
});
const list = defineRoute(HEALTH, {
  method: 'get', path: '/api/clients/{clientId}/photos', tags, summary: "A client's photos, oldest first", request: { params: clientParams },
  responses: { 200: json(z.object({ items: z.array(Photo) }), 'Photos'), ...errorResponses },
});
const image = defineRoute(HEALTH, {
  method: 'get', path: '/api/photos/{photoId}/image', tags, summary: 'The image, only through this authorised route',
  request: { params: z.object({ photoId: UuidParam('photoId') }), query: z.object({ size: z.enum(['full', 'thumb']).default('full') }) },
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
}
