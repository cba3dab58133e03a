// A new clinic from the public page (/start): sign-up, the owner's email confirmation and a new link;
// then the owner's set-up checklist, the online-booking switch and the review of the consent
// documents (services/organization). Public sign-up can be closed with DERMIS_PUBLIC_SIGNUP=off.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf, metaOf } from '../context.js';
import { conflictResponse, errorResponses, json, jsonBody } from '../schemas/common.schema.js';
import { clinicSignUpLimiter } from '../middleware/rate-limit.js';
import { forbidden } from '../../services/errors.js';
import { signUpClinic, signUpClinicInput } from '../../services/organization/sign-up-clinic.js';
import { verifyClinicOwner, verifyClinicOwnerInput } from '../../services/organization/verify-clinic-owner.js';
import { resendClinicVerification } from '../../services/organization/resend-clinic-verification.js';
import { getSetupChecklist } from '../../services/organization/setup-checklist.js';
import { onlineBookingInput, setOnlineBooking } from '../../services/organization/set-online-booking.js';
import { consentReviewInput, reviewConsents } from '../../services/organization/review-consents.js';
import { ConsentReview, OnlineBooking, SetupChecklist } from '../../services/organization/setup.schema.js';

const tags = ['Clinic set-up'];

const SIGN_UP_EXAMPLE = {
  clinicName: 'Glow MedSpa', ownerName: 'Olivia Grant', email: 'olivia@glowmedspa.example', password: 'correct horse battery staple',
  address: '1200 Main St, Suite 210, Austin, TX 78701', locationName: 'Downtown', timeZone: 'America/Chicago', state: 'TX',
};
const CheckEmail = z
  .object({ status: z.literal('check_email'), email: z.string() })
  .openapi('ClinicSignUpStarted', { example: { status: 'check_email', email: 'olivia@glowmedspa.example' } });
const tooMany = { 429: { ...errorResponses[400], description: 'Too many sign-ups from this address or with this email' } };

const signUp = defineRoute('public', {
  method: 'post', path: '/api/clinic-sign-up', operationId: 'signUpClinic', tags,
  summary: 'Create a clinic with its first location and its owner; the same answer whether or not the email has an account, and an email says what to do next',
  request: { body: jsonBody(signUpClinicInput.openapi('ClinicSignUp', { example: SIGN_UP_EXAMPLE })) },
  responses: { 202: json(CheckEmail, 'An email is on its way to the address'), ...tooMany, ...errorResponses },
});
const verify = defineRoute('public', {
  method: 'post', path: '/api/clinic-sign-up/verify', operationId: 'verifyClinicOwnerEmail', tags,
  summary: "Confirm the owner's email with the link sent to it; the owner then signs in and sets up two-step sign-in",
  request: { body: jsonBody(verifyClinicOwnerInput.openapi('ClinicOwnerVerification')) },
  responses: {
    200: json(z.object({ organizationName: z.string(), email: z.string() }).openapi('ClinicOwnerVerified', { example: { organizationName: 'Glow MedSpa', email: 'olivia@glowmedspa.example' } }), 'Confirmed'),
    ...errorResponses,
  },
});
const resend = defineRoute(['owner'], {
  method: 'post', path: '/api/clinic-sign-up/verification-email', operationId: 'resendClinicVerificationEmail', tags,
  summary: "Send the owner a new confirmation link (the earlier ones stop working)",
  // an owner whose address is already confirmed gets a 409 problem
  responses: { 202: json(CheckEmail, 'Sent'), ...conflictResponse, ...errorResponses },
});
const checklist = defineRoute(['owner', 'medical_director'], {
  method: 'get', path: '/api/organization/setup', operationId: 'getSetupChecklist', tags,
  summary: 'The set-up checklist: each step done or not, from what the clinic has recorded, with the screen where it is done',
  responses: { 200: json(SetupChecklist, 'Checklist'), ...errorResponses },
});
const onlineBooking = defineRoute(['owner'], {
  method: 'put', path: '/api/organization/online-booking', operationId: 'setOnlineBooking', tags,
  summary: 'Take online bookings: the clinic is listed on the public pages, and clients can create an account and book in the portal',
  request: { body: jsonBody(onlineBookingInput.openapi('OnlineBookingSwitch', { example: { enabled: true } })) },
  responses: { 200: json(OnlineBooking, 'Saved'), ...errorResponses },
});
const consentReview = defineRoute(['owner', 'medical_director'], {
  method: 'put', path: '/api/organization/consent-review', operationId: 'reviewConsentDocuments', tags,
  summary: "Confirm the consent documents clients will sign were read (naming the version read)",
  request: { body: jsonBody(consentReviewInput.openapi('ConsentReviewConfirmation', { example: { version: '2026.11.1' } })) },
  responses: { 200: json(ConsentReview, 'Recorded'), ...conflictResponse, ...errorResponses },
});

export function clinicSignUpRoutes(app: OpenAPIHono<AppEnv>) {
  app.use('/api/clinic-sign-up', clinicSignUpLimiter);
  app.openapi(signUp, async (c) => {
    const d = c.get('deps');
    if (d.publicSignUp === false) throw forbidden('This server does not take new clinics from the sign-up page. Ask its operator to open it.', 'sign_up_closed');
    const r = await signUpClinic({ db: d.db, identity: d.identity, secrets: d.secrets, publicUrl: d.publicUrl, now: d.now, meta: metaOf(c) }, c.req.valid('json'));
    return c.json({ status: 'check_email' as const, email: r.email }, 202);
  });
  app.openapi(verify, async (c) => {
    const d = c.get('deps');
    return c.json(await verifyClinicOwner({ db: d.db, now: d.now, meta: metaOf(c) }, c.req.valid('json')), 200);
  });
  app.openapi(resend, async (c) => {
    const d = c.get('deps');
    const r = await resendClinicVerification({ db: d.db, secrets: d.secrets, publicUrl: d.publicUrl, now: d.now, meta: metaOf(c) }, ctxOf(c).principal);
    return c.json({ status: 'check_email' as const, email: r.email }, 202);
  });
  app.openapi(checklist, async (c) => c.json(await getSetupChecklist(ctxOf(c)), 200));
  app.openapi(onlineBooking, async (c) => c.json(await setOnlineBooking(ctxOf(c), c.req.valid('json')), 200));
  app.openapi(consentReview, async (c) => c.json(await reviewConsents(ctxOf(c), c.req.valid('json')), 200));
}
