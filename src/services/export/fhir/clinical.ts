// Decisions and agreements as FHIR R4: the screening result as RiskAssessment (every finding with
// its rule id and sources), the treatment plan as CarePlan (depth per area), the signed consent as
// Consent with its PDF as DocumentReference.
import type { CarePlan, CarePlanActivity, Consent, DocumentReference, RiskAssessment } from '@medplum/fhirtypes';
import type { ClinicRows } from '../load-clinic.js';
import { EXT, SYSTEM, fhirId, instant, ref, words } from './common.js';
import { intakeId } from './intake.js';

/** Where an exported file is (a path inside the export, or an API address) and what it holds. */
export interface FileRef {
  url: string;
  size?: number;
  /** SHA-1, base64, as FHIR's Attachment.hash wants it */
  sha1?: string;
}

interface FindingJson {
  ruleId?: string;
  outcome?: string;
  message?: string;
  areas?: string[];
  until?: string | null;
  sources?: string[];
}

export function riskAssessment(s: ClinicRows['screenings'][number]): RiskAssessment {
  const result = (s.result ?? {}) as { findings?: FindingJson[] };
  const findings = result.findings ?? [];
  return {
    resourceType: 'RiskAssessment',
    id: fhirId(s.id),
    status: 'final',
    subject: ref('Patient', s.client_id),
    occurrenceDateTime: instant(s.created_at),
    code: { text: `Microneedling candidacy screening (${words(s.modality)})` },
    method: { coding: [{ system: 'urn:dermis:protocol', code: s.protocol }], text: `${s.protocol}, clinical settings v${s.settings_version}` },
    basis: [ref('QuestionnaireResponse', intakeId(s.client_id, s.intake_version))],
    prediction: [
      { outcome: { coding: [{ system: 'urn:dermis:screening-decision', code: s.decision }], text: `Decision: ${words(s.decision)}` }, ...(s.earliest_date ? { whenPeriod: { start: s.earliest_date } } : {}) },
      ...findings.map((f) => ({
        outcome: { coding: f.ruleId ? [{ system: SYSTEM.rule, code: f.ruleId }] : [], text: f.message ?? f.ruleId ?? 'finding' },
        qualitativeRisk: { text: words(f.outcome ?? 'finding') },
        ...(f.sources?.length ? { rationale: `Sources: ${f.sources.join('; ')}` } : {}),
        ...(f.until ? { whenPeriod: { end: f.until } } : {}),
      })),
    ],
    note: [{ text: `Valid until ${s.valid_until}; plan date ${s.plan_date}` }],
  };
}

const PLAN_STATUS: Record<ClinicRows['plans'][number]['status'], CarePlan['status']> = { proposed: 'draft', awaiting_director: 'draft', active: 'active', superseded: 'revoked' };

interface PlanJson {
  modality?: string;
  sessions?: number;
  intervalDays?: { min: number; max: number };
  areas?: { area: string; depthMm: number }[];
  concerns?: string[];
}

export function carePlan(p: ClinicRows['plans'][number], staffIds: Set<string>): CarePlan {
  const plan = (p.plan ?? {}) as PlanJson;
  const activity: CarePlanActivity[] = (plan.areas ?? []).map((a) => ({
    detail: {
      kind: 'ServiceRequest',
      code: { coding: [{ system: SYSTEM.area, code: a.area }], text: `Microneedling (${words(plan.modality ?? '')}) of the ${words(a.area)}` },
      status: 'not-started',
      description: `${words(a.area)} at ${a.depthMm} mm`,
      ...(plan.sessions ? { scheduledString: `${plan.sessions} sessions${plan.intervalDays ? `, ${plan.intervalDays.min}–${plan.intervalDays.max} days apart` : ''}` } : {}),
      location: ref('Location', p.location_id),
    },
  }));
  return {
    resourceType: 'CarePlan',
    id: fhirId(p.id),
    status: PLAN_STATUS[p.status],
    intent: 'plan',
    title: `Microneedling plan (${words(plan.modality ?? 'unspecified')})`,
    description: [plan.sessions ? `${plan.sessions} sessions` : null, plan.intervalDays ? `every ${plan.intervalDays.min}–${plan.intervalDays.max} days` : null, plan.concerns?.length ? `for ${plan.concerns.map(words).join(', ')}` : null].filter(Boolean).join(' ') || 'Microneedling plan',
    subject: ref('Patient', p.client_id),
    created: instant(p.created_at),
    ...(staffIds.has(p.created_by) ? { author: ref('Practitioner', p.created_by) } : {}),
    ...(p.supersedes ? { replaces: [ref('CarePlan', p.supersedes)] } : {}),
    ...(activity.length ? { activity } : {}),
  };
}

const CONSENT_CATEGORY = { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] };
const TITLES: Record<ClinicRows['consents'][number]['kind'], string> = { treatment: 'Consent to microneedling treatment', photo_clinical: 'Consent to photos for the clinical record', photo_marketing: 'Consent to photos for marketing' };

export const consentPdfId = (consentId: string) => fhirId(`${consentId}-pdf`);

export function consent(c: ClinicRows['consents'][number], rows: ClinicRows): Consent {
  const scope = c.kind === 'treatment' ? 'treatment' : 'patient-privacy';
  return {
    resourceType: 'Consent',
    id: fhirId(c.id),
    status: c.withdrawn_at ? 'inactive' : 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: scope }] },
    category: [CONSENT_CATEGORY, { text: TITLES[c.kind] }],
    patient: ref('Patient', c.client_id),
    dateTime: instant(c.signed_at),
    performer: [ref('Patient', c.client_id, c.signed_name)],
    organization: [ref('Organization', rows.organization.id, rows.organization.name)],
    sourceReference: ref('DocumentReference', consentPdfId(c.id)),
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }], text: `${c.template_id} v${c.template_version}` },
    provision: { type: c.withdrawn_at ? 'deny' : 'permit', period: { start: instant(c.signed_at), ...(c.withdrawn_at ? { end: instant(c.withdrawn_at) } : {}) }, ...(c.modality ? { code: [{ text: `${words(c.modality)} microneedling` }] } : {}) },
    extension: [{ url: EXT.signingMethod, valueCode: c.method }, ...(c.witnessed_by ? [{ url: `${EXT.signingMethod}-witness`, valueReference: ref('Practitioner', c.witnessed_by) }] : [])],
  };
}

export function consentDocument(c: ClinicRows['consents'][number], file: FileRef): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: consentPdfId(c.id),
    status: c.withdrawn_at ? 'superseded' : 'current',
    docStatus: 'final',
    type: CONSENT_CATEGORY,
    category: [{ text: 'consent' }],
    subject: ref('Patient', c.client_id),
    date: instant(c.signed_at),
    description: TITLES[c.kind],
    securityLabel: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] }],
    content: [{ attachment: { contentType: 'application/pdf', url: file.url, title: `${TITLES[c.kind]}.pdf`, creation: instant(c.signed_at), ...(file.size !== undefined ? { size: file.size } : {}), ...(file.sha1 ? { hash: file.sha1 } : {}) } }],
    context: { related: [ref('Consent', c.id)] },
  };
}
