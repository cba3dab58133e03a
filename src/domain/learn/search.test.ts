import { describe, expect, it } from 'vitest';
import { GUIDE, MICRONEEDLING_NAMES, RISK_SUMMARY } from './guide.js';
import type { SearchDoc } from './search.js';
import { expandQuery, guideDocs, normalize, search } from './search.js';

const SERVICES: SearchDoc[] = [
  { kind: 'service', id: 'pen_face', title: 'Pen microneedling, full face', text: 'Automated pen microneedling' },
  { kind: 'service', id: 'consultation', title: 'Consultation', text: 'Meet your provider' },
  { kind: 'service', id: 'rf_face', title: 'RF microneedling, full face', text: 'RF microneedling, full face. radiofrequency RF microneedling' },
  { kind: 'service', id: 'roller_face', title: 'Roller microneedling, face', text: 'Roller microneedling, face. dermaroller microneedling' },
];
const DOCS: SearchDoc[] = [...guideDocs(), ...SERVICES];

const SECTION_IDS = [
  'what-it-is', 'benefits', 'who-it-suits', 'how-it-works', 'types', 'prp-vampire-facial', 'what-to-expect',
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

describe('names clients type', () => {
  const ids = (q: string) => search(q, DOCS, 50).map((h) => h.id);
  const top = (q: string) => search(q, DOCS, 50)[0]?.id;

  it.each(['vampire facial', 'Vampire Facial', 'VAMPIRE', 'vampire', 'vamp', 'PRP microneedling', 'prp', 'platelet-rich plasma', 'PRP facial'])('"%s" leads to the PRP section', (q) => {
    expect(top(q)).toBe('prp-vampire-facial');
  });

  it('says carefully what the vampire facial is: a trademarked name, what differs, the evidence, the CDC report, and that clinics may not offer it', () => {
    const prp = GUIDE.find((s) => s.id === 'prp-vampire-facial')!;
    const text = [prp.summary, ...prp.paragraphs, ...(prp.bullets ?? [])].join(' ');
    for (const words of ['trademarked name', 'platelet-rich plasma (PRP)', 'blood draw', 'do not show that adding PRP gives better results', 'CDC', 'Not every Dermis clinic offers PRP']) expect(text).toContain(words);
    expect(prp.sources).toEqual(expect.arrayContaining(['S35', 'S25']));
  });

  it.each(['collagen induction therapy', 'CIT', 'cit', 'skin needling', 'micro-needling', 'Micro needling', 'microneedle', 'dermaroller', 'derma roller', 'derma pen', 'Dermapen', 'SkinPen', 'needling'])(
    '"%s" is microneedling: the what-it-is section and the pen service',
    (q) => {
      expect(ids(q)).toEqual(expect.arrayContaining(['what-it-is', 'pen_face']));
      expect(ids(q)).not.toContain('consultation');
    },
  );

  it.each(['RF microneedling', 'rf', 'radiofrequency', 'Morpheus8', 'morpheus 8', 'morpheus', 'Potenza', 'potenza microneedling'])('"%s" finds the RF service and the types section', (q) => {
    expect(ids(q)).toEqual(expect.arrayContaining(['rf_face', 'types']));
  });

  it('brand names sit with their type, and dermaroller finds the roller service first among services', () => {
    expect(search('Morpheus8', DOCS, 50).find((h) => h.kind === 'guide')?.snippet).toMatch(/Morpheus8/);
    expect(search('dermaroller', DOCS, 50).find((h) => h.kind === 'service')?.id).toBe('roller_face');
  });

  it('a partly typed word finds what it starts', () => {
    expect(ids('sunscr')).toContain('aftercare');
    expect(ids('isotret')).toContain('who-should-avoid');
    // two letters are too few to guess from
    expect(search('zz', DOCS)).toEqual([]);
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
