import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { renderConsentPdf, toPdfSafe } from './consent-pdf.js';
import type { ConsentPdfInput } from './consent-pdf.js';

const HASH = 'a'.repeat(32) + 'b'.repeat(32);

async function tinyPng(): Promise<Uint8Array> {
  const buf = await sharp({ create: { width: 60, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
    .png()
    .toBuffer();
  return new Uint8Array(buf);
}

function longText(): string {
  const lines = ['Consent to automated pen microneedling', 'Template treatment-pen version 2026.11.1', ''];
  for (let i = 0; i < 300; i++) {
    if (i % 20 === 0) lines.push('', `Section ${i / 20 + 1}`);
    lines.push(`Line ${i}: this is a fairly long paragraph of consent text that should wrap across the page width when it is drawn in the PDF.`);
  }
  return lines.join('\n');
}

const base = (overrides: Partial<ConsentPdfInput> = {}): ConsentPdfInput => ({
  title: 'Consent to automated pen microneedling',
  organizationName: 'Glow MedSpa',
  text: longText(),
  signedName: 'Ana Lopez',
  signedAt: '2026-11-03T15:04:05Z',
  ip: '203.0.113.9',
  documentHash: HASH,
  signaturePng: null,
  ...overrides,
});

describe('renderConsentPdf', () => {
  it('renders a multi-page PDF with metadata and a signature image', async () => {
    const bytes = await renderConsentPdf(base({ signaturePng: await tinyPng(), withdrawnAt: '2026-12-01T10:00:00Z' }));
    expect(Buffer.from(bytes.slice(0, 4)).toString('latin1')).toBe('%PDF');
    // updateMetadata: false keeps pdf-lib from overwriting the producer on load
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getTitle()).toBe('Consent to automated pen microneedling');
    expect(doc.getSubject()).toContain(HASH);
    expect(doc.getAuthor()).toBe('Glow MedSpa');
    expect(doc.getProducer()).toBe('Dermis');
    const page = doc.getPage(0);
    expect(page.getWidth()).toBe(612);
    expect(page.getHeight()).toBe(792);
  });

  it('does not throw on characters the standard fonts cannot encode', async () => {
    const bytes = await renderConsentPdf(base({ text: 'Title \u2014 test\n\nDepth \u2264 1.0 mm \u2014 ok \u{1F600} \u2018q\u2019 \u201Cd\u201D \u00e9', ip: null }));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
  });

  it('works without a signature image', async () => {
    const bytes = await renderConsentPdf(base({ text: 'Short consent\n\nBody text.', signaturePng: null }));
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it('maps typography and replaces other characters', () => {
    expect(toPdfSafe('a \u2264 b \u2265 c \u2013 d \u2014 e \u2018x\u2019 \u201Cy\u201D \u{1F600}')).toBe('a <= b >= c - d - e \'x\' "y" ?');
  });
});
