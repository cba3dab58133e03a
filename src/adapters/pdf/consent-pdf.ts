// Renders a signed consent document to PDF (US Letter) with a signature block and a footer that
// carries the document hash on every page.
// pdf-lib is loaded on the first PDF, not at start-up (issue 14, item 6)
import type { PDFFont, PDFPage } from 'pdf-lib';

export interface ConsentPdfInput {
  title: string;
  organizationName: string;
  text: string;
  signedName: string;
  signedAt: string;
  ip: string | null;
  documentHash: string;
  signaturePng: Uint8Array | null;
  withdrawnAt?: string | null;
  /** set when the client signed on the clinic's tablet: the staff member who witnessed it */
  inClinicWitness?: string | null;
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 54;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY_SIZE = 10.5;
const HEADING_SIZE = 11.5;
const TITLE_SIZE = 16;
const FOOTER_SIZE = 8;
const LINE_GAP = 1.4;
const SIGNATURE_MAX_WIDTH = 240;
const SIGNATURE_MAX_HEIGHT = 80;

const REPLACEMENTS: Record<string, string> = {
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2264': '<=',
  '\u2265': '>=',
};

/** Standard fonts only encode WinAnsi; keep printable ASCII, map common typography, '?' for the rest. */
export function toPdfSafe(text: string): string {
  let out = '';
  for (const ch of text.replace(/\t/g, '    ')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) out += ch;
    else out += REPLACEMENTS[ch] ?? '?';
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let current = '';
  const fits = (s: string): boolean => font.widthOfTextAtSize(s, size) <= maxWidth;
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    // Break words longer than a whole line (hashes, URLs) by characters.
    let rest = word;
    while (!fits(rest)) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    current = rest;
  }
  if (current !== '') lines.push(current);
  return lines;
}

function isHeading(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  const prev = i === 0 ? '' : (lines[i - 1] ?? '');
  const next = lines[i + 1] ?? '';
  return (
    i > 0 &&
    line.trim() !== '' &&
    prev.trim() === '' &&
    next.trim() !== '' &&
    line.length < 80 &&
    !/[.:;,]$/.test(line.trim()) &&
    !line.includes(': ') &&
    !line.startsWith('- ')
  );
}

export async function renderConsentPdf(input: ConsentPdfInput): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  pdf.setTitle(toPdfSafe(input.title));
  pdf.setSubject(`Signed consent ${input.documentHash}`);
  pdf.setAuthor(toPdfSafe(input.organizationName));
  pdf.setProducer('Dermis');
  pdf.setCreator('Dermis');
  const created = new Date(input.signedAt);
  if (!Number.isNaN(created.getTime())) {
    pdf.setCreationDate(created);
    pdf.setModificationDate(created);
  }

  const bottom = MARGIN + FOOTER_SIZE * 2;
  let page: PDFPage = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  let y = PAGE_HEIGHT - MARGIN;

  const ensure = (height: number): void => {
    if (y - height < bottom) {
      page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      y = PAGE_HEIGHT - MARGIN;
    }
  };

  const draw = (text: string, font: PDFFont, size: number, color = rgb(0, 0, 0)): void => {
    for (const line of wrap(toPdfSafe(text), font, size, CONTENT_WIDTH)) {
      const h = size * LINE_GAP;
      ensure(h);
      y -= h;
      page.drawText(line, { x: MARGIN, y, size, font, color });
    }
  };

  const blank = (size = BODY_SIZE): void => {
    y -= size * 0.7;
  };

  const lines = input.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      blank();
      return;
    }
    if (i === 0) {
      draw(line, bold, TITLE_SIZE);
      blank(4);
    } else if (isHeading(lines, i)) {
      ensure(HEADING_SIZE * LINE_GAP + BODY_SIZE * LINE_GAP * 2);
      draw(line, bold, HEADING_SIZE);
    } else {
      draw(line, regular, BODY_SIZE);
    }
  });

  // Signature block
  blank();
  blank();
  ensure(HEADING_SIZE * LINE_GAP + SIGNATURE_MAX_HEIGHT + BODY_SIZE * LINE_GAP * 4);
  draw('Signature', bold, HEADING_SIZE);
  if (input.signaturePng) {
    const image = await pdf.embedPng(input.signaturePng);
    const scale = Math.min(SIGNATURE_MAX_WIDTH / image.width, SIGNATURE_MAX_HEIGHT / image.height, 1);
    const width = image.width * scale;
    const height = image.height * scale;
    ensure(height + 6);
    y -= height + 6;
    page.drawImage(image, { x: MARGIN, y, width, height });
  }
  draw(`Signed by ${input.signedName}`, regular, BODY_SIZE);
  draw(`Signed at ${input.signedAt}`, regular, BODY_SIZE);
  draw(`IP address ${input.ip ?? 'not recorded'}`, regular, BODY_SIZE);
  if (input.inClinicWitness) draw(`Signed in the clinic on the clinic's tablet, witnessed by ${input.inClinicWitness}`, regular, BODY_SIZE);
  draw(`Document SHA-256 ${input.documentHash}`, regular, BODY_SIZE);
  if (input.withdrawnAt) {
    draw(`Withdrawn on ${input.withdrawnAt}`, bold, BODY_SIZE, rgb(0.75, 0, 0));
  }

  // Footers
  const pages = pdf.getPages();
  const shortHash = toPdfSafe(input.documentHash.slice(0, 16));
  pages.forEach((p, index) => {
    const footer = `Page ${index + 1} of ${pages.length} - document SHA-256 ${shortHash}`;
    p.drawText(footer, { x: MARGIN, y: MARGIN - FOOTER_SIZE, size: FOOTER_SIZE, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });

  return pdf.save();
}
