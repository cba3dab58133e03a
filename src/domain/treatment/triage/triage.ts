// triage(report) -> result, exactly per docs/triage.md: deterministic, explainable (every finding
// names its rule and sources), conservative (urgency is the most urgent finding; each symptom is
// judged on its own, so adding one never lowers it). Free text is never read.
import { AFTERCARE } from '../../protocols/microneedling/aftercare.js';
import { SWELLING_HOURS, SYMPTOMS, symptomDef, type Symptom } from '../../protocols/microneedling/symptoms.js';
import { FEVER, TRIAGE_LIMITS, TRIAGE_RULE_ORDER, triageRule, type Urgency } from '../../protocols/microneedling/triage-rules.js';
import { packKey } from '../../protocols/microneedling/version.js';
import type { Area } from '../../screening/engine/contract.js';
import { onsetHours, reportHours, type TriageFinding, type TriageReport, type TriageResult, type TriageSymptom } from './contract.js';

export const URGENCY_RANK: Record<Urgency, number> = { expected: 0, routine: 1, urgent: 2, emergency: 3 };

interface Item {
  symptom: Symptom | null;
  /** the clinician's words for it: "pus, or yellow or cloudy fluid (moderate, since hour 50)" */
  text: string;
}
interface Hit {
  ruleId: string;
  items: Item[];
}

const num = (n: number) => String(Math.round(n * 10) / 10);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinAnd = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);
const AREA_WORDS: Partial<Record<Area, string>> = { chin_jawline: 'chin and jawline', decolletage: 'décolletage', periorbital: 'skin around the eyes', perioral: 'skin around the mouth' };
const MODALITY_WORDS = { roller: 'roller', pen: 'pen', rf: 'RF' } as const;
const areaWords = (areas: readonly Area[]) => joinAnd([...new Set(areas)].map((a) => AREA_WORDS[a] ?? a));

/** The last hour a symptom of the expected course is still usual for this treatment. */
function expectedUntil(code: Symptom, areas: readonly Area[]): number {
  if (code === 'swelling') return areas.includes('periorbital') ? SWELLING_HOURS.periorbital : SWELLING_HOURS.elsewhere;
  return symptomDef(code).expectedUntilHours!;
}

/** The rule one reported symptom falls under, at this time after treatment. */
function ruleFor(s: TriageSymptom, now: number, areas: readonly Area[]): { ruleId: string; note: string } {
  const def = symptomDef(s.code);
  const onset = onsetHours(s) ?? now;
  if (def.kind === 'flag') {
    if (s.code === 'new_bumps' && onset < TRIAGE_LIMITS.newBumpsFromHours) return { ruleId: 'TRI-UNLISTED', note: '' };
    return { ruleId: def.flag!, note: '' };
  }
  if (def.kind === 'worse') {
    if (now >= TRIAGE_LIMITS.worseFromHours) return { ruleId: 'RF-FLAG-1', note: '' };
    if (s.severity === 'severe') return { ruleId: 'TRI-SEVERE', note: '' };
    return { ruleId: 'TRI-EXPECTED', note: `getting worse is usual up to hour ${TRIAGE_LIMITS.worseFromHours}` };
  }
  const persisting = s.code === 'redness' || s.code === 'swelling' || s.code === 'redness_persisting';
  if (persisting && now >= TRIAGE_LIMITS.persistingFromHours) return { ruleId: 'RF-FLAG-3', note: '' };
  const until = expectedUntil(s.code, areas);
  if (s.severity === 'severe') return { ruleId: 'TRI-SEVERE', note: '' };
  if (now > until) return { ruleId: 'TRI-LATE', note: `usual up to hour ${until}` };
  return { ruleId: 'TRI-EXPECTED', note: '' };
}

function hitsOf(report: TriageReport, now: number): Hit[] {
  const byRule = new Map<string, Item[]>();
  const add = (ruleId: string, item: Item | null) => {
    const items = byRule.get(ruleId) ?? [];
    if (item) items.push(item);
    byRule.set(ruleId, items);
  };
  const ordered = [...report.symptoms].sort((a, b) => SYMPTOMS.indexOf(a.code) - SYMPTOMS.indexOf(b.code));
  for (const s of ordered) {
    const { ruleId, note } = ruleFor(s, now, report.areas);
    const onset = onsetHours(s) ?? now;
    add(ruleId, { symptom: s.code, text: `${symptomDef(s.code).clinical} (${s.severity}, since hour ${num(onset)}${note ? `; ${note}` : ''})` });
  }
  const t = report.temperature;
  if (t && t.degrees >= FEVER[t.unit]) add('RF-FLAG-1', { symptom: null, text: `temperature ${num(t.degrees)} °${t.unit} (a fever from ${FEVER[t.unit].toFixed(1)} °${t.unit})` });
  if (report.photoAttached) add('TRI-PHOTO', null);
  return [...byRule.entries()].map(([ruleId, items]) => ({ ruleId, items }));
}

