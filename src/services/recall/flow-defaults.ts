// The four recall flows and what each starts with (docs/recall.md). Flows are data: the owner turns
// each on or off and edits its timing and text; these are the first values a clinic sees. Every flow
// starts off, so an upgrade never sends messages the owner has not seen. The purpose is fixed per
// flow: the next session of a series is care (the client started a course with the clinic); the
// others invite someone back and are marketing, which needs the client's opt-in.
import type { RecallChannel, RecallFlowName, RecallPurpose } from '../../db/schema-recall.js';

export const FLOW_NAMES = ['series_next', 'consult_no_treatment', 'lapsed', 'credits_expiring'] as const satisfies readonly RecallFlowName[];

export interface FlowDefaults {
  label: string;
  purpose: RecallPurpose;
  delayDays: number;
  /** what delay_days means for this flow, in plain words */
  delayMeaning: string;
  channel: RecallChannel;
  subject: string;
  body: string;
  /** false: not sent yet (it waits for another part of Dermis) */
  available: boolean;
}

const SIGN_OFF = '\n\nBook here: {bookingLink}\n\n{clinicName}\n\nTo stop these messages: {unsubscribeLink}';

export const FLOW_DEFAULTS: Record<RecallFlowName, FlowDefaults> = {
  series_next: {
    label: 'Next session of a series',
    purpose: 'care',
    delayDays: 0,
    delayMeaning: 'days after the window for the next session opens',
    channel: 'email',
    subject: 'Time to book your next {serviceName} session',
    body: `Hi {firstName},\n\nThe window for your next {serviceName} session is open. Sessions spaced as planned give the best results, so now is a good time to choose a date.${SIGN_OFF}`,
    available: true,
  },
  consult_no_treatment: {
    label: 'Consultation with no treatment booked',
    purpose: 'marketing',
    delayDays: 7,
    delayMeaning: 'days after the consultation',
    channel: 'email',
    subject: 'Ready to start your {serviceName}?',
    body: `Hi {firstName},\n\nThank you for coming in for a consultation. Whenever you are ready to start your {serviceName}, you can choose a time online.${SIGN_OFF}`,
    available: true,
  },
  lapsed: {
    label: 'Clients who have not been back',
    purpose: 'marketing',
    delayDays: 180,
    delayMeaning: 'days since the last visit',
    channel: 'email',
    subject: 'We would love to see you again at {clinicName}',
    body: `Hi {firstName},\n\nIt has been a while since your last visit. If you would like another {serviceName}, you can choose a time online.${SIGN_OFF}`,
    available: true,
  },
  credits_expiring: {
    label: 'Membership credits about to expire',
    purpose: 'marketing',
    delayDays: 14,
    delayMeaning: 'days before the credit expires',
    channel: 'email',
    subject: 'Your {serviceName} credit expires soon',
    body: `Hi {firstName},\n\nYou have a {serviceName} credit with your membership that expires soon. Book a visit to use it.${SIGN_OFF}`,
    available: true,
  },
};
