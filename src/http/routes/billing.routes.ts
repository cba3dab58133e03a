import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, UuidParam } from '../schemas/common.schema.js';
import { billingSettingsInput, getBillingSettings, updateBillingSettings } from '../../services/billing/billing-settings.js';
import { bookingTermsQuery, getBookingTerms } from '../../services/billing/get-booking-terms.js';
import { sellPackage, sellPackageInput } from '../../services/billing/sell-package.js';
import { bookingBilling } from '../../services/billing/booking-billing-view.js';
import { checkoutInput, confirmCheckout, startCheckout } from '../../services/billing/online-checkout.js';
import { handleStripeWebhook } from '../../services/billing/stripe-webhook.js';
import { clientStatement } from '../../services/billing/statement.js';
import { depositPaymentInput, payDeposit } from '../../services/billing/pay-deposit.js';
import { invoiceVisit, visitInvoiceInput } from '../../services/billing/visit-invoice.js';
import { getInvoice } from '../../services/billing/get-invoice.js';
import { paymentInput, recordPayment } from '../../services/billing/record-payment.js';
import { refundInput, refundPayment } from '../../services/billing/refund-payment.js';
import { voidInput, voidInvoice } from '../../services/billing/void-invoice.js';
import { packageRefundInput, refundPackage } from '../../services/billing/refund-package.js';
import { emailReceipt, receiptForPdf } from '../../services/billing/receipt.js';
import { renderReceiptPdf } from '../../adapters/pdf/receipt-pdf.js';
import {
  BillingSettings, BookingBilling, BookingTerms, CheckoutConfirmation, CheckoutSession, ClientBilling, DepositPayment, Invoice, PackageRefund, PackageSale, PaymentResult, ReceiptEmail, Refund, StripeWebhookAck,
} from '../../services/billing/billing.schema.js';

const tags = ['Billing'];
const DESK = ['owner', 'front_desk', 'medical_director'] as const;
const MONEY_BACK = ['owner', 'front_desk'] as const;
const conflict = { 409: errorResponses[404] };
const P = {
  locationId: z.object({ locationId: UuidParam('locationId') }),
  clientId: z.object({ clientId: UuidParam('clientId') }),
  bookingId: z.object({ bookingId: UuidParam('bookingId') }),
  invoiceId: z.object({ invoiceId: UuidParam('invoiceId') }),
  paymentId: z.object({ paymentId: UuidParam('paymentId') }),
  purchaseId: z.object({ purchaseId: UuidParam('purchaseId') }),
};
// a repeated idempotency key answers 200 with the first answer, in the same shape as the 201
const replay = (schema: z.ZodType) => ({ 200: json(schema, 'Already done with this idempotency key') });

