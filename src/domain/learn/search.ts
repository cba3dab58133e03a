// Pure keyword search over the guide and service catalogue, with microneedling synonyms.
import { GUIDE, MICRONEEDLING_NAMES } from './guide.js';

export interface SearchDoc {
  kind: 'guide' | 'service';
  id: string;
  title: string;
  text: string;
}

export interface SearchHit {
  kind: 'guide' | 'service';
  id: string;
  title: string;
  snippet: string;
  score: number;
}

const CANONICAL = 'microneedling';
const EXTRA_ALIASES: readonly string[] = [
  'microneedle', 'micro needle', 'micro needling', 'dermaroller', 'derma roller', 'dermapen', 'derma pen', 'skinpen', 'skin pen', 'cit', 'pci', 'needling',
  'collagen induction', 'vampire facial', 'prp microneedling', 'prp facial', 'rf microneedling', 'radiofrequency microneedling', 'morpheus8', 'morpheus 8', 'potenza',
];

/**
 * Names clients type for one kind of treatment, and the word the guide and the service catalogue
 * use for it: "vampire facial" finds the PRP section, "Morpheus8" the RF services.
 */
const CONCEPTS: readonly { term: string; names: readonly string[] }[] = [
  { term: 'prp', names: ['vampire facial', 'vampire', 'prp', 'prp facial', 'prp microneedling', 'platelet rich plasma', 'platelets', 'platelet'] },
  { term: 'radiofrequency', names: ['rf', 'rf microneedling', 'radiofrequency', 'radio frequency', 'morpheus8', 'morpheus 8', 'morpheus', 'potenza', 'fractional rf'] },
  { term: 'pen', names: ['dermapen', 'derma pen', 'skinpen', 'skin pen', 'microneedling pen'] },
  { term: 'roller', names: ['dermaroller', 'derma roller', 'dermaroll'] },
];
/** the shortest start of a word that counts as typing that word ("vamp" for vampire) */
const MIN_PREFIX = 3;
const SNIPPET_LENGTH = 160;

export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** True when `phrase` (already normalized) occurs as whole words in `haystack` (already normalized). */
function hasPhrase(haystack: string, phrase: string): boolean {
  if (phrase === '') return false;
  return ` ${haystack} `.includes(` ${phrase} `);
}

const ALIAS_PHRASES: readonly string[] = [...MICRONEEDLING_NAMES, ...EXTRA_ALIASES].map(normalize);

/** A name counts as typed when it occurs in the query, or the query is the start of it ("vampire f"). */
function names(nq: string, name: string): boolean {
  const n = normalize(name);
  return hasPhrase(nq, n) || (nq.length >= MIN_PREFIX && n.startsWith(nq)) || nq.replace(/ /g, '') === n.replace(/ /g, '');
}

export function expandQuery(q: string): string[] {
  const nq = normalize(q);
  if (nq === '') return [];
  const terms = [...new Set(nq.split(' '))];
  const add = (term: string) => {
    if (!terms.includes(term)) terms.push(term);
  };
  for (const c of CONCEPTS) if (c.names.some((n) => names(nq, n))) add(c.term);
  if (ALIAS_PHRASES.some((alias) => names(nq, alias))) add(CANONICAL);
  return terms;
}

export function guideDocs(): SearchDoc[] {
  return GUIDE.map((section) => ({
    kind: 'guide' as const,
    id: section.id,
    title: section.title,
    text: [section.summary, ...section.paragraphs, ...(section.bullets ?? [])].join(' '),
  }));
}

function matches(normalizedField: string, term: string): boolean {
  if (hasPhrase(normalizedField, term)) return true;
  return term === CANONICAL && hasPhrase(normalizedField, 'micro needling');
}

/** A partly typed word: the term starts a word of the field ("vamp" in "vampire facial"). */
function startsWord(normalizedField: string, term: string): boolean {
  return term.length >= MIN_PREFIX && ` ${normalizedField}`.includes(` ${term}`);
}

function snippetFor(text: string, terms: readonly string[], normalizedText: string): string {
  const lower = text.toLowerCase();
  let index = -1;
  for (const term of terms) {
    if (!matches(normalizedText, term) && !startsWord(normalizedText, term)) continue;
    const candidates = term === CANONICAL ? [CANONICAL, 'micro-needling', 'micro needling'] : [term];
    for (const candidate of candidates) {
      const at = lower.indexOf(candidate);
      if (at >= 0 && (index < 0 || at < index)) index = at;
    }
    if (index >= 0) break;
  }
  const start = index < 0 ? 0 : Math.max(0, index - 40);
  return text.slice(start, start + SNIPPET_LENGTH).trim();
}

export function search(q: string, docs: SearchDoc[], limit = 10): SearchHit[] {
  const terms = expandQuery(q);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const title = normalize(doc.title);
    const text = normalize(doc.text);
    let score = 0;
    for (const term of terms) {
      if (matches(title, term)) score += 3;
      else if (startsWord(title, term)) score += 2;
      if (matches(text, term) || startsWord(text, term)) score += 1;
    }
    if (score > 0) {
      hits.push({ kind: doc.kind, id: doc.id, title: doc.title, snippet: snippetFor(doc.text, terms, text), score });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  return hits.slice(0, Math.max(0, limit));
}
