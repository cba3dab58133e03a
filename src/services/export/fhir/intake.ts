// The health questionnaire as FHIR R4: one Questionnaire describing the intake (items derived from
// the answers kept, so nothing the clinic recorded is dropped) and a QuestionnaireResponse per
// intake version with each answer as a typed leaf item.
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import type { ClinicRows } from '../load-clinic.js';
import { fhirId, instant, ref } from './common.js';

export const QUESTIONNAIRE_ID = 'dermis-intake-v1';
const QUESTIONNAIRE_URL = 'https://dermis.dev/fhir/Questionnaire/dermis-intake-v1';

interface Leaf {
  path: string;
  linkId: string;
  answer: QuestionnaireResponseItemAnswer;
  type: QuestionnaireItem['type'];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every answered value, with its dotted path; list positions are dropped from the link id. */
export function leaves(value: unknown, path = ''): Leaf[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  const linkId = path.replace(/\[\d+\]/g, '');
  if (typeof value === 'boolean') return [{ path, linkId, answer: { valueBoolean: value }, type: 'boolean' }];
  if (typeof value === 'number') return Number.isInteger(value) ? [{ path, linkId, answer: { valueInteger: value }, type: 'integer' }] : [{ path, linkId, answer: { valueDecimal: value }, type: 'decimal' }];
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (DATE.test(s)) return [{ path, linkId, answer: { valueDate: s }, type: 'date' }];
  return [{ path, linkId, answer: { valueString: s }, type: 'string' }];
}

export function questionnaire(rows: ClinicRows): Questionnaire {
  const items = new Map<string, QuestionnaireItem>();
  for (const i of rows.intakes) {
    for (const l of leaves(i.data)) {
      const seen = items.get(l.linkId);
      const repeats = l.path !== l.linkId;
      if (!seen) items.set(l.linkId, { linkId: l.linkId, text: l.linkId.replace(/[._]/g, ' '), type: l.type, ...(repeats ? { repeats: true } : {}) });
      else if (seen.type !== l.type) items.set(l.linkId, { ...seen, type: 'string' });
    }
  }
  return {
    resourceType: 'Questionnaire',
    id: QUESTIONNAIRE_ID,
    url: QUESTIONNAIRE_URL,
    name: 'DermisIntake',
    title: 'Microneedling health questionnaire (screening contract v1)',
    status: 'active',
    subjectType: ['Patient'],
    item: [...items.values()].sort((a, b) => a.linkId.localeCompare(b.linkId)),
  };
}

export const intakeId = (clientId: string, version: number) => fhirId(`${clientId}-v${version}`);

export function questionnaireResponse(i: ClinicRows['intakes'][number]): QuestionnaireResponse {
  const item: QuestionnaireResponseItem[] = leaves(i.data).map((l) => ({ linkId: l.linkId, text: l.path, answer: [l.answer] }));
  return {
    resourceType: 'QuestionnaireResponse',
    id: intakeId(i.client_id, i.version),
    questionnaire: QUESTIONNAIRE_URL,
    status: 'completed',
    subject: ref('Patient', i.client_id),
    authored: instant(i.created_at),
    source: i.source === 'client' ? ref('Patient', i.client_id) : ref('Practitioner', i.recorded_by),
    ...(item.length ? { item } : {}),
  };
}
