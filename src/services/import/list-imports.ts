// The history of imports, newest first, with the progress of one that runs.
import type { Ctx } from '../context.js';
import { importView, selectImports } from './import-store.js';

export async function listImports(ctx: Ctx) {
  const rows = await selectImports(ctx.db, ctx.principal.organizationId).orderBy('i.created_at', 'desc').orderBy('i.id').limit(100).execute();
  const items = rows.map((r) => importView(r, ctx.now()));
  return { running: items.some((i) => i.status === 'running'), items };
}
