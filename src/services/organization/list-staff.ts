import { listStaff as listRows } from '../../db/repositories/memberships.repository.js';
import type { Ctx } from '../context.js';

export async function listStaff(ctx: Ctx) {
  const rows = await listRows(ctx.db, ctx.principal.organizationId);
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: r.role,
    title: r.title,
    licenceType: r.licence_type,
    licenceNumber: r.licence_number,
    licenceState: r.licence_state,
    licenceExpiresOn: r.licence_expires_on,
    twoFactorEnabled: r.two_factor_enabled,
    active: r.active,
  }));
}
