import { findClientByEmail, updateClient as updateRow } from '../../db/repositories/clients.repository.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import type { UpdateClientInput } from './client-input.js';
import { toClientView } from './client-view.js';
import { loadClient } from './load-client.js';
import { assertLocationInOrg } from './create-client.js';
import { assertDateOfBirth } from '../plausible-dates.js';

const columns = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  preferredLocationId: 'preferred_location_id',
} as const;

export async function updateClient(ctx: Ctx, clientId: string, input: UpdateClientInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadClient(trx, ctx, clientId);
    const orgId = ctx.principal.organizationId;
    assertDateOfBirth(input.dateOfBirth, ctx.now());
    await assertLocationInOrg(trx, orgId, input.preferredLocationId);
    if (input.email) {
      const other = await findClientByEmail(trx, orgId, input.email);
      if (other && other.id !== current.id) {
        throw new AppError('conflict', 'Another client already has this email address.', [{ path: 'email', message: 'Another client already has this email address' }]);
      }
    }
    const patch: Record<string, unknown> = { updated_at: ctx.now() };
    const changed: string[] = [];
    for (const [key, column] of Object.entries(columns)) {
      const value = input[key as keyof UpdateClientInput];
      if (value !== undefined) {
        patch[column] = value;
        changed.push(key);
      }
    }
    const row = await updateRow(trx, orgId, current.id, patch);
    // field names only: the values are personal data and stay out of the audit details
    await recordAudit(trx, ctx, { action: 'client.update', entityType: 'client', entityId: current.id, clientId: current.id, details: { fields: changed } });
    return toClientView(row!);
  });
}
