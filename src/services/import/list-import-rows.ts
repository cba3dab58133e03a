// The outcomes of a run's rows: the conflict report (future appointments not booked), the errors,
// or every row. The messages name clients: the read is audited.
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit-event.js';
import { loadImportRows } from './import-store.js';

export type RowFilter = 'all' | 'created' | 'existing' | 'error' | 'conflict';

export async function listImportRows(ctx: Ctx, id: string, outcome: RowFilter, limit: number, offset: number) {
  const org = ctx.principal.organizationId;
  await loadImportRows(ctx.db, org, id);
  let q = ctx.db.selectFrom('csv_import_rows').where('organization_id', '=', org).where('import_id', '=', id);
  if (outcome !== 'all') q = q.where('outcome', '=', outcome);
  const [rows, total] = await Promise.all([
    q.select(['row_number', 'outcome', 'client_id', 'entity_id', 'message']).orderBy('row_number').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'import.rows.read', entityType: 'csv_import', entityId: id, details: { outcome, count: rows.length } }));
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ row: r.row_number, outcome: r.outcome, clientId: r.client_id, entityId: r.entity_id, message: r.message })),
  };
}
