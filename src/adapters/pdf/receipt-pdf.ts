// A payment receipt as PDF (US Letter): who was paid, for what, line by line, and what remains due.
import { toPdfSafe } from './consent-pdf.js';

export interface ReceiptPdfInput {
  organizationName: string;
  locationName: string;
  clientName: string;
  receiptNumber: string;
  paidAt: string;
  method: string;
  amount: string;
  invoiceNumber: number | null;
  lines: { description: string; quantity: number; total: string }[];
  totals: { label: string; value: string }[];
}

export async function renderReceiptPdf(r: ReceiptPdfInput): Promise<Uint8Array> {
  // pdf-lib is loaded on the first receipt, not at start-up (issue 14, item 6)
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(`Receipt ${r.receiptNumber}`);
  doc.setProducer('Dermis');
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 738;
  const text = (s: string, x: number, size = 10.5, f = font) => page.drawText(toPdfSafe(s), { x, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
  const right = (s: string, xRight: number, size = 10.5, f = font) => text(s, xRight - f.widthOfTextAtSize(toPdfSafe(s), size), size, f);
  text(r.organizationName, 54, 16, bold);
  y -= 18;
  text(r.locationName, 54);
  y -= 30;
  text('Receipt', 54, 13, bold);
  right(r.receiptNumber, 558, 10.5);
  y -= 16;
  text(`Received from ${r.clientName}`, 54);
  y -= 14;
  text(`${r.paidAt} · ${r.method}`, 54);
  y -= 28;
  if (r.invoiceNumber !== null) {
    text(`Invoice ${r.invoiceNumber}`, 54, 11, bold);
    y -= 18;
  }
  for (const l of r.lines) {
    text(l.quantity > 1 ? `${l.description} x ${l.quantity}` : l.description, 54);
    right(l.total, 558);
    y -= 15;
  }
  y -= 6;
  page.drawLine({ start: { x: 54, y: y + 10 }, end: { x: 558, y: y + 10 }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
  for (const t of r.totals) {
    text(t.label, 340);
    right(t.value, 558);
    y -= 15;
  }
  y -= 10;
  text('Amount paid', 340, 11.5, bold);
  right(r.amount, 558, 11.5, bold);
  return doc.save();
}
