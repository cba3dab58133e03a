import { z } from 'zod';
import { renameUser } from '../../db/repositories/users.repository.js';
import { personName } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { notFound } from '../errors.js';

export const renameStaffInput = z.strictObject({ name: personName({ min: 2, max: 120 }) });

/**
 * A staff member's name (with any title) as clients and colleagues see it. Only staff management
 * changes it, on the record: nobody renames themselves into a title they do not hold. Signed
 * consents and charts keep the name they were signed with.
 */
export async function renameStaff(ctx: Ctx, userId: string, input: z.infer<typeof renameStaffInput>) {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.role', 'u.name'])
      .where('m.organization_id', '=', org)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    if (!m || m.role === 'client') throw notFound('staff member');
    await renameUser(trx, userId, input.name, ctx.now());
    await recordAudit(trx, ctx, { action: 'staff.rename', entityType: 'membership', entityId: userId, details: { from: m.name, to: input.name } });
    return { userId, name: input.name };
  });
}
