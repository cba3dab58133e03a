import type { Db } from '../../db/connect.js';
import { range } from '../../db/repositories/scheduling.repository.js';
import { lockResources } from '../../db/repositories/resource-locks.repository.js';
import type { Slot } from '../../domain/scheduling/availability.js';
import type { AvailabilityContext } from './availability-context.js';

/** A moved booking's rows per resource move with it, each with its own buffers (reschedule and its undo). */
export async function moveResources(trx: Db, org: string, id: string, a: AvailabilityContext, slot: Slot) {
  const buf = a.query.buffers;
  const rows: [kind: 'provider' | 'room' | 'device', id: string | null, before: number, after: number][] = [
    ['provider', slot.providerId, buf.provider.beforeMin, buf.provider.afterMin],
    ['room', slot.roomId, buf.room.beforeMin, buf.room.afterMin],
    ['device', slot.deviceId, buf.device.beforeMin, buf.device.afterMin],
  ];
  const held = rows.filter((r) => r[1] !== null).map(([, resourceId, before, after]) => ({ id: resourceId!, start: new Date(slot.start - before * 60_000), end: new Date(slot.end + after * 60_000) }));
  // the new ranges are taken in turn with other bookings of these resources (decision 0025)
  await lockResources(trx, held);
  for (const [kind, resourceId, before, after] of rows) {
    if (!resourceId) continue;
    await trx
      .updateTable('booking_resources')
      .set({ resource_id: resourceId, during: range(new Date(slot.start - before * 60_000), new Date(slot.end + after * 60_000)) })
      .where('organization_id', '=', org)
      .where('booking_id', '=', id)
      .where('resource_kind', '=', kind)
      .execute();
  }
}
