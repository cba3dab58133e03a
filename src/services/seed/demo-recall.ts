// One demo client for the recall flows (docs/recall.md): a series of three pen treatments whose first
// session was done four weeks ago and whose next two were cancelled, so the window for the next
// session is open today and nothing of the service is booked. With the series flow switched on, she
// is the one client the demo recalls. Kept apart from the six-month history so its plan and counts
// stay as they are.
import type { Db } from '../../db/connect.js';
import { insertClient } from '../../db/repositories/clients.repository.js';
import { insertMembership } from '../../db/repositories/memberships.repository.js';
import { addDays, instantOf, localDateOf } from '../../domain/scheduling/local-time.js';

export const DEMO_RECALL_CLIENT = { first: 'Rita', last: 'Recall', email: 'recall@glow.example.com', phone: '+1 512 555 0106', dob: '1987-05-21' } as const;

const ZONE = 'America/Chicago';
const SERIES_ID = '5e51e5a0-0000-4000-8000-000000000001';

export async function seedDemoRecallClient(
  trx: Db,
  a: { organizationId: string; now: Date; locationId: string; userId: string; providerId: string; createdBy: string },
): Promise<string> {
  const c = DEMO_RECALL_CLIENT;
  await insertMembership(trx, { organization_id: a.organizationId, user_id: a.userId, role: 'client' });
  const client = await insertClient(trx, {
    organization_id: a.organizationId, user_id: a.userId, first_name: c.first, last_name: c.last, email: c.email, phone: c.phone,
    date_of_birth: c.dob, preferred_location_id: a.locationId,
  });
  const service = await trx.selectFrom('services').select('id').where('organization_id', '=', a.organizationId).where('code', '=', 'pen_face').executeTakeFirstOrThrow();
  const today = localDateOf(a.now.getTime(), ZONE);
  // 28 days ago: the next session's window (14 days at the least) opened two weeks ago
  const sessions = [
    { offset: -28, status: 'completed' as const, reason: null },
    { offset: -7, status: 'cancelled' as const, reason: 'The client will choose a new date.' },
    { offset: 21, status: 'cancelled' as const, reason: 'The client will choose a new date.' },
  ];
  const rows = sessions.map((s, i) => {
    const start = instantOf(addDays(today, s.offset), '16:30', ZONE);
    return {
      organization_id: a.organizationId, location_id: a.locationId, client_id: client.id, service_id: service.id, status: s.status,
      starts_at: new Date(start), ends_at: new Date(start + 60 * 60_000), provider_user_id: a.providerId, room_id: null, device_id: null,
      hold_expires_at: null, idempotency_key: null, series_id: SERIES_ID, series_index: i + 1, plan_id: null, price_line_id: null,
      override_reason: null, cancel_reason: s.reason, created_by: a.createdBy, created_at: new Date(instantOf(addDays(today, -35), '12:00', ZONE)),
    };
  });
  await trx.insertInto('bookings').values(rows).execute();
  return client.id;
}
