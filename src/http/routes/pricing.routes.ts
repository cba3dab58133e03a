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
    items: z.array(z.object({ id: z.uuid(), serviceCode: z.string(), name: z.string(), modality: z.string().nullable(), priceCents: z.number().int(), currency: z.string(), effectiveFrom: z.string() })),
    packages: z.array(z.object({ id: z.uuid(), serviceCode: z.string(), name: z.string(), sessions: z.number().int(), priceCents: z.number().int(), currency: z.string(), validDays: z.number().int(), active: z.boolean() })),
  })
  .openapi('PriceList');

const read = defineRoute('signed_in', {
  method: 'get', path: '/api/locations/{locationId}/prices', tags, summary: "A location's price list and packages (every version, newest first per service)",
  request: { params }, responses: { 200: json(PriceList, 'Price list'), ...errorResponses },
});
const addItem = defineRoute(['owner'], {
  method: 'post', path: '/api/locations/{locationId}/prices', tags, summary: 'Add a price (a change is a new entry with an effective date)',
  request: { params, body: jsonBody(newPriceInput.openapi('NewPrice')) }, responses: { 201: json(z.object({ id: z.uuid() }), 'Added'), ...errorResponses },
});
const addPkg = defineRoute(['owner'], {
  method: 'post', path: '/api/locations/{locationId}/packages', tags, summary: 'Offer a package of sessions at a package price',
  request: { params, body: jsonBody(newPackageInput.openapi('NewPackage')) }, responses: { 201: json(z.object({ id: z.uuid() }), 'Added'), ...errorResponses },
});

export function pricingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(read, async (c) => c.json(await getPriceList(ctxOf(c), c.req.valid('param').locationId), 200));
  app.openapi(addItem, async (c) => c.json(await addPrice(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
  app.openapi(addPkg, async (c) => c.json(await addPackage(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
}
