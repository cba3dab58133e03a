// The events an owner can subscribe an endpoint to (issue 15, item 6), each announced when the audit
// trail records one of the actions listed (decision 0018): every change a clinic makes is audited in
// the change's own transaction, so a webhook is written exactly when its change commits. Payloads
// carry ids only, never clinical content.

export const WEBHOOK_EVENTS = {
  'booking.created': { label: 'A booking is made', actions: ['booking.create', 'booking.create.override', 'booking.confirm'] },
  'booking.changed': { label: 'A booking is moved, checked in or marked as a no-show', actions: ['booking.reschedule', 'booking.reschedule.override', 'booking.undo.reschedule', 'booking.check_in', 'booking.check_in.override', 'booking.no_show'] },
  'booking.cancelled': { label: 'A booking is cancelled', actions: ['booking.cancel', 'booking.cancel.late', 'booking.undo.create'] },
  'client.created': { label: 'A client is added or registers', actions: ['client.create', 'client.register'] },
  'consent.signed': { label: 'A consent is signed', actions: ['consent.sign'] },
  'chart.signed': { label: 'A treatment chart is signed or amended', actions: ['chart.sign', 'chart.amend'] },
  'payment.succeeded': { label: 'A payment is taken', actions: ['payment.record', 'payment.online', 'deposit.pay', 'booking.fee'] },
  'payment.refunded': { label: 'A payment is refunded', actions: ['payment.refund', 'package.refund'] },
  'adverse_event.reported': { label: 'An adverse event is reported', actions: ['adverse_event.record'] },
  'review.published': { label: 'A review is published', actions: ['review.publish'] },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEventType, ...WebhookEventType[]];
/** Sent only by "Send a test event", to check an endpoint; no subscription needed. */
export const TEST_EVENT = 'webhook.test';

const byAction = new Map<string, WebhookEventType>(Object.entries(WEBHOOK_EVENTS).flatMap(([type, e]) => e.actions.map((a) => [a, type as WebhookEventType] as const)));

/** The event an audited action announces, if any. */
export const eventOfAction = (action: string): WebhookEventType | undefined => byAction.get(action);
