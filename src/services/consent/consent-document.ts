import type { Db } from '../../db/connect.js';
import { findOrganization, listLocations } from '../../db/repositories/organizations.repository.js';
import { findPlan } from '../../db/repositories/plans.repository.js';
import type { ClientRow } from '../../db/repositories/clients.repository.js';
import { renderConsentText, type ConsentDocumentInput } from '../../domain/consent/document.js';
import { templateFor, type ConsentKind } from '../../domain/consent/templates.js';
import type { TreatmentPlan } from '../../domain/plans/recommend.js';
import type { Modality } from '../../domain/screening/engine/contract.js';
import { AppError, notFound } from '../errors.js';

const MODALITY_NAME: Record<Modality, string> = { roller: 'Roller microneedling', pen: 'Automated pen microneedling', rf: 'RF microneedling' };

/** The lines of a plan printed in a treatment consent, so the client signs for what is planned. */
export function planLines(plan: TreatmentPlan): string[] {
  return [
    `${MODALITY_NAME[plan.modality]}, ${plan.sessions} sessions, ${plan.intervalDays.min} to ${plan.intervalDays.max} days apart, from ${plan.startDate}`,
    ...plan.areas.map((a) => `${a.area.replace('_', ' ')}: needle depth up to ${a.depthMm.toFixed(2)} mm`),
    plan.numbing.use ? `Numbing cream for about ${plan.numbing.minutes} minutes` : 'No numbing cream',
    `Results judged from ${plan.assessFrom} (at least 3 months after the last session)`,
  ];
}

export interface ConsentDraft {
  input: ConsentDocumentInput;
  text: string;
  modality: Modality | null;
  planId: string | null;
}

/** Builds exactly the document a client will sign: template, organization, client and plan. */
export async function draftConsent(trx: Db, organizationId: string, client: ClientRow, kind: ConsentKind, modality: Modality | null, planId: string | null): Promise<ConsentDraft> {
  let plan: TreatmentPlan | null = null;
  let locationId = client.preferred_location_id;
  if (planId) {
    const p = await findPlan(trx, organizationId, planId);
    if (!p || p.client_id !== client.id) throw notFound('plan');
    if (p.status === 'superseded') throw new AppError('conflict', 'this plan has a newer version; sign for that one', [{ path: 'planId', message: 'superseded' }]);
    plan = p.plan as TreatmentPlan;
    locationId = p.location_id;
  }
  const m = kind === 'treatment' ? (plan?.modality ?? modality) : null;
  if (kind === 'treatment' && !m) throw new AppError('validation', 'a treatment consent needs a modality or a plan', [{ path: 'modality', message: 'required for a treatment consent' }]);
  if (plan && modality && plan.modality !== modality) throw new AppError('validation', 'the modality does not match the plan', [{ path: 'modality', message: `the plan is for ${plan.modality}` }]);
  const org = await findOrganization(trx, organizationId);
  const location = (await listLocations(trx, organizationId)).find((l) => l.id === locationId);
  const input: ConsentDocumentInput = {
    template: templateFor(kind, m),
    organizationName: org?.name ?? '',
    locationName: location?.name ?? null,
    client: { name: `${client.first_name} ${client.last_name}`, dateOfBirth: client.date_of_birth ?? null },
    planLines: kind === 'treatment' && plan ? planLines(plan) : [],
  };
  return { input, text: renderConsentText(input), modality: m, planId: kind === 'treatment' ? planId : null };
}