const r = {
  getSettings: defineRoute(['owner', 'front_desk', 'medical_director', 'provider'], { operationId: 'getBillingSettings', method: 'get', path: '/api/locations/{locationId}/billing-settings', tags, summary: "A location's tax, cancellation policy, package refund fee and deposits", request: { params: P.locationId }, responses: { 200: json(BillingSettings, 'Settings'), ...errorResponses } }),
  putSettings: defineRoute(['owner'], { operationId: 'updateBillingSettings', method: 'put', path: '/api/locations/{locationId}/billing-settings', tags, summary: 'Set tax, the cancellation policy, the package refund fee and deposits per service', request: { params: P.locationId, body: jsonBody(billingSettingsInput) }, responses: { 200: json(BillingSettings, 'Saved'), ...errorResponses } }),
  terms: defineRoute('signed_in', { operationId: 'getBookingTerms', method: 'get', path: '/api/locations/{locationId}/booking-terms', tags, summary: 'Before booking: the price, a package that covers it, the deposit and the cancellation policy', request: { params: P.locationId, query: bookingTermsQuery }, responses: { 200: json(BookingTerms, 'Terms'), ...errorResponses } }),
  sell: defineRoute(DESK, { operationId: 'sellClientPackage', method: 'post', path: '/api/clients/{clientId}/packages', tags, summary: 'Sell a package of sessions, taking a payment (in full or toward it)', request: { params: P.clientId, body: jsonBody(sellPackageInput) }, responses: { 201: json(PackageSale, 'Sold'), ...replay(PackageSale), ...conflict, ...errorResponses } }),
  statement: defineRoute([...DESK, 'client'], { operationId: 'getClientBilling', method: 'get', path: '/api/clients/{clientId}/billing', tags, summary: "A client's statement: packages remaining, invoices, payments, refunds, deposits", request: { params: P.clientId }, responses: { 200: json(ClientBilling, 'Statement'), ...errorResponses } }),
  bookingBilling: defineRoute([...DESK, 'client'], { operationId: 'getBookingBilling', method: 'get', path: '/api/bookings/{bookingId}/billing', tags, summary: "A booking's package session or deposit, and the visit's invoice", request: { params: P.bookingId }, responses: { 200: json(BookingBilling, 'Billing'), ...errorResponses } }),
  deposit: defineRoute(DESK, { operationId: 'payBookingDeposit', method: 'post', path: '/api/bookings/{bookingId}/deposit', tags, summary: 'Take the deposit a booking asks for (in the clinic)', request: { params: P.bookingId, body: jsonBody(depositPaymentInput) }, responses: { 201: json(DepositPayment, 'Paid'), ...replay(DepositPayment), ...conflict, ...errorResponses } }),
  invoiceVisit: defineRoute(DESK, { operationId: 'invoiceBookingVisit', method: 'post', path: '/api/bookings/{bookingId}/invoice', tags, summary: "Invoice a visit: service or package session, products, discount, tax, deposit applied", request: { params: P.bookingId, body: jsonBody(visitInvoiceInput) }, responses: { 201: json(Invoice, 'Issued'), ...conflict, ...errorResponses } }),
  invoice: defineRoute([...DESK, 'client'], { operationId: 'getInvoice', method: 'get', path: '/api/invoices/{invoiceId}', tags, summary: 'An invoice with its lines, payments and what is due', request: { params: P.invoiceId }, responses: { 200: json(Invoice, 'Invoice'), ...errorResponses } }),
  pay: defineRoute(DESK, { operationId: 'recordInvoicePayment', method: 'post', path: '/api/invoices/{invoiceId}/payments', tags, summary: 'Record a payment taken in the clinic (idempotent; never more than is due)', request: { params: P.invoiceId, body: jsonBody(paymentInput) }, responses: { 201: json(PaymentResult, 'Recorded'), 200: json(PaymentResult, 'Already recorded with this key'), ...conflict, ...errorResponses } }),
  void: defineRoute(MONEY_BACK, { operationId: 'voidInvoice', method: 'post', path: '/api/invoices/{invoiceId}/void', tags, summary: 'Void an invoice issued in error (payments refunded first)', request: { params: P.invoiceId, body: jsonBody(voidInput) }, responses: { 200: json(Invoice, 'Void'), ...conflict, ...errorResponses } }),
  refund: defineRoute(MONEY_BACK, { operationId: 'refundPayment', method: 'post', path: '/api/payments/{paymentId}/refunds', tags, summary: 'Refund part or all of a payment, with a reason (never more than was paid)', request: { params: P.paymentId, body: jsonBody(refundInput) }, responses: { 201: json(Refund, 'Refunded'), 200: json(Refund, 'Already refunded with this key'), ...conflict, ...errorResponses } }),
  refundPackage: defineRoute(MONEY_BACK, { operationId: 'refundPackagePurchase', method: 'post', path: '/api/package-purchases/{purchaseId}/refund', tags, summary: "Refund a package's unused sessions under the location's policy", request: { params: P.purchaseId, body: jsonBody(packageRefundInput) }, responses: { 200: json(PackageRefund, 'Refunded'), ...conflict, ...errorResponses } }),
  receipt: defineRoute([...DESK, 'client'], { operationId: 'getPaymentReceiptPdf', method: 'get', path: '/api/payments/{paymentId}/receipt.pdf', tags, summary: 'The receipt of a payment as PDF', request: { params: P.paymentId }, responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses } }),
  checkout: defineRoute([...DESK, 'client'], { operationId: 'startOnlineCheckout', method: 'post', path: '/api/checkout', tags, summary: 'Pay a deposit or an invoice online by card (hosted checkout; off without payment keys)', request: { body: jsonBody(checkoutInput) }, responses: { 201: json(CheckoutSession, 'Go to this page to pay'), ...conflict, ...errorResponses } }),
  confirmCheckout: defineRoute([...DESK, 'client'], { operationId: 'confirmOnlineCheckout', method: 'post', path: '/api/checkout/{sessionId}/confirm', tags, summary: 'After paying: record the payment once the processor says it is paid', request: { params: z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_]{8,200}$/).openapi({ param: { name: 'sessionId', in: 'path' } }) }) }, responses: { 200: json(CheckoutConfirmation, 'State'), ...conflict, ...errorResponses } }),
  stripeWebhook: defineRoute('public', { operationId: 'receiveStripeWebhook', method: 'post', path: '/api/webhooks/stripe', tags, summary: "Stripe's notice that a checkout was paid (a Stripe event as JSON, signed with the webhook secret in Stripe-Signature)", responses: { 200: json(StripeWebhookAck, 'Received'), ...errorResponses } }),
  emailReceipt: defineRoute(DESK, { operationId: 'emailPaymentReceipt', method: 'post', path: '/api/payments/{paymentId}/receipt/email', tags, summary: 'Email the receipt to the client', request: { params: P.paymentId }, responses: { 200: json(ReceiptEmail, 'Queued'), ...conflict, ...errorResponses } }),
};

