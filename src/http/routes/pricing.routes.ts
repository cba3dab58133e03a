import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { addPackage, addPrice, getPriceList, newPackageInput, newPriceInput } from '../../services/pricing/price-list.js';

const tags = ['Prices'];
const params = z.object({ locationId: UuidParam('locationId') });
const PriceList = z
  .object({
    items: z.array(z.object({ id: z.uuid(), serviceCode: z.string(), name: z.string(), modality: z.enum(['roller', 'pen', 'rf']).nullable(), priceCents: z.number().int(), currency: z.string(), effectiveFrom: z.string() })),
    packages: z.array(z.object({ id: z.uuid(), serviceCode: z.string(), name: z.string(), sessions: z.number().int(), priceCents: z.number().int(), currency: z.string(), validDays: z.number().int(), active: z.boolean() })),
  })
  .openapi('PriceList', {
    example: {
      items: [
        { id: '7e1c3a5b-9d2f-4b6a-8c0e-2f4a6b8c0d1e', serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', priceCents: 35000, currency: 'USD', effectiveFrom: '2026-01-01' },
        { id: '1b3d5f7a-2c4e-4a6b-9d8f-0a2c4e6b8d0f', serviceCode: 'consultation', name: 'Microneedling consultation', modality: null, priceCents: 0, currency: 'USD', effectiveFrom: '2026-01-01' },
      ],
      packages: [{ id: '5c7e9a1b-3d5f-4b7a-8e0c-4a6b8d0e2f4a', serviceCode: 'pen_face', name: 'Full face, series of 3', sessions: 3, priceCents: 94500, currency: 'USD', validDays: 365, active: true }],
    },
  });
const PriceCreated = z.object({ id: z.uuid() }).openapi('PriceCreated', { example: { id: '7e1c3a5b-9d2f-4b6a-8c0e-2f4a6b8c0d1e' } });
const PackageCreated = z.object({ id: z.uuid() }).openapi('PackageCreated', { example: { id: '5c7e9a1b-3d5f-4b7a-8e0c-4a6b8d0e2f4a' } });

const read = defineRoute('signed_in', {
  operationId: 'getPriceList', method: 'get', path: '/api/locations/{locationId}/prices', tags, summary: "A location's price list and packages (every version, newest first per service)",
  request: { params }, responses: { 200: json(PriceList, 'Price list'), ...errorResponses },
});
const addItem = defineRoute(['owner'], {
  operationId: 'addPrice', method: 'post', path: '/api/locations/{locationId}/prices', tags, summary: 'Add a price (a change is a new entry with an effective date)',
  request: { params, body: jsonBody(newPriceInput.openapi('NewPrice')) }, responses: { 201: json(PriceCreated, 'Added'), ...errorResponses },
});
const addPkg = defineRoute(['owner'], {
  operationId: 'addPricePackage', method: 'post', path: '/api/locations/{locationId}/packages', tags, summary: 'Offer a package of sessions at a package price',
  request: { params, body: jsonBody(newPackageInput.openapi('NewPackage')) }, responses: { 201: json(PackageCreated, 'Added'), ...errorResponses },
});

export function pricingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(read, async (c) => c.json(await getPriceList(ctxOf(c), c.req.valid('param').locationId), 200));
  app.openapi(addItem, async (c) => c.json(await addPrice(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
  app.openapi(addPkg, async (c) => c.json(await addPackage(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
}
