import { describe, expect, it } from 'vitest';
import { providerEligibility, type ProviderFacts, type ScopeRule } from './scope.js';

const rules: ScopeRule[] = [
  { state: 'TX', licenceType: 'rn', modality: 'pen', maxDepthMm: null, outcome: 'supervised' },
  { state: 'TX', licenceType: 'esthetician', modality: 'pen', maxDepthMm: 0.5, outcome: 'allowed' },
  { state: 'TX', licenceType: 'esthetician', modality: 'rf', maxDepthMm: null, outcome: 'not_allowed' },
  { state: 'CA', licenceType: 'np', modality: 'rf', maxDepthMm: null, outcome: 'allowed' },
];
const rn: ProviderFacts = { role: 'provider', licenceType: 'rn', licenceExpiresOn: '2030-01-01', licenceState: 'TX', credentials: [] };
const pen = { kind: 'treatment' as const, modality: 'pen', credential: null };

describe('scope of practice', () => {
  it('a TX nurse performs pen microneedling in Texas under supervision', () => {
    expect(providerEligibility(rn, pen, 'TX', '2027-01-01', rules)).toEqual({ ok: true, supervised: true });
  });
  it('a licence from another state does not allow practice here, not even a consultation', () => {
    const np: ProviderFacts = { role: 'provider', licenceType: 'np', licenceExpiresOn: '2030-01-01', licenceState: 'CA', credentials: [] };
    expect(providerEligibility(np, { kind: 'treatment', modality: 'rf', credential: null }, 'CA', '2027-01-01', rules)).toMatchObject({ ok: true });
    expect(providerEligibility(np, { kind: 'consultation', modality: null, credential: null }, 'TX', '2027-01-01', rules)).toEqual({ ok: false, reason: 'licensed in CA, not in TX' });
  });
  it('an expired licence, a missing credential or a state without a rule is refused', () => {
    expect(providerEligibility({ ...rn, licenceExpiresOn: '2026-12-31' }, pen, 'TX', '2027-01-01', rules)).toMatchObject({ ok: false, reason: 'licence expired on 2026-12-31' });
    expect(providerEligibility(rn, { ...pen, credential: 'rf_training' }, 'TX', '2027-01-01', rules)).toMatchObject({ ok: false, reason: 'missing credential rf_training' });
    expect(providerEligibility({ ...rn, licenceState: null }, pen, 'FL', '2027-01-01', rules)).toMatchObject({ ok: false });
  });
  it('a depth limit of the licence is enforced; not_allowed is refused', () => {
    const est: ProviderFacts = { role: 'provider', licenceType: 'esthetician', licenceExpiresOn: null, licenceState: 'TX', credentials: [] };
    expect(providerEligibility(est, { ...pen, depthMm: 0.5 }, 'TX', '2027-01-01', rules)).toEqual({ ok: true, supervised: false });
    expect(providerEligibility(est, { ...pen, depthMm: 1 }, 'TX', '2027-01-01', rules)).toMatchObject({ ok: false });
    expect(providerEligibility(est, { kind: 'treatment', modality: 'rf', credential: null }, 'TX', '2027-01-01', rules)).toMatchObject({ ok: false });
  });
});
