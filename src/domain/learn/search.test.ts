import { describe, expect, it } from 'vitest';
import { GUIDE, MICRONEEDLING_NAMES, RISK_SUMMARY } from './guide.js';
import type { SearchDoc } from './search.js';
import { expandQuery, guideDocs, normalize, search } from './search.js';

const SERVICES: SearchDoc[] = [
  { kind: 'service', id: 'pen_face', title: 'Pen microneedling, full face', text: 'Automated pen microneedling' },
  { kind: 'service', id: 'consultation', title: 'Consultation', text: 'Meet your provider' },
];
const DOCS: SearchDoc[] = [...guideDocs(), ...SERVICES];

const SECTION_IDS = [
  'what-it-is', 'benefits', 'who-it-suits', 'how-it-works', 'types', 'what-to-expect',
  'aftercare', 'risks', 'red-flags', 'who-should-avoid', 'costs', 'choosing-a-provider',
];

describe('normalize', () => {
  it('lower-cases, strips accents and punctuation, collapses spaces', () => {
    expect(normalize('  Micro-Needling,   Crème!  ')).toBe('micro needling creme');
  });
});

describe('expandQuery', () => {
  it('adds the canonical term for aliases', () => {
    expect(expandQuery('Dermaroller')).toContain('microneedling');
    expect(expandQuery('CIT')).toContain('microneedling');
    expect(expandQuery('sunscreen')).toEqual(['sunscreen']);
  });
});

describe('search', () => {
  const queries = MICRONEEDLING_NAMES.flatMap((name) => [name, name.toUpperCase()]);
  it.each(queries)('"%s" finds the pen service and the what-it-is section', (query) => {
    const hits = search(query, DOCS, 50);
    expect(hits.some((h) => h.kind === 'service' && h.id === 'pen_face')).toBe(true);
    expect(hits.some((h) => h.kind === 'guide' && h.id === 'what-it-is')).toBe(true);
    expect(hits.some((h) => h.id === 'consultation')).toBe(false);
  });

  it('finds aftercare for sunscreen', () => {
    const hits = search('sunscreen', DOCS);
    expect(hits.map((h) => h.id)).toContain('aftercare');
    for (const hit of hits) expect(hit.snippet.length).toBeLessThanOrEqual(160);
  });

  it('returns nothing for empty, blank or unknown queries', () => {
    expect(search('', DOCS)).toEqual([]);
    expect(search('   ', DOCS)).toEqual([]);
    expect(search('zzzz', DOCS)).toEqual([]);
  });

  it('sorts by score and respects the limit', () => {
    const hits = search('microneedling', DOCS, 3);
    expect(hits.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });
});

describe('guide', () => {
  it('has every section exactly once, in order, with sources', () => {
    expect(GUIDE.map((s) => s.id)).toEqual(SECTION_IDS);
    for (const section of GUIDE) expect(section.sources.length).toBeGreaterThan(0);
  });

  it('names every synonym verbatim in what-it-is', () => {
    const doc = guideDocs().find((d) => d.id === 'what-it-is');
    expect(doc).toBeDefined();
    for (const name of MICRONEEDLING_NAMES) expect(doc?.text).toContain(name);
  });

  it('risk summary has 8 to 10 points including the RF risks', () => {
    expect(RISK_SUMMARY.points.length).toBeGreaterThanOrEqual(8);
    expect(RISK_SUMMARY.points.length).toBeLessThanOrEqual(10);
    const rf = RISK_SUMMARY.points.filter((p) => p.modality === 'rf').map((p) => p.text).join(' ');
    for (const word of ['burns', 'scarring', 'fat loss', 'nerve damage']) expect(rf).toContain(word);
  });
});
