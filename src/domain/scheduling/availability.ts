// Which start times can be offered for a service: every required resource (provider, and room and
// device when the service needs them) free together for the appointment plus that resource's own
// buffers, on the location's alignment grid, after the minimum notice and within the horizon.
import { covers, feasibleStarts, intersect, normalize, union, type Interval } from './intervals.js';
import { alignUp, offsetFinder } from './local-time.js';

export type ResourceKind = 'provider' | 'room' | 'device';

export interface ResourceFree {
  id: string;
  /** open hours minus busy time (bookings with their buffers, holds, time off, maintenance); normalized */
  free: Interval[];
}

export interface Buffers {
  beforeMin: number;
  afterMin: number;
}

export interface SlotQuery {
  /** minutes every required resource is held for the appointment itself */
  durationMin: number;
  /** set-up and clean-up owned by each resource: a device's cleaning blocks the device, not the provider */
  buffers: Record<ResourceKind, Buffers>;
  providers: ResourceFree[];
  /** null when the service needs no room (or no device) */
  rooms: ResourceFree[] | null;
  devices: ResourceFree[] | null;
  /** the part of time being searched */
  window: Interval;
  gridMin: number;
  timeZone: string;
  now: number;
  minNoticeMin: number;
  horizonDays: number;
}

export interface Slot {
  start: number;
  end: number;
  providerId: string;
  roomId: string | null;
  deviceId: string | null;
}

const MIN = 60_000;

/** Start ranges for a kind of resource: any one of the candidates will do. */
function startsForAny(list: ResourceFree[], durationMs: number, b: Buffers): Interval[] {
  let acc: Interval[] = [];
  for (const r of list) acc = union(acc, feasibleStarts(r.free, durationMs, b.beforeMin * MIN, b.afterMin * MIN));
  return acc;
}

/** The first candidate free for the appointment and its buffers at this start. */
function pick(list: ResourceFree[] | null, start: number, durationMs: number, b: Buffers): string | null | undefined {
  if (list === null) return null;
  const r = list.find((x) => covers(x.free, start - b.beforeMin * MIN, start + durationMs + b.afterMin * MIN));
  return r ? r.id : undefined;
}

export function findSlots(q: SlotQuery): Slot[] {
  const durationMs = q.durationMin * MIN;
  const gridMs = q.gridMin * MIN;
  const earliest = Math.max(q.window.start, q.now + q.minNoticeMin * MIN);
  const latest = Math.min(q.window.end, q.now + q.horizonDays * 24 * 60 * MIN);
  if (latest <= earliest) return [];
  // the appointment must also end inside the searched window
  const bounds: Interval[] = [{ start: earliest, end: latest - durationMs + 1 }];
  let shared = bounds;
  if (q.rooms) shared = intersect(shared, startsForAny(q.rooms, durationMs, q.buffers.room));
  if (q.devices) shared = intersect(shared, startsForAny(q.devices, durationMs, q.buffers.device));
  const offsetAt = offsetFinder(q.timeZone);
  const slots: Slot[] = [];
  for (const p of q.providers) {
    const ranges = normalize(intersect(shared, feasibleStarts(p.free, durationMs, q.buffers.provider.beforeMin * MIN, q.buffers.provider.afterMin * MIN)));
    for (const r of ranges) {
      for (let t = alignUp(r.start, gridMs, offsetAt); t < r.end; t = alignUp(t + 1, gridMs, offsetAt)) {
        const roomId = pick(q.rooms, t, durationMs, q.buffers.room);
        const deviceId = pick(q.devices, t, durationMs, q.buffers.device);
        // the union of rooms said some room fits; pick finds which (undefined never happens here)
        if (roomId === undefined || deviceId === undefined) continue;
        slots.push({ start: t, end: t + durationMs, providerId: p.id, roomId, deviceId });
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start || a.providerId.localeCompare(b.providerId));
}
