import type { Db } from '../../db/connect.js';
import { findClientOrThrow } from '../../db/repositories/clients.repository.js';
import { buildAftercarePlan } from '../../domain/treatment/aftercare-plan.js';
import { AFTERCARE } from '../../domain/protocols/microneedling/aftercare.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';

const HOUR = 3_600_000;

/**
 * The aftercare journey, created when the chart is signed: the protocol's timed instructions and
 * check-ins on days 1, 3, 7 and 14 in the location's zone, and the messages that carry them. Unique
 * keys make it idempotent: signing twice (or a retry) creates nothing twice.
 */
export async function startAftercare(trx: Db, organizationId: string, j: { bookingId: string; clientId: string; chartId: string; modality: string; treatedAt: Date; timeZone: string }) {
  const created = await trx
    .insertInto('aftercare_journeys')
    .values({ organization_id: organizationId, booking_id: j.bookingId, client_id: j.clientId, chart_id: j.chartId, modality: j.modality, treated_at: j.treatedAt, time_zone: j.timeZone })
    .onConflict((oc) => oc.columns(['organization_id', 'booking_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const journey = await trx.selectFrom('aftercare_journeys').selectAll().where('organization_id', '=', organizationId).where('booking_id', '=', j.bookingId).executeTakeFirstOrThrow();
  const plan = buildAftercarePlan(new Date(journey.treated_at).getTime(), journey.time_zone);
  // check-ins only with a new journey; the messages below carry their own idempotency keys
  if (created) {
    for (const c of plan.checkIns) await trx.insertInto('aftercare_check_ins').values({ organization_id: organizationId, journey_id: journey.id, day: c.day, due_at: new Date(c.dueAt) }).execute();
  }
  const client = await findClientOrThrow(trx, organizationId, j.clientId);
  if (!client.email) return journey.id;
  const treated = new Date(journey.treated_at).getTime();
  const item = (id: string) => AFTERCARE.find((a) => a.id === id)!.text;
  const messages: { key: string; at: number; subject: string; text: string }[] = [
    { key: 'today', at: treated, subject: 'Your aftercare, starting now', text: [item('AC-1'), item('AC-2'), item('AC-4'), item('AC-5'), item('AC-6'), item('AC-7'), 'Redness like a sunburn for 1 to 3 days and flaking on days 2 to 5 are expected.'].join('\n- ') },
    { key: '24h', at: treated + 24 * HOUR, subject: 'From today: sunscreen every day', text: item('AC-3') },
    { key: '72h', at: treated + 72 * HOUR, subject: 'Exercise can start again', text: 'Three days have passed: gentle exercise and sweating are fine again. Pools, sauna and steam wait until day 7.' },
    { key: '7d', at: treated + 168 * HOUR, subject: 'One week on', text: 'Pools, sauna and steam are fine again, and you can restart retinoids and acids once your skin is calm. Redness still there after 7 days? Tell us in the portal.' },
    ...plan.checkIns.map((c) => ({ key: `checkin-${c.day}`, at: c.dueAt, subject: `Day ${c.day}: how is your skin?`, text: 'Answer three quick questions in the portal under My care, so your provider knows how you are healing.' })),
  ];
  for (const m of messages) {
    await enqueueMessage(trx, {
      organizationId, channel: 'email', kind: `aftercare.${m.key}`, to: client.email, bookingId: j.bookingId, clientId: j.clientId, idempotencyKey: `aftercare:${journey.id}:${m.key}`,
      // the first goes out at once; the rest at their time, after the client's quiet hours
      ...(m.key === 'today' ? {} : { sendAfter: new Date(m.at) }),
      subject: m.subject, text: `Hello ${client.first_name},\n\n- ${m.text}\n`,
    });
  }
  return journey.id;
}
