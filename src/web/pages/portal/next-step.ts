// The one next step for a client on the portal home, worked out from what the API says about them:
// their answers, eligibility results, plans, consent, bookings and deposits.
import type { Schemas } from '../../api/client.js';
import { prettyDate } from '../../api/dates.js';

type Booking = Schemas['Booking'];
type Screening = Schemas['ClientScreening'];
type Plan = Schemas['TreatmentPlan'];

export interface NextStepInput {
  /** the latest answers, or null when the client has not sent the questionnaire */
  intake: Schemas['Intake'] | null;
  /** a questionnaire in progress */
  draft: boolean;
  /** newest first */
  screenings: Screening[];
  plans: Plan[];
  /** upcoming visits, soonest first */
  upcoming: Booking[];
  /** every booking of the client */
  bookings: Booking[];
  /** the readiness checks for the current plan's treatment, when there is a plan */
  readiness: Schemas['TreatmentReadiness'] | null;
  deposits: Schemas['Deposit'][];
  onlinePayments: boolean;
}

export type NextAction = { kind: 'link'; to: string; label: string } | { kind: 'pay_deposit'; bookingId: string; label: string } | null;

export interface NextStep {
  id: 'questionnaire' | 'eligibility' | 'consultation' | 'review' | 'wait' | 'plan' | 'plan_approval' | 'risks' | 'consent' | 'deposit' | 'book_first' | 'book_next' | 'all_set';
  title: string;
  text: string;
  action: NextAction;
}

const BOOK = '/portal/book';
const CARE = '/portal/care';

export function nextStep(i: NextStepInput): NextStep {
  if (!i.intake) {
    return {
      id: 'questionnaire',
      title: i.draft ? 'Finish your health questionnaire' : 'Start your health questionnaire',
      text: i.draft ? 'Your answers so far are saved. Carry on where you stopped.' : 'About 5 minutes. It tells us whether microneedling is safe for you.',
      action: { kind: 'link', to: '/portal/care/questionnaire', label: i.draft ? 'Finish the questionnaire' : 'Start the questionnaire' },
    };
  }
  const consultation = i.upcoming.find((b) => b.service.kind === 'consultation');
  const latest = i.screenings[0];
  if (!latest || latest.status === 'stale' || latest.status === 'expired') {
    return {
      id: 'eligibility',
      title: latest ? 'Check your eligibility again' : 'Check your eligibility',
      text: latest ? 'Your answers changed or your last result ran out. It takes a minute.' : 'Choose the treatment and areas you want; you get an answer at once.',
      action: { kind: 'link', to: CARE, label: 'Check my eligibility' },
    };
  }
  const deposit = i.deposits.find((d) => d.status === 'due' && Date.parse(d.startsAt) > Date.now());
  const depositStep = (): NextStep | null => {
    if (!deposit) return null;
    const amount = (deposit.amountCents / 100).toLocaleString('en-US', { style: 'currency', currency: deposit.currency });
    const visit = i.upcoming.find((b) => b.id === deposit.bookingId);
    const when = visit ? `${prettyDate(visit.localDate)} at ${visit.localTime}` : 'your visit';
    return i.onlinePayments
      ? { id: 'deposit', title: 'Pay your deposit', text: `A deposit of ${amount} holds your visit on ${when}.`, action: { kind: 'pay_deposit', bookingId: deposit.bookingId, label: `Pay ${amount} now` } }
      : { id: 'deposit', title: 'Deposit due at the desk', text: `Please pay the ${amount} deposit for ${when} at the front desk when you arrive.`, action: null };
  };
  const declined = latest.review?.outcome === 'declined';
  if (latest.decision === 'contraindicated' || declined) {
    return consultation
      ? { id: 'consultation', title: 'Come to your consultation', text: `On ${prettyDate(consultation.localDate)} at ${consultation.localTime} we talk about what suits your skin instead.`, action: null }
      : { id: 'consultation', title: 'Book a consultation', text: 'Microneedling is not safe for you right now. A clinician can talk you through other options.', action: { kind: 'link', to: BOOK, label: 'Book a consultation' } };
  }
  if (latest.decision === 'needs_review' && !latest.review) {
    return consultation
      ? { id: 'review', title: 'A clinician reviews your answers', text: `You will talk it through at your consultation on ${prettyDate(consultation.localDate)} at ${consultation.localTime}.`, action: null }
      : { id: 'review', title: 'Book a consultation', text: 'A clinician needs to look at your answers with you before treatment. A short consultation settles it.', action: { kind: 'link', to: BOOK, label: 'Book a consultation' } };
  }
  if (latest.decision === 'deferred' && latest.earliestDate && latest.earliestDate > new Date().toISOString().slice(0, 10)) {
    return {
      id: 'wait',
      title: `You can start from ${prettyDate(latest.earliestDate)}`,
      text: 'Until then treatment is not safe for you. You can already book a session from that date, or a consultation in the meantime.',
      action: { kind: 'link', to: BOOK, label: `Book from ${prettyDate(latest.earliestDate)}` },
    };
  }
  const plan = i.plans.find((p) => p.status !== 'superseded');
  const nextTreatment = i.upcoming.find((b) => b.service.kind === 'treatment');
  if (!plan && !nextTreatment) {
    return { id: 'plan', title: 'Get your treatment plan', text: 'You are eligible. Your plan shows the sessions, the spacing and the price.', action: { kind: 'link', to: CARE, label: 'See my result and plan' } };
  }
  if (plan?.status === 'awaiting_director') {
    return depositStep() ?? { id: 'plan_approval', title: 'Your plan is with our medical director', text: 'We will email you once it is approved, usually within two working days.', action: { kind: 'link', to: `${CARE}/plans/${plan.id}`, label: 'See my plan' } };
  }
  const check = (id: Schemas['ReadinessCheck']['id']) => i.readiness?.checks.find((c) => c.id === id)?.ok ?? true;
  if (!check('treatment_consent')) {
    const to = plan ? `${CARE}/consent?kind=treatment&planId=${plan.id}` : `${CARE}/consent?kind=treatment&modality=${i.readiness?.modality ?? ''}`;
    return { id: 'consent', title: 'Sign your consent', text: 'Treatment needs your signed consent. It takes a few minutes and you get a copy.', action: { kind: 'link', to, label: 'Sign the consent' } };
  }
  if (!check('risk_acknowledgement')) {
    return { id: 'risks', title: 'Read the risks of your treatment', text: 'Please read the short risk summary and confirm you understand it.', action: { kind: 'link', to: plan ? `${CARE}/plans/${plan.id}` : BOOK, label: 'Read the risks' } };
  }
  const pay = depositStep();
  if (pay) return pay;
  if (!nextTreatment) {
    const treated = i.bookings.some((b) => b.service.kind === 'treatment' && b.status === 'completed');
    return treated
      ? { id: 'book_next', title: 'Book your next session', text: 'Spacing sessions as planned gives the best result.', action: { kind: 'link', to: BOOK, label: 'Book my next session' } }
      : { id: 'book_first', title: 'Book your first session', text: 'You are ready for treatment. Choose a time that suits you.', action: { kind: 'link', to: BOOK, label: 'Book my first session' } };
  }
  return { id: 'all_set', title: 'You are all set', text: `See you on ${prettyDate(nextTreatment.localDate)} at ${nextTreatment.localTime}.`, action: null };
}
