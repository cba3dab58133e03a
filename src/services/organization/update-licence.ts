import { z } from 'zod';
import { isoDate, line } from '../../domain/shared/input.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { notFound } from '../errors.js';

export const licenceInput = z.strictObject({
  licenceType: z.enum(['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician']).nullable(),
  licenceNumber: line({ min: 0, max: 60 }).nullable(),
  licenceState: z.string().regex(/^[A-Z]{2}$/, 'a two-letter US state').nullable(),
  licenceExpiresOn: isoDate().nullable(),
});

/** The licence as saved: the same fields as sent, null where none is recorded. */
export const StaffLicence = z
  .object({
    licenceType: z.enum(['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician']).nullable(),
    licenceNumber: z.string().nullable(),
    licenceState: z.string().nullable().describe('Two-letter US state'),
    licenceExpiresOn: z.iso.date().nullable().describe('ISO date YYYY-MM-DD'),
  })
  .meta({
    id: 'StaffLicence',
    description: "A clinician's licence type, number, state and expiry",
    example: { licenceType: 'rn', licenceNumber: 'RN123456', licenceState: 'TX', licenceExpiresOn: '2027-08-31' },
  });

/** A clinician's licence: type, number, state and expiry decide review rights and scope of practice. */
export async function updateLicence(ctx: Ctx, userId: string, input: z.infer<typeof licenceInput>): Promise<z.output<typeof StaffLicence>> {
  const org = ctx.principal.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('memberships').select(['role']).where('organization_id', '=', org).where('user_id', '=', userId).executeTakeFirst();
    if (!m || m.role === 'client') throw notFound('staff member');
    await trx
      .updateTable('memberships')
      .set({ licence_type: input.licenceType, licence_number: input.licenceNumber, licence_state: input.licenceState, licence_expires_on: input.licenceExpiresOn })
      .where('organization_id', '=', org)
      .where('user_id', '=', userId)
      .execute();
    await recordAudit(trx, ctx, { action: 'staff.licence.update', entityType: 'membership', entityId: userId, details: { licenceType: input.licenceType, expiresOn: input.licenceExpiresOn } });
    return input;
  });
}
