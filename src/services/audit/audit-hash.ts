import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/shared/canonical-json.js';
import type { AuditEventRow } from '../../db/repositories/audit.repository.js';

type Hashed = Omit<AuditEventRow, 'hash' | 'position' | 'sealed_at' | 'seq' | 'prev_hash'> & { seq: number; prev_hash: string };

/**
 * The hash covers every recorded field, the chain number and the previous hash, so editing, removing,
 * reordering or inserting an event breaks the chain. (position and sealed_at are bookkeeping.)
 */
export function hashEvent(e: Hashed): string {
  const body = canonicalJson({
    organization_id: e.organization_id,
    seq: e.seq,
    occurred_at: new Date(e.occurred_at).toISOString(),
    actor_user_id: e.actor_user_id,
    actor_role: e.actor_role,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    client_id: e.client_id,
    ip: e.ip,
    request_id: e.request_id,
    details: e.details,
    prev_hash: e.prev_hash,
  });
  return createHash('sha256').update(body).digest('hex');
}
