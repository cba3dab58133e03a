// Writes the OpenAPI document the server publishes at /api/openapi.json to a file, without a
// database: the routes and their schemas are all the document needs. `npm run api:generate` runs it
// and then openapi-typescript, which turns the document into the web app's client types.
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/http/app.js';
import type { AppDeps } from '../src/http/app-env.js';
import { OPENAPI_CONFIG } from '../src/http/routes/docs.routes.js';

const out = process.argv[2] ?? 'docs/openapi.json';
const app = createApp({ publicUrl: 'http://localhost' } as AppDeps);
const doc = app.getOpenAPI31Document(OPENAPI_CONFIG);
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${out}: ${Object.keys(doc.paths ?? {}).length} paths`);
