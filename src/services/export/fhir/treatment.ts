// Treatment records as FHIR R4: Procedure per charted session (device, cartridge lots, depth and
// passes per body site), Media per photo, Observation per outcome measure (GAIS, satisfaction,
// Goodman and Baron), AdverseEvent with grade, seriousness, relatedness and the suspect device or lot.
import type { AdverseEvent, CodeableConcept, Device, Extension, Media, Observation, Procedure, ProcedurePerformer, Reference } from '@medplum/fhirtypes';
import type { ClinicRows } from '../load-clinic.js';
import type { FileRef } from './clinical.js';
import { EXT, SYSTEM, dateOnly, fhirId, instant, ref, words } from './common.js';

interface ChartJson {
  deviceId?: string;
  lotIds?: string[];
  numbing?: { product: string; amount: string; area: string; onAt: string; offAt: string } | null;
  areas?: { area: string; depthMm: number; passes: number; rfPreset?: string }[];
  products?: { name: string }[];
  endPoint?: string;
  notes?: string;
}

const MM = { unit: 'mm', system: 'http://unitsofmeasure.org', code: 'mm' } as const;

export function procedure(c: ClinicRows['charts'][number], rows: ClinicRows): Procedure {
  const chart = (c.data ?? {}) as ChartJson;
  const booking = rows.bookings.find((b) => b.id === c.booking_id);
  const lots = chart.lotIds ?? rows.chartLots.filter((l) => l.chart_id === c.id).map((l) => l.lot_id);
  const bodySite: CodeableConcept[] = (chart.areas ?? []).map((a) => {
    const extension: Extension[] = [{ url: EXT.needleDepth, valueQuantity: { value: a.depthMm, ...MM } }, { url: EXT.passes, valueInteger: a.passes }];
    if (a.rfPreset) extension.push({ url: EXT.rfPreset, valueString: a.rfPreset });
    return { coding: [{ system: SYSTEM.area, code: a.area }], text: `${words(a.area)}: ${a.depthMm} mm, ${a.passes} pass${a.passes === 1 ? '' : 'es'}`, extension };
  });
  const notes = [
    chart.numbing ? `Numbing: ${chart.numbing.product}, ${chart.numbing.amount}, ${chart.numbing.area}, ${chart.numbing.onAt}–${chart.numbing.offAt}` : 'No numbing',
    chart.endPoint ? `End point: ${chart.endPoint}` : null,
    chart.products?.length ? `Products: ${chart.products.map((p) => p.name).join(', ')}` : null,
    chart.notes || null,
    c.amendment_reason ? `Amended (version ${c.version}): ${c.amendment_reason}` : null,
  ].filter((x): x is string => Boolean(x));
  const performer: ProcedurePerformer[] = [{ actor: ref('Practitioner', c.provider_user_id, c.signed_name) }];
  if (c.cosigned_by) performer.push({ function: { text: 'co-signed by the medical director' }, actor: ref('Practitioner', c.cosigned_by) });
  return {
    resourceType: 'Procedure',
    id: fhirId(c.id),
    status: 'completed',
    code: { text: booking ? booking.service_name : 'Microneedling' },
    subject: ref('Patient', c.client_id),
    ...(booking ? { performedPeriod: { start: instant(booking.starts_at), end: instant(booking.ends_at) }, location: ref('Location', booking.location_id) } : { performedDateTime: instant(c.signed_at ?? c.created_at) }),
    ...(booking?.plan_id ? { basedOn: [ref('CarePlan', booking.plan_id)] } : {}),
    recorder: ref('Practitioner', c.provider_user_id),
    performer,
    ...(bodySite.length ? { bodySite } : {}),
    ...(chart.deviceId ? { focalDevice: [{ action: { text: 'used' }, manipulated: ref('Device', chart.deviceId) }] } : {}),
    ...(lots.length ? { usedReference: lots.map((id) => ref('Device', id)) } : {}),
    ...(notes.length ? { note: notes.map((text) => ({ text })) } : {}),
    extension: [{ url: `${EXT.needleDepth}-appointment`, valueReference: ref('Appointment', c.booking_id) }],
  };
}

const VIEWS: Record<string, string> = { front: 'front', left_45: 'left 45°', right_45: 'right 45°', left_90: 'left profile', right_90: 'right profile' };
const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic' };

