// Scope of practice: may this provider perform this service at a location in this state on a date?
// Per-state rules map licence type and modality (and a maximum depth) to allowed, allowed under
// supervision or not allowed; a state with no rule denies (reference REG-8). An expired licence or a
// missing credential is never offered.

export interface ScopeRule {
  state: string;
  licenceType: string;
  modality: string;
  maxDepthMm: number | null;
  outcome: 'allowed' | 'supervised' | 'not_allowed';
}

export interface ProviderFacts {
  role: string;
  licenceType: string | null;
  licenceExpiresOn: string | null;
  /** the state that issued the licence; a licence from another state does not allow practice here */
  licenceState?: string | null;
  credentials: { credential: string; expiresOn: string | null }[];
}

export interface ServiceFacts {
  kind: 'consultation' | 'treatment';
  modality: string | null;
  credential: string | null;
  /** the deepest planned needle depth, when known */
  depthMm?: number | null | undefined;
}

export type Eligibility = { ok: true; supervised: boolean } | { ok: false; reason: string };

export function providerEligibility(p: ProviderFacts, s: ServiceFacts, state: string, date: string, rules: readonly ScopeRule[]): Eligibility {
  if (p.role !== 'provider' && p.role !== 'medical_director') return { ok: false, reason: 'not a provider' };
  if (!p.licenceType) return { ok: false, reason: 'no licence on file' };
  if (p.licenceExpiresOn && p.licenceExpiresOn < date) return { ok: false, reason: `licence expired on ${p.licenceExpiresOn}` };
  if (p.licenceState && p.licenceState !== state) return { ok: false, reason: `licensed in ${p.licenceState}, not in ${state}` };
  // a consultation is an assessment, not the procedure: any licensed provider may hold it
  if (s.kind === 'consultation') return { ok: true, supervised: false };
  if (s.credential) {
    const c = p.credentials.find((x) => x.credential === s.credential);
    if (!c) return { ok: false, reason: `missing credential ${s.credential}` };
    if (c.expiresOn && c.expiresOn < date) return { ok: false, reason: `credential ${s.credential} expired on ${c.expiresOn}` };
  }
  const rule = rules.find((r) => r.state === state && r.licenceType === p.licenceType && r.modality === s.modality);
  if (!rule) return { ok: false, reason: `no scope-of-practice rule for ${p.licenceType} and ${s.modality ?? 'this service'} in ${state}: denied by default` };
  if (rule.outcome === 'not_allowed') return { ok: false, reason: `${p.licenceType} may not perform ${s.modality} microneedling in ${state}` };
  if (rule.maxDepthMm !== null && s.depthMm != null && s.depthMm > rule.maxDepthMm) {
    return { ok: false, reason: `${p.licenceType} in ${state} is limited to ${rule.maxDepthMm} mm` };
  }
  return { ok: true, supervised: rule.outcome === 'supervised' };
}
