// Money as FHIR R4: Invoice (lines with base price, discount and tax; totals) and
// PaymentReconciliation per payment or refund (refunds as negative amounts).
import type { Invoice, InvoiceLineItem, PaymentReconciliation } from '@medplum/fhirtypes';
import type { ClinicRows } from '../load-clinic.js';
import { SYSTEM, fhirId, instant, money, ref, words } from './common.js';

const STATUS: Record<ClinicRows['invoices'][number]['status'], Invoice['status']> = { issued: 'issued', paid: 'balanced', void: 'cancelled' };

export function invoice(i: ClinicRows['invoices'][number], rows: ClinicRows): Invoice {
  const lineItem: InvoiceLineItem[] = rows.invoiceLines
    .filter((l) => l.invoice_id === i.id)
    .map((l) => ({
      sequence: l.position + 1,
      chargeItemCodeableConcept: { ...(l.service_code ? { coding: [{ system: SYSTEM.service, code: l.service_code }] } : {}), text: `${l.description} (${words(l.kind)} × ${l.quantity})` },
      priceComponent: [
        { type: 'base', amount: money(l.total_cents, i.currency), factor: l.quantity },
        ...(l.discount_cents ? [{ type: 'discount' as const, amount: money(l.discount_cents, i.currency) }] : []),
        ...(l.tax_cents ? [{ type: 'tax' as const, amount: money(l.tax_cents, i.currency) }] : []),
      ],
    }));
  return {
    resourceType: 'Invoice',
    id: fhirId(i.id),
    identifier: [{ system: SYSTEM.invoiceNumber, value: String(i.number) }],
    status: STATUS[i.status],
    ...(i.void_reason ? { cancelledReason: i.void_reason } : {}),
    subject: ref('Patient', i.client_id),
    date: instant(i.issued_at),
    issuer: ref('Organization', rows.organization.id, rows.organization.name),
    ...(lineItem.length ? { lineItem } : {}),
    totalNet: money(i.subtotal_cents - i.discount_cents, i.currency),
    totalGross: money(i.total_cents, i.currency),
    ...(i.discount_reason ? { note: [{ text: `Discount: ${i.discount_reason}` }] } : {}),
  };
}

export function paymentReconciliation(p: ClinicRows['payments'][number], rows: ClinicRows): PaymentReconciliation {
  const amount = money(p.kind === 'refund' ? -p.amount_cents : p.amount_cents, p.currency);
  return {
    resourceType: 'PaymentReconciliation',
    id: fhirId(p.id),
    status: 'active',
    created: instant(p.created_at),
    paymentDate: instant(p.created_at).slice(0, 10),
    paymentAmount: amount,
    ...(p.external_ref ? { paymentIdentifier: { system: 'urn:dermis:payment-reference', value: p.external_ref } } : {}),
    paymentIssuer: ref('Organization', rows.organization.id),
    outcome: 'complete',
    disposition: `${p.kind === 'refund' ? 'Refund' : 'Payment'} of a ${p.purpose} by ${words(p.method)}${p.reason ? `: ${p.reason}` : ''}`,
    detail: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/payment-type', code: p.kind === 'refund' ? 'adjustment' : 'payment' }] },
        ...(p.invoice_id ? { request: ref('Invoice', p.invoice_id) } : {}),
        date: instant(p.created_at).slice(0, 10),
        amount,
      },
    ],
  };
}
