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
const EXTRA_ALIASES: readonly string[] = ['microneedle', 'dermaroller', 'derma roller', 'dermapen', 'cit', 'pci', 'micro needling'];
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

export function expandQuery(q: string): string[] {
  const nq = normalize(q);
  if (nq === '') return [];
  const terms = [...new Set(nq.split(' '))];
  if (!terms.includes(CANONICAL) && ALIAS_PHRASES.some((alias) => hasPhrase(nq, alias))) terms.push(CANONICAL);
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

function snippetFor(text: string, terms: readonly string[], normalizedText: string): string {
  const lower = text.toLowerCase();
  let index = -1;
  for (const term of terms) {
    if (!matches(normalizedText, term)) continue;
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
      if (matches(text, term)) score += 1;
    }
    if (score > 0) {
      hits.push({ kind: doc.kind, id: doc.id, title: doc.title, snippet: snippetFor(doc.text, terms, text), score });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  return hits.slice(0, Math.max(0, limit));
}
