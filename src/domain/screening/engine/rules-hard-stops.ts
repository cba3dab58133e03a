// Contraindications and RF-specific hard stops (spec rules CI-A1..CI-A9, CI-R12, CI-R13).
import type { Hit, RuleContext } from './context.js';
import { touched } from './context.js';

const active = (c: { status: string }) => c.status === 'active';

export function hardStops(ctx: RuleContext): Hit[] {
  const { intake, plan } = ctx;
  const hits: Hit[] = [];
  const all = ctx.planAreas;
  const rf = plan.modality === 'rf';
  for (const c of intake.conditions) {
    if ((c.code === 'skin_cancer' || c.code === 'precancerous_lesion') && active(c)) hits.push({ ruleId: 'CI-A1', outcome: 'contraindicated', areas: touched(ctx, c.areas), until: null });
    // an open wound or infection recorded as history has healed; only a current one defers
    if (c.code === 'open_wound' && active(c)) hits.push({ ruleId: 'CI-A2', outcome: 'deferred', areas: touched(ctx, c.areas), until: null });
    if (c.code === 'skin_infection' && active(c)) hits.push({ ruleId: 'CI-A3', outcome: 'deferred', areas: touched(ctx, c.areas), until: null });
    // a bleeding disorder is lifelong: any status counts
    if (c.code === 'bleeding_disorder') hits.push({ ruleId: 'CI-A4', outcome: 'contraindicated', areas: all, until: null });
  }
  if (intake.pregnant || intake.breastfeeding) hits.push({ ruleId: 'CI-A5', outcome: 'contraindicated', areas: all, until: null });
  if (intake.allergies.includes('stainless_steel')) hits.push({ ruleId: 'CI-A6', outcome: 'contraindicated', areas: all, until: null });
  if (intake.medications.some((m) => m.code === 'isotretinoin' && m.current)) hits.push({ ruleId: 'CI-A7', outcome: 'contraindicated', areas: all, until: null });
  for (const i of intake.implants) {
    if (rf && (i.code === 'pacemaker' || i.code === 'icd' || i.code === 'neurostimulator')) {
      hits.push({ ruleId: 'CI-A8', outcome: intake.clearances.includes('cardiology') ? 'needs_review' : 'contraindicated', areas: all, until: null });
    }
    if (rf && i.code === 'metal_implant') hits.push({ ruleId: 'CI-A9', outcome: 'contraindicated', areas: touched(ctx, i.areas), until: null });
    if (rf && (i.code === 'tattoo' || i.code === 'permanent_makeup')) hits.push({ ruleId: 'CI-R12', outcome: 'contraindicated', areas: touched(ctx, i.areas), until: null });
    if (i.code === 'gold_threads') hits.push({ ruleId: 'CI-R13', outcome: rf ? 'contraindicated' : 'needs_review', areas: touched(ctx, i.areas), until: null });
  }
  return hits;
}
