// An owner registers an endpoint. The signing secret (Standard Webhooks, whsec_ + 24 random bytes)
// is answered once, here, and stored sealed with the server secret, so nobody reads it back later.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import type { SecretBox } from '../ports.js';
import { recordAudit } from '../audit/record-audit-event.js';
import type { CreateEndpointInput } from './webhook.schema.js';
import { endpointView, type EndpointView } from './webhook-view.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only to this machine, for trying a receiver out. */
export function checkEndpointUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('url', 'Enter the full address, starting with https://');
  }
  if (url.username || url.password) throw invalid('url', 'The address may not carry a user name or password; the signature proves the events are ours');
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url.toString();
  throw invalid('url', 'The address must start with https:// (http:// is allowed only to localhost, for testing)');
}

export async function createWebhookEndpoint(ctx: Ctx, secrets: SecretBox, input: CreateEndpointInput): Promise<{ endpoint: EndpointView; secret: string }> {
  const url = checkEndpointUrl(input.url);
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('webhook_endpoints')
      .values({ organization_id: ctx.principal.organizationId, url, description: input.description ?? '', events: [...new Set(input.events)], secret_sealed: secrets.seal(secret), created_by: ctx.principal.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'webhook.create', entityType: 'webhook_endpoint', entityId: row.id, details: { events: row.events } });
    return { endpoint: endpointView(row), secret };
  });
}