export function billingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.getSettings, async (c) => c.json(await getBillingSettings(ctxOf(c), c.req.valid('param').locationId), 200));
  app.openapi(r.putSettings, async (c) => c.json(await updateBillingSettings(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 200));
  app.openapi(r.terms, async (c) => c.json(await getBookingTerms(ctxOf(c), c.req.valid('param').locationId, c.req.valid('query'), Boolean(c.get('deps').payments)), 200));
  app.openapi(r.sell, async (c) => {
    const out = await sellPackage(ctxOf(c), c.req.valid('param').clientId, c.req.valid('json'));
    return c.json(out, out.replayed ? 200 : 201);
  });
  app.openapi(r.statement, async (c) => c.json({ ...(await clientStatement(ctxOf(c), c.req.valid('param').clientId)), onlinePayments: Boolean(c.get('deps').payments) }, 200));
  app.openapi(r.bookingBilling, async (c) => c.json(await bookingBilling(ctxOf(c), c.req.valid('param').bookingId), 200));
  app.openapi(r.deposit, async (c) => {
    const out = await payDeposit(ctxOf(c), c.req.valid('param').bookingId, c.req.valid('json'));
    return c.json(out, out.replayed ? 200 : 201);
  });
  app.openapi(r.invoiceVisit, async (c) => c.json(await invoiceVisit(ctxOf(c), c.req.valid('param').bookingId, c.req.valid('json')), 201));
  app.openapi(r.invoice, async (c) => c.json(await getInvoice(ctxOf(c), c.req.valid('param').invoiceId), 200));
  app.openapi(r.pay, async (c) => {
    const out = await recordPayment(ctxOf(c), c.req.valid('param').invoiceId, c.req.valid('json'));
    return c.json(out, out.replayed ? 200 : 201);
  });
  app.openapi(r.void, async (c) => c.json(await voidInvoice(ctxOf(c), c.req.valid('param').invoiceId, c.req.valid('json')), 200));
  app.openapi(r.refund, async (c) => {
    const out = await refundPayment(ctxOf(c), c.req.valid('param').paymentId, c.req.valid('json'));
    return c.json(out, out.replayed ? 200 : 201);
  });
  app.openapi(r.refundPackage, async (c) => c.json(await refundPackage(ctxOf(c), c.req.valid('param').purchaseId, c.req.valid('json')), 200));
  app.openapi(r.receipt, async (c) => {
    const pdf = await renderReceiptPdf(await receiptForPdf(ctxOf(c), c.req.valid('param').paymentId));
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="receipt.pdf"', 'cache-control': 'private, no-store' });
  });
  app.openapi(r.checkout, async (c) => c.json(await startCheckout(ctxOf(c), c.get('deps').payments, c.get('deps').publicUrl, c.req.valid('json')), 201));
  app.openapi(r.confirmCheckout, async (c) => c.json(await confirmCheckout(ctxOf(c), c.get('deps').payments, c.req.valid('param').sessionId), 200));
  app.openapi(r.stripeWebhook, async (c) => {
    const deps = c.get('deps');
    // the signature covers the exact bytes Stripe sent, so read the raw body, not parsed JSON
    return c.json(await handleStripeWebhook(deps.db, deps.now(), await c.req.text(), c.req.header('stripe-signature'), deps.stripeWebhookSecret, c.get('requestId'), { publicUrl: deps.publicUrl, secrets: deps.secrets }), 200);
  });
  app.openapi(r.emailReceipt, async (c) => c.json(await emailReceipt(ctxOf(c), c.req.valid('param').paymentId), 200));
}
