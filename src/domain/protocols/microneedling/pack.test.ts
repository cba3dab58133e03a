// The pack as data: every entry has an id and sources, ids are unique, and the numbers the issue
// names are the ones encoded.
import { describe, expect, it } from 'vitest';
import { MICRONEEDLING_PACK } from './version.js';
import { AREAS, CONCERN_CODES } from '../../screening/engine/contract.js';

describe('microneedling protocol pack', () => {
  it('has a depth cap for every area and a session protocol for every concern', () => {
    expect(MICRONEEDLING_PACK.depthCaps.map((c) => c.area).sort()).toEqual([...AREAS].sort());
    expect(MICRONEEDLING_PACK.sessions.map((s) => s.concern).sort()).toEqual([...CONCERN_CODES].sort());
  });
  it('gives every rule-like entry a unique id, and sources unless marked unverified', () => {
    const entries = [...MICRONEEDLING_PACK.depthCaps, ...MICRONEEDLING_PACK.sessions, ...MICRONEEDLING_PACK.aftercare, ...MICRONEEDLING_PACK.redFlags];
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) if (!('unverified' in e && e.unverified)) expect(e.sources.length, e.id).toBeGreaterThan(0);
  });
  it('gives every triage rule a unique id and sources, and every red-flag sign a triage rule', () => {
    const ids = MICRONEEDLING_PACK.triageRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of MICRONEEDLING_PACK.triageRules) expect(r.sources.length, r.id).toBeGreaterThan(0);
    for (const f of MICRONEEDLING_PACK.redFlags) expect(ids).toContain(f.id);
    for (const s of MICRONEEDLING_PACK.symptoms) if (s.flag) expect(ids, s.code).toContain(s.flag);
    const planIds = MICRONEEDLING_PACK.planRules.map((r) => r.id);
    expect(new Set(planIds).size).toBe(planIds.length);
  });
  it('encodes the numbers of the reference', () => {
    expect(MICRONEEDLING_PACK.depthCaps.find((c) => c.area === 'periorbital')!.rejuvenation!.max).toBe(0.5);
    expect(MICRONEEDLING_PACK.intervals).toEqual({ default: { min: 28, max: 42 }, floorDays: 14 });
    expect(MICRONEEDLING_PACK.checkInDays).toEqual([1, 3, 7, 14]);
    expect(MICRONEEDLING_PACK.redFlags.filter((f) => f.emergency).map((f) => f.id)).toEqual(['RF-FLAG-8', 'RF-FLAG-9']);
    expect(MICRONEEDLING_PACK.modalities.find((m) => m.id === 'rf')!.energy).toBe('device_preset');
    expect(MICRONEEDLING_PACK.logistics.numbingMinutes.default).toBe(20);
  });
});