function clientMessage(h: Hit): string {
  const fixed = triageRule(h.ruleId).client;
  if (fixed) return fixed;
  const names = h.items.filter((i) => i.symptom).map((i) => lower(symptomDef(i.symptom!).label));
  const plural = names.length > 1;
  switch (h.ruleId) {
    case 'TRI-SEVERE':
      return `You rated ${joinAnd(names)} as severe, which is more than the usual reaction to treatment.`;
    case 'TRI-LATE':
      return `${upper(joinAnd(names))} usually ${plural ? 'settle' : 'settles'} sooner than this. It is probably nothing serious, but a clinician will take a look.`;
    default:
      return `${upper(joinAnd(names))} ${plural ? 'are' : 'is'} expected at this stage and should settle on ${plural ? 'their' : 'its'} own.`;
  }
}

function clinicianMessage(h: Hit, report: TriageReport, now: number): string {
  const lead = triageRule(h.ruleId).clinician;
  const items = h.items.length ? `: ${h.items.map((i) => i.text).join('; ')}` : '';
  return `${lead}${items}. Reported at hour ${num(now)} after ${MODALITY_WORDS[report.modality]} treatment of the ${areaWords(report.areas)}.`;
}

const EMERGENCY_WORDS: Record<string, string> = {
  'RF-FLAG-8': 'signs of a serious allergic reaction (hives, facial swelling or trouble breathing)',
  'RF-FLAG-9': 'signs of a reaction to the numbing cream (dizziness, ringing ears, numb lips, a racing heartbeat or a seizure)',
};

function advice(urgency: Urgency, findings: TriageFinding[], now: number): string {
  switch (urgency) {
    case 'emergency':
      return `Call 911 (emergency services) now: you reported ${findings.filter((f) => f.urgency === 'emergency').map((f) => EMERGENCY_WORDS[f.ruleId]).join('; and ')}. Do not drive yourself.`;
    case 'urgent':
      return 'Your provider needs to check this today. If the clinic has not called you within a few hours, call them. Do not put anything new on the area. If you get worse, develop a high fever, or have trouble breathing, call 911.';
    case 'routine':
      return 'A clinician will look at your report within one working day; you do not need to do anything now. Keep following your aftercare. If anything gets worse or new symptoms appear, check in again, and call 911 if you have trouble breathing.';
    case 'expected': {
      const current = AFTERCARE.filter((a) => a.fromHour <= now && now < (a.toHour ?? Infinity)).map((a) => a.text);
      const reminder = current.length > 0 ? ` Keep following your aftercare: ${current.join(' ')}` : ' Keep using gentle skin care and daily mineral sunscreen.';
      return `What you describe is an expected response to treatment and should settle on its own.${reminder} If anything gets worse or new symptoms appear, check in again.`;
    }
  }
}

export function triage(report: TriageReport): TriageResult {
  const now = reportHours(report) ?? 0;
  const hits = hitsOf(report, now);
  hits.sort((a, b) => URGENCY_RANK[triageRule(b.ruleId).urgency] - URGENCY_RANK[triageRule(a.ruleId).urgency] || TRIAGE_RULE_ORDER.get(a.ruleId)! - TRIAGE_RULE_ORDER.get(b.ruleId)!);
  const findings: TriageFinding[] = hits.map((h) => ({
    ruleId: h.ruleId,
    urgency: triageRule(h.ruleId).urgency,
    symptoms: h.items.flatMap((i) => (i.symptom ? [i.symptom] : [])),
    clientMessage: clientMessage(h),
    clinicianMessage: clinicianMessage(h, report, now),
    sources: [...triageRule(h.ruleId).sources],
  }));
  const urgency = findings.reduce<Urgency>((u, f) => (URGENCY_RANK[f.urgency] > URGENCY_RANK[u] ? f.urgency : u), 'expected');
  return { urgency, advice: advice(urgency, findings, now), findings, protocol: packKey };
}
