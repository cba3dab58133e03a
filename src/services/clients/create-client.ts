import { findClientByEmail, insertClient } from '../../db/repositories/clients.repository.js';
import { listLocations } from '../../db/repositories/organizations.repository.js';
import type { Ctx } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { recordAudit } from '../audit/record-audit-event.js';
import type { CreateClientInput } from './client-input.js';
import { toClientView } from './client-view.js';
import type { Db } from '../../db/connect.js';
import { assertDateOfBirth } from '../plausible-dates.js';

export async function assertLocationInOrg(trx: Db, organizationId: string, locationId: string | null | undefined) {
  if (!locationId) return;
  const locations = await listLocations(trx, organizationId);
  if (!locations.some((l) => l.id === locationId)) throw invalid('preferredLocationId', 'Choose a location from the list');
}

export async function createClient(ctx: Ctx, input: CreateClientInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const orgId = ctx.principal.organizationId;
    assertDateOfBirth(input.dateOfBirth, ctx.now());
    await assertLocationInOrg(trx, orgId, input.preferredLocationId);
    if (input.email && (await findClientByEmail(trx, orgId, input.email))) {
      throw new AppError('conflict', 'Another client already has this email address.', [{ path: 'email', message: 'Another client already has this email address' }]);
    }
    const row = await insertClient(trx, {
      organization_id: orgId,
      first_name: input.firstName,
      last_name: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      date_of_birth: input.dateOfBirth ?? null,
      preferred_location_id: input.preferredLocationId ?? null,
      user_id: null,
    });
    await recordAudit(trx, ctx, { action: 'client.create', entityType: 'client', entityId: row.id, clientId: row.id });
    return toClientView(row);
  });
}
