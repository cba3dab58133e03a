// Deferral windows and the interval rule (spec DEF-1..DEF-17, INT-1), all configurable settings.
import type { Hit, RuleContext, WindowUnit } from './context.js';
import { addWindow, blocks, lastTaken, touched } from './context.js';
import type { Area } from './contract.js';

export function deferralRules(ctx: RuleContext): Hit[] {
  const { intake, settings: s } = ctx;
  const hits: Hit[] = [];
  const all = ctx.planAreas;
  const dated = (ruleId: string, from: string, amount: number, unit: WindowUnit, areas: Area[]) => {
    const until = addWindow(from, amount, unit);
    if (areas.length > 0 && blocks(ctx, until)) hits.push({ ruleId, outcome: 'deferred', areas, until });
  };

  for (const m of intake.medications) {
    if (m.code === 'isotretinoin' && !m.current && m.lastDose) dated('DEF-1', m.lastDose, s.isotretinoinMonths, 'months', all);
    if (m.code === 'topical_retinoid' || m.code === 'topical_acid') {
      const taken = lastTaken(ctx, m);
      if (taken) dated('DEF-8', taken, s.topicalRetinoidDays, 'days', all);
    }
    if (m.code === 'chemotherapy' && m.current) {
      hits.push({ ruleId: 'DEF-17', outcome: 'deferred', areas: all, until: null });
      hits.push({ ruleId: 'DEF-17', outcome: 'needs_review', areas: all, until: null });
    }
  }
  for (const c of intake.conditions) {
    if (c.code === 'hsv_active' && c.status === 'active' && ctx.faceAreas.length > 0) hits.push({ ruleId: 'DEF-2', outcome: 'deferred', areas: ctx.faceAreas, until: null });
    if (c.code === 'sunburn' && c.status === 'active') hits.push({ ruleId: 'DEF-5', outcome: 'deferred', areas: all, until: null });
  }
  for (const p of intake.procedures) {
    const areas = touched(ctx, p.areas);
    switch (p.code) {
      case 'tanning':
        dated('DEF-6', p.date, s.tanningDays, 'days', all);
        break;
      case 'self_tanner':
        dated('DEF-6', p.date, s.selfTannerDays, 'days', all);
        break;
      case 'deep_chemical_peel':
      case 'dermabrasion':
        dated('DEF-9', p.date, s.deepPeelMonths, 'months', areas);
        break;
      case 'non_ablative_laser':
        dated('DEF-10', p.date, s.nonAblativeLaserDays, 'days', areas);
        break;
      case 'ablative_laser':
        dated('DEF-11', p.date, s.ablativeLaserWeeks, 'weeks', areas);
        break;
      case 'facial_surgery':
        dated('DEF-12', p.date, s.facialSurgeryMonths, 'months', ctx.faceAreas);
        break;
      case 'neurotoxin':
        dated('DEF-13', p.date, s.neurotoxinDays, 'days', ctx.faceAreas);
        break;
      case 'dermal_filler':
        dated('DEF-14', p.date, s.fillerDays, 'days', areas);
        break;
      case 'pdo_threads':
        if (areas.length > 0) hits.push({ ruleId: 'DEF-15', outcome: 'needs_review', areas, until: null });
        break;
      case 'radiation_therapy':
        if (areas.length > 0) {
          dated('DEF-16', p.date, s.radiationMonths, 'months', areas);
          // irradiated skin always needs review; documented oncology clearance lowers it to precautions
          hits.push({ ruleId: 'DEF-16', outcome: intake.clearances.includes('oncology') ? 'eligible_with_precautions' : 'needs_review', areas, until: null });
        }
        break;
      case 'microneedling':
        dated('INT-1', p.date, s.microneedlingIntervalDays, 'days', areas);
        break;
      default:
        break;
    }
  }
  return hits;
}