export const photoContentType = (storageKey: string) => CONTENT_TYPES[storageKey.split('.').pop()?.toLowerCase() ?? ''] ?? 'image/jpeg';

export function media(p: ClinicRows['photos'][number], file: FileRef, staffIds: Set<string>, rows: ClinicRows): Media {
  const chart = p.booking_id ? rows.charts.find((c) => c.booking_id === p.booking_id) : undefined;
  return {
    resourceType: 'Media',
    id: fhirId(p.id),
    status: 'completed',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/media-type', code: 'image', display: 'Image' }] },
    view: { text: VIEWS[p.view] ?? p.view },
    subject: ref('Patient', p.client_id),
    ...(chart ? { partOf: [ref('Procedure', chart.id)] } : {}),
    createdDateTime: instant(p.created_at),
    ...(staffIds.has(p.uploaded_by) ? { operator: ref('Practitioner', p.uploaded_by) } : {}),
    reasonCode: [{ text: `${words(p.stage)} photo` }],
    height: p.height,
    width: p.width,
    content: { contentType: photoContentType(p.storage_key), url: file.url, title: `${p.stage} ${p.view}`, creation: instant(p.created_at), ...(file.size !== undefined ? { size: file.size } : {}), ...(file.sha1 ? { hash: file.sha1 } : {}) },
    note: [{ text: `sha256 ${p.sha256}${p.marketing_at ? '; approved for marketing' : ''}` }],
  };
}

const MEASURES: Record<ClinicRows['outcomes'][number]['measure'], string> = {
  gais: 'Global Aesthetic Improvement Scale (GAIS)',
  satisfaction: 'Client satisfaction',
  goodman_baron_qualitative: 'Goodman and Baron qualitative acne scar grade',
  goodman_baron_quantitative: 'Goodman and Baron quantitative acne scar score',
};

export function observation(o: ClinicRows['outcomes'][number], staffIds: Set<string>): Observation {
  return {
    resourceType: 'Observation',
    id: fhirId(o.id),
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: o.measure === 'satisfaction' ? 'survey' : 'exam' }] }],
    code: { coding: [{ system: SYSTEM.measure, code: o.measure }], text: MEASURES[o.measure] },
    subject: ref('Patient', o.client_id),
    effectiveDateTime: dateOnly(o.assessed_on),
    issued: instant(o.created_at),
    performer: [staffIds.has(o.assessed_by) ? ref('Practitioner', o.assessed_by) : ref('Patient', o.client_id)],
    ...(Number.isInteger(o.value) ? { valueInteger: o.value } : { valueQuantity: { value: o.value } }),
    ...(o.label ? { interpretation: [{ text: o.label }] } : {}),
    note: [{ text: `timepoint: ${words(o.timepoint)}` }],
  };
}

const SEVERITY = (grade: number | null) => (grade === null ? null : grade <= 1 ? 'mild' : grade === 2 ? 'moderate' : 'severe');

export function adverseEvent(a: ClinicRows['adverseEvents'][number], rows: ClinicRows): AdverseEvent {
  const severity = SEVERITY(a.grade);
  const chart = a.booking_id ? rows.charts.find((c) => c.booking_id === a.booking_id) : undefined;
  const suspect: Reference<Device | Procedure> | null = a.lot_id ? ref('Device', a.lot_id) : a.device_id ? ref('Device', a.device_id) : chart ? ref('Procedure', chart.id) : null;
  return {
    resourceType: 'AdverseEvent',
    id: fhirId(a.id),
    actuality: 'actual',
    event: { coding: [{ system: SYSTEM.adverse, code: a.code }], text: `${words(a.code)}: ${a.description}` },
    subject: ref('Patient', a.client_id),
    date: dateOnly(a.onset_on),
    recordedDate: instant(a.created_at),
    recorder: ref('Practitioner', a.created_by),
    seriousness: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness', code: a.serious ? 'serious' : 'non-serious' }] },
    ...(severity ? { severity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity', code: severity }], text: `grade ${a.grade}` } } : {}),
    outcome: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome', code: a.status === 'resolved' ? 'resolved' : 'ongoing' }] },
    ...(suspect ? { suspectEntity: [{ instance: suspect, causality: [{ assessment: { text: a.relatedness } }] }] } : {}),
  };
}
