// A small clinic ready to book: opening hours, a provider with a licence and hours, a room, a pen
// device, scope rules for Texas, a consultation and a pen treatment. Set up through the API where
// one exists (the way an owner would), directly in the database for rooms and devices.
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';
import type { Actor, Org } from './factory.js';

export interface Clinic {
  owner: Actor;
  provider: Actor;
  frontDesk: Actor;
  roomId: string;
  deviceId: string;
  consultationId: string;
  penId: string;
}

const WEEKDAYS = { 1: [{ start: '09:00', end: '17:00' }], 2: [{ start: '09:00', end: '17:00' }], 3: [{ start: '09:00', end: '17:00' }], 4: [{ start: '09:00', end: '17:00' }], 5: [{ start: '09:00', end: '17:00' }] };

export async function setUpClinic(t: TestApp, org: Org, opts: { minNoticeMin?: number } = {}): Promise<Clinic> {
  const owner = await t.factory.actor(org, 'owner');
  const provider = await t.factory.actor(org, 'provider');
  const frontDesk = await t.factory.actor(org, 'front_desk');
  await t.db.updateTable('memberships').set({ licence_type: 'rn', licence_state: 'TX', licence_expires_on: '2030-12-31' }).where('organization_id', '=', org.id).where('user_id', '=', provider.userId).execute();
  const call = async (method: string, path: string, body: unknown) => {
    const res = await t.request(path, { method, cookie: owner.cookie, body });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as { id?: string };
  };
  await call('PUT', `/api/locations/${org.locationId}/schedule`, { weekly: WEEKDAYS, gridMin: 15, minNoticeMin: opts.minNoticeMin ?? 60, horizonDays: 90, holdMin: 10, lateCancelHours: 24 });
  await call('PUT', `/api/providers/${provider.userId}/schedule`, { locationId: org.locationId, weekly: WEEKDAYS });
  await call('PUT', '/api/scope-rules', { state: 'TX', licenceType: 'rn', modality: 'pen', outcome: 'supervised' });
  const room = await t.db.insertInto('rooms').values({ organization_id: org.id, location_id: org.locationId, name: 'Room 1' }).returning('id').executeTakeFirstOrThrow();
  const device = await t.db
    .insertInto('devices')
    .values({ organization_id: org.id, location_id: org.locationId, modality: 'pen', manufacturer: 'Crown', model: 'SkinPen', serial: `SP-${org.slug}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consultation = await call('POST', '/api/services', { code: 'consultation', name: 'Consultation', kind: 'consultation', treatmentMin: 30 });
  const pen = await call('POST', '/api/services', {
    code: 'pen_face', name: 'Pen microneedling, full face', kind: 'treatment', modality: 'pen', treatmentMin: 40, numbingMin: 20, needsDevice: true, buffers: { deviceAfter: 10, roomAfter: 10 },
  });
  return { owner, provider, frontDesk, roomId: room.id, deviceId: device.id, consultationId: consultation.id!, penId: pen.id! };
}
