// screen(request) -> result, exactly per the contract: deterministic, explainable, conservative.
import { defaultScreeningSettings, type ScreeningSettings } from '../../protocols/microneedling/windows.js';
import { packKey } from '../../protocols/microneedling/version.js';
import { RULE_ORDER, ruleById } from '../../protocols/microneedling/rules.js';
import type { Decision, Finding, ScreeningRequest, ScreeningResult } from './contract.js';
import { makeContext, sortAreas, type Hit } from './context.js';
import { hardStops } from './rules-hard-stops.js';
import { reviewRules } from './rules-review.js';
import { deferralRules } from './rules-deferral.js';

export const SEVERITY: Record<Decision, number> = { eligible: 0, eligible_with_precautions: 1, needs_review: 2, deferred: 3, contraindicated: 4 };
const worst = (a: Decision, b: Decision): Decision => (SEVERITY[b] > SEVERITY[a] ? b : a);

/**
 * Several items can trigger one rule (two tanning sessions, two scars): they merge into one
 * finding per rule and outcome, over the union of their areas, with the latest date (or "until
 * resolved" if any trigger has no date).
 */
function merge(hits: Hit[]): Hit[] {
  const byKey = new Map<string, Hit>();
  for (const h of hits) {
    if (h.areas.length === 0) continue; // the trigger does not meet the plan's areas
    const key = `${h.ruleId}|${h.outcome}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { ...h, areas: sortAreas(h.areas) });
      continue;
    }
    const until = prev.until === null || h.until === null ? null : prev.until > h.until ? prev.until : h.until;
    byKey.set(key, { ...prev, areas: sortAreas([...prev.areas, ...h.areas]), until });
  }
  return [...byKey.values()];
}

function message(h: Hit): string {
  const rule = ruleById(h.ruleId);
  const base = rule?.clinical ?? h.ruleId;
  if (h.outcome === 'deferred') return `${base} ${h.until ? `Deferred until ${h.until}.` : 'Deferred until resolved.'}`;
  return base;
}

export interface ScreenOptions {
  settings?: ScreeningSettings;
}

export function screen(request: ScreeningRequest, opts: ScreenOptions = {}): ScreeningResult {
  const settings = opts.settings ?? defaultScreeningSettings();
  const ctx = makeContext(request.intake, request.plan, settings);
  const hits = merge([...hardStops(ctx), ...reviewRules(ctx), ...deferralRules(ctx)]);
  // severity first, then the order of the spec's table, then date
  hits.sort((a, b) => SEVERITY[b.outcome] - SEVERITY[a.outcome] || (RULE_ORDER.get(a.ruleId) ?? 99) - (RULE_ORDER.get(b.ruleId) ?? 99) || String(a.until).localeCompare(String(b.until)));
  const findings: Finding[] = hits.map((h) => ({ ruleId: h.ruleId, outcome: h.outcome, areas: h.areas, until: h.until, message: message(h), sources: [...(ruleById(h.ruleId)?.sources ?? [])] }));
  const decision = findings.reduce<Decision>((d, f) => worst(d, f.outcome), 'eligible');
  const areas: Record<string, Decision> = {};
  for (const a of ctx.planAreas) areas[a] = findings.filter((f) => f.areas.includes(a)).reduce<Decision>((d, f) => worst(d, f.outcome), 'eligible');
  const deferring = findings.filter((f) => f.outcome === 'deferred');
  const earliestDate = decision === 'deferred' && deferring.every((f) => f.until !== null) ? deferring.map((f) => f.until!).sort().at(-1)! : null;
  return { decision, earliestDate, findings, areas, protocol: packKey };
}

/** The stored flow also keeps the settings and pack version used. */
export function screenWithTrace(request: ScreeningRequest, settings: ScreeningSettings = defaultScreeningSettings()) {
  return { result: screen(request, { settings }), settingsUsed: settings, packVersion: packKey };
}
