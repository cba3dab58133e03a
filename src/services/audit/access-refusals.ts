// Refused attempts: a role or ownership refusal (403), or an id that is not found in the caller's
// clinic on a route that names a record (404). They are counted per organization, user, route,
// status and hour in access_refusals, and a person's first refusal of each hour is appended to the
// audit trail (naming that route), so a probe of many ids or routes shows up with its counts without
// flooding the hash chain: at most one event per person an hour.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Ctx } from '../context.js';
import { appendAudit, recordAudit, type AuditActor } from './record-audit-event.js';

export const REFUSAL_WINDOW_MS = 60 * 60_000;

export interface Refusal {
  method: string;
  /** the route pattern as declared (/api/clients/{clientId}), never the concrete URL */
  route: string;
  status: 403 | 404;
}

export async function noteAccessRefusal(db: Db, actor: AuditActor & { userId: string; role: string }, r: Refusal, now: Date): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('access_refusals')
      .values({ organization_id: actor.organizationId, window_start: windowStart, user_id: actor.userId, role: actor.role, method: r.method, route: r.route, status: r.status, first_at: now, last_at: now, last_ip: actor.ip })
      .onConflict((oc) => oc.columns(['organization_id', 'window_start', 'user_id', 'method', 'route', 'status']).doUpdateSet({ count: sql`access_refusals.count + 1`, last_at: now, last_ip: actor.ip }))
      .returning('count')
      .executeTakeFirstOrThrow();
    if (row.count > 1) return;
    const routes = await trx
      .selectFrom('access_refusals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', actor.organizationId)
      .where('window_start', '=', windowStart)
      .where('user_id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    if (Number(routes.n) === 1) {
      await appendAudit(trx, actor, { action: 'access.refused', entityType: 'route', entityId: `${r.method} ${r.route}`, details: { status: r.status, window: windowStart.toISOString() } }, now);
    }
  });
}

export interface RefusalQuery {
  /** how many days back */
  days: number;
}

/** Refused attempts per person and route over the last days, most recent first; the read is audited. */
export async function listAccessRefusals(ctx: Ctx, q: RefusalQuery) {
  const since = new Date(ctx.now().getTime() - q.days * 86_400_000);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('access_refusals as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'r.role', 'r.method', 'r.route', 'r.status', 'u.name', 'u.email'])
      .select((eb) => [eb.fn.sum<number>('r.count').as('count'), eb.fn.min('r.first_at').as('first_at'), eb.fn.max('r.last_at').as('last_at'), eb.fn.max('r.last_ip').as('last_ip')])
      .where('r.organization_id', '=', ctx.principal.organizationId)
      .where('r.last_at', '>=', since)
      .groupBy(['r.user_id', 'r.role', 'r.method', 'r.route', 'r.status', 'u.name', 'u.email'])
      .orderBy('last_at', 'desc')
      .limit(200)
      .execute();
    await recordAudit(trx, ctx, { action: 'access_refusal.list', entityType: 'access_refusal', details: { days: q.days, count: rows.length } });
    return {
      since: since.toISOString(),
      items: rows.map((r) => ({
        userId: r.user_id,
        name: r.name,
        email: r.email,
        role: r.role,
        method: r.method,
        route: r.route,
        status: r.status,
        count: Number(r.count),
        firstAt: new Date(r.first_at).toISOString(),
        lastAt: new Date(r.last_at).toISOString(),
        lastIp: r.last_ip,
      })),
    };
  });
}
