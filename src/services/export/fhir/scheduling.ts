// Visits and equipment as FHIR R4: Appointment (client, provider, site, room, device), Device for
// each treatment device and each received needle-cartridge lot (lot number, expiry, recall).
import type { Appointment, AppointmentParticipant, Device } from '@medplum/fhirtypes';
import type { BookingRow, ClinicRows } from '../load-clinic.js';
import { SYSTEM, dateOnly, fhirId, instant, ref, words } from './common.js';

const STATUS: Record<BookingRow['status'], Appointment['status']> = {
  held: 'pending',
  confirmed: 'booked',
  checked_in: 'arrived',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  late_cancelled: 'cancelled',
  no_show: 'noshow',
};

export function appointment(b: BookingRow, rows: ClinicRows): Appointment {
  const accepted = (actor: AppointmentParticipant['actor']): AppointmentParticipant => ({ actor, required: 'required', status: 'accepted' });
  const client = rows.clients.find((c) => c.id === b.client_id);
  const provider = rows.staff.find((s) => s.user_id === b.provider_user_id);
  const participant: AppointmentParticipant[] = [
    accepted(ref('Patient', b.client_id, client ? `${client.first_name} ${client.last_name}` : null)),
    accepted(ref('Practitioner', b.provider_user_id, provider?.name)),
    accepted(ref('Location', b.location_id)),
    ...(b.room_id ? [accepted(ref('Location', b.room_id))] : []),
    ...(b.device_id ? [accepted(ref('Device', b.device_id))] : []),
  ];
  return {
    resourceType: 'Appointment',
    id: fhirId(b.id),
    status: STATUS[b.status],
    ...(b.status === 'late_cancelled' || b.status === 'cancelled' ? { cancelationReason: { text: b.cancel_reason ?? (b.status === 'late_cancelled' ? 'cancelled late' : 'cancelled') } } : {}),
    serviceType: [{ coding: [{ system: SYSTEM.service, code: b.service_code }], text: b.service_name }],
    appointmentType: { text: b.service_kind },
    description: b.service_name,
    start: instant(b.starts_at),
    end: instant(b.ends_at),
    minutesDuration: Math.round((new Date(b.ends_at).getTime() - new Date(b.starts_at).getTime()) / 60_000),
    created: dateOnly(new Date(b.created_at)),
    ...(b.plan_id ? { supportingInformation: [ref('CarePlan', b.plan_id)] } : {}),
    participant,
  };
}

export function devices(rows: ClinicRows): Device[] {
  const equipment: Device[] = rows.devices.map((d) => ({
    resourceType: 'Device',
    id: fhirId(d.id),
    status: d.active ? 'active' : 'inactive',
    manufacturer: d.manufacturer,
    serialNumber: d.serial,
    modelNumber: d.model,
    deviceName: [{ name: `${d.manufacturer} ${d.model}`, type: 'user-friendly-name' }],
    type: { text: `${words(d.modality)} microneedling device` },
    owner: ref('Organization', rows.organization.id),
    location: ref('Location', d.location_id),
  }));
  const lots: Device[] = rows.lots.map((l) => ({
    resourceType: 'Device',
    id: fhirId(l.id),
    status: l.recalled_at ? 'inactive' : 'active',
    ...(l.recalled_at ? { statusReason: [{ text: `recalled: ${l.recall_reason ?? 'no reason given'}` }] } : {}),
    manufacturer: l.manufacturer,
    lotNumber: l.lot_number,
    expirationDate: dateOnly(l.expires_on),
    deviceName: [{ name: l.product, type: 'user-friendly-name' }],
    type: { text: 'needle cartridge' },
    owner: ref('Organization', rows.organization.id),
    location: ref('Location', l.location_id),
  }));
  return [...equipment, ...lots];
}
