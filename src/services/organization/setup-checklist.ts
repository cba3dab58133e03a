// The clinic's set-up checklist: each step's state is read from what the clinic has recorded, never
// ticked by hand, so a step done elsewhere (a room added, a licence entered) shows as done here, and
// a step undone (the last room deactivated) opens again.
import { Temporal } from 'temporal-polyfill';
import { readSetupFacts, type SetupFacts } from '../../db/repositories/setup-progress.repository.js';
import { humanDate } from '../../domain/shared/human-date.js';
import type { Ctx } from '../context.js';
import type { SetupChecklistView, SetupStepId } from './setup.schema.js';

const SCHEDULING = '/console/settings?tab=scheduling';

const names = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const hasHours = (weekly: unknown) => typeof weekly === 'object' && weekly !== null && Object.values(weekly).some((r) => Array.isArray(r) && r.length > 0);

type Step = { id: SetupStepId; title: string; done: boolean; detail: string; href: string };

/** The steps from the facts; `today` is the clinic's local date (licences expire by date). */
export function checklistOf(f: SetupFacts, today: string): Step[] {
  const at = (pred: (locationId: string) => boolean) => f.locations.filter((l) => !pred(l.id)).map((l) => l.name);
  const noHours = at((id) => f.schedules.some((s) => s.location_id === id && hasHours(s.weekly)));
  const licensed = f.clinicians.filter((c) => c.licence_type && c.licence_number && (!c.licence_expires_on || c.licence_expires_on >= today));
  const noRoom = at((id) => f.rooms.some((r) => r.location_id === id));
  const unpriced = f.services.filter((s) => f.locations.some((l) => !f.prices.some((p) => p.location_id === l.id && p.service_code === s.code)));
  const noPolicy = at((id) => f.policies.some((p) => p.location_id === id));
  const reviewed = f.organization.consents_reviewed_at;
  return [
    {
      id: 'hours', title: 'Opening hours', done: noHours.length === 0, href: SCHEDULING,
      detail: noHours.length === 0 ? 'Opening hours are set at every location.' : `Set the opening hours of ${names(noHours)}.`,
    },
    {
      id: 'providers', title: 'Providers and their licences', done: licensed.length > 0, href: '/console/settings?tab=staff',
      detail: licensed.length > 0
        ? `${plural(licensed.length, 'clinician')} with a current licence on record. Give each their weekly hours under Scheduling.`
        : 'Invite a provider or medical director, then record their licence: type, number, state and expiry.',
    },
    {
      id: 'rooms', title: 'Treatment rooms', done: noRoom.length === 0, href: SCHEDULING,
      detail: noRoom.length === 0 ? `${plural(f.rooms.length, 'room')} ready for treatments.` : `Add a treatment room at ${names(noRoom)}.`,
    },
    {
      id: 'devices', title: 'Devices', done: f.devices.length > 0, href: SCHEDULING,
      detail: f.devices.length > 0 ? `${plural(f.devices.length, 'device')} on record.` : 'Add the microneedling pens, rollers or RF devices you treat with, with their serial numbers.',
    },
    {
      id: 'services', title: 'Services and prices', done: f.services.length > 0 && unpriced.length === 0,
      href: f.services.length === 0 ? SCHEDULING : '/console/settings?tab=prices',
      detail: f.services.length === 0
        ? 'Add the services clients can book: a consultation and your treatments.'
        : unpriced.length > 0
          ? `Set a price for ${names(unpriced.slice(0, 3).map((s) => s.name))}${unpriced.length > 3 ? ` and ${plural(unpriced.length - 3, 'more service')}` : ''} at every location.`
          : `${plural(f.services.length, 'service')}, each with a price at every location.`,
    },
    {
      id: 'billing', title: 'Billing policy', done: noPolicy.length === 0, href: '/console/settings?tab=billing',
      detail: noPolicy.length === 0 ? 'Sales tax, deposits and the cancellation policy are set.' : `Set sales tax, deposits and the cancellation policy of ${names(noPolicy)}.`,
    },
    {
      id: 'consents', title: 'Consent documents', done: reviewed !== null, href: '/console/setup/consents',
      detail: reviewed
        ? `Read on ${humanDate(new Date(reviewed).toISOString().slice(0, 10))}.`
        : 'Read the consent documents clients sign before treatment and photographs, then confirm the clinic uses them.',
    },
    {
      id: 'online_booking', title: 'Online booking', done: f.organization.online_booking, href: '/console/settings?tab=locations',
      detail: f.organization.online_booking
        ? 'On: clients can find the clinic, create an account and book in the portal.'
        : 'Switch it on when you are ready: clients can then find the clinic, create an account and book.',
    },
  ];
}

export async function getSetupChecklist(ctx: Ctx): Promise<SetupChecklistView> {
  const facts = await readSetupFacts(ctx.db, ctx.principal.organizationId);
  const zone = facts.locations[0]?.time_zone ?? 'UTC';
  const today = Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime()).toZonedDateTimeISO(zone).toPlainDate().toString();
  const steps = checklistOf(facts, today);
  const done = steps.filter((s) => s.done).length;
  return { organizationName: facts.organization.name, complete: done === steps.length, done, total: steps.length, steps };
}
