// Relative contraindications: clinician review or precautions (spec CI-R1..CI-R11, CI-R14, IND-10).
import type { Hit, RuleContext } from './context.js';
import { ageOn, touched } from './context.js';

export function reviewRules(ctx: RuleContext): Hit[] {
  const { intake, plan } = ctx;
  const hits: Hit[] = [];
  const all = ctx.planAreas;
  const rf = plan.modality === 'rf';
  const currentMed = (code: string) => intake.medications.some((m) => m.code === code && m.current);

  if (currentMed('anticoagulant') || currentMed('antiplatelet')) hits.push({ ruleId: 'CI-R1', outcome: 'needs_review', areas: all, until: null });
  for (const c of intake.conditions) {
    if (c.code === 'keloid_history') hits.push({ ruleId: 'CI-R2', outcome: 'needs_review', areas: all, until: null });
    if (c.code === 'immunosuppression') hits.push({ ruleId: 'CI-R3', outcome: 'needs_review', areas: all, until: null });
    if (c.code === 'diabetes') hits.push({ ruleId: 'CI-R4', outcome: c.controlled === true ? 'eligible_with_precautions' : 'needs_review', areas: all, until: null });
    if (c.code === 'autoimmune' || c.code === 'vitiligo' || c.code === 'lichen_planus' || c.code === 'psoriasis') hits.push({ ruleId: 'CI-R5', outcome: 'needs_review', areas: all, until: null });
    if ((c.code === 'eczema' || c.code === 'psoriasis' || c.code === 'rosacea') && c.status === 'active') hits.push({ ruleId: 'CI-R6', outcome: 'deferred', areas: touched(ctx, c.areas), until: null });
    if ((c.code === 'eczema' || c.code === 'rosacea') && c.status === 'history') hits.push({ ruleId: 'CI-R6', outcome: 'eligible_with_precautions', areas: all, until: null });
    if (c.code === 'hsv_history' && ctx.faceAreas.length > 0) {
      hits.push({ ruleId: 'CI-R7', outcome: currentMed('antiviral_prophylaxis') ? 'eligible_with_precautions' : 'needs_review', areas: ctx.faceAreas, until: null });
    }
    if (c.code === 'atypical_mole') hits.push({ ruleId: 'CI-R8', outcome: 'needs_review', areas: touched(ctx, c.areas), until: null });
    if (c.code === 'acne' && c.status === 'active') hits.push({ ruleId: 'IND-10', outcome: rf ? 'needs_review' : 'deferred', areas: touched(ctx, c.areas), until: null });
  }
  if (currentMed('immunosuppressant')) hits.push({ ruleId: 'CI-R3', outcome: 'needs_review', areas: all, until: null });
  if (intake.allergies.includes('nickel') || (rf && intake.allergies.includes('gold'))) hits.push({ ruleId: 'CI-R9', outcome: 'needs_review', areas: all, until: null });
  if (intake.allergies.includes('topical_anesthetic')) hits.push({ ruleId: 'CI-R10', outcome: 'needs_review', areas: all, until: null });
  if (intake.fitzpatrick !== undefined && intake.fitzpatrick >= 4) hits.push({ ruleId: 'CI-R11', outcome: 'eligible_with_precautions', areas: all, until: null });
  if (ageOn(intake.dateOfBirth, plan.date) < 22) hits.push({ ruleId: 'CI-R14', outcome: 'needs_review', areas: all, until: null });
  return hits;
}
