import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './app-env.js';
import { problem, STATUS_OF, validationProblem } from './problem.js';
import { AppError } from '../services/errors.js';
import { clientIp } from './middleware/client-ip.js';
import { session } from './middleware/session.js';
import { csrf } from './middleware/csrf.js';
import { pathGuard } from './middleware/path-guard.js';
import { pgInputError } from './pg-input-errors.js';
import { refusalTrail } from './middleware/refusal-trail.js';
import { accessLog } from './middleware/access-log.js';
import { requestMetrics } from './middleware/request-metrics.js';
import { authRoutes } from './routes/auth.routes.js';
import { documentAuthRoutes } from './routes/auth-docs.js';
import { accountRoutes } from './routes/account.routes.js';
import { clientRoutes } from './routes/clients.routes.js';
import { organizationRoutes } from './routes/organization.routes.js';
import { clinicSignUpRoutes } from './routes/clinic-sign-up.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { clinicalSettingsRoutes } from './routes/clinical-settings.routes.js';
import { intakeRoutes } from './routes/intake.routes.js';
import { screeningRoutes } from './routes/screening.routes.js';
import { pricingRoutes } from './routes/pricing.routes.js';
import { planRoutes } from './routes/plans.routes.js';
import { learnRoutes } from './routes/learn.routes.js';
import { consentRoutes } from './routes/consents.routes.js';
import { consentHandoffRoutes } from './routes/consent-handoffs.routes.js';
import { schedulingSetupRoutes } from './routes/scheduling-setup.routes.js';
import { bookingRoutes } from './routes/bookings.routes.js';
import { photoRoutes } from './routes/photos.routes.js';
import { billingRoutes } from './routes/billing.routes.js';
import { giftCardRoutes } from './routes/gift-cards.routes.js';
import { membershipRoutes } from './routes/memberships.routes.js';
import { recallRoutes } from './routes/recall.routes.js';
import { cardPaymentRoutes } from './routes/card-payments.routes.js';
import { reviewRoutes } from './routes/reviews.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { messageRoutes } from './routes/messages.routes.js';
import { backupRoutes } from './routes/backups.routes.js';
import { exportRoutes } from './routes/exports.routes.js';
import { fhirRoutes } from './routes/fhir.routes.js';
import { webhookRoutes } from './routes/webhooks.routes.js';
import { importRoutes } from './routes/import.routes.js';
import { PHOTO_MAX_BYTES } from '../services/treatment/photos.js';
import { waitlistRoutes } from './routes/waitlist.routes.js';
import { treatmentRoutes } from './routes/treatment.routes.js';
import { triageRoutes } from './routes/triage.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { docsRoutes } from './routes/docs.routes.js';
import { webRoutes } from './web.js';

export const JSON_BODY_LIMIT = 256 * 1024;
/** an uploaded CSV export to import (at most 4 MB), as JSON text with room for its escaping */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/** PostgreSQL errors that are the caller's fault, not the server's. */
function pgConflict(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '23505') return 'this would duplicate an existing record';
  if (code === '23P01') return 'this overlaps an existing booking';
  if (code === '23503') return 'a referenced record does not exist';
  return null;
}

/**
 * With the Payment Element on (a publishable key), Stripe.js loads from its origin, draws the card
 * field in its frames and talks to Stripe's API; 3-D Secure pages open in Stripe's frames too.
 * Without keys nothing beyond our own origin is allowed.
 */
function stripeOrigins(deps: AppDeps) {
  if (!deps.stripeClient) return { script: [], frame: [], connect: [] };
  const js = new URL(deps.stripeClient.jsUrl).origin;
  const real = js === 'https://js.stripe.com';
  return { script: [js], frame: real ? [js, 'https://hooks.stripe.com'] : [js], connect: real ? [js, 'https://api.stripe.com'] : [js] };
}

export function createApp(deps: AppDeps) {
  const stripe = stripeOrigins(deps);
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures become problem+json naming every offending field.
    defaultHook: (result, c) => {
      // plain sentences from the message catalogue, each once; `detail` sums them up
      if (!result.success) return problem(c, validationProblem(result.error.issues, result.target));
      return undefined;
    },
  });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestId({ headerName: 'x-request-id', limitLength: 64 }));
  app.use('*', requestMetrics);
  app.use('*', pathGuard);
  app.use('*', accessLog);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...stripe.script],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", ...stripe.connect],
        ...(stripe.frame.length ? { frameSrc: stripe.frame } : {}),
        fontSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.publicUrl.startsWith('https:') ? 'max-age=63072000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  const jsonLimit: MiddlewareHandler<AppEnv> = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: (c) => problem(c, { status: 413, detail: `request body exceeds ${JSON_BODY_LIMIT} bytes` }) });
  const photoLimit: MiddlewareHandler<AppEnv> = bodyLimit({ maxSize: PHOTO_MAX_BYTES, onError: (c) => problem(c, { status: 413, detail: `a photo may be at most ${PHOTO_MAX_BYTES} bytes` }) });
  // a CSV export uploaded for import (docs/import.md) is the other
  const importLimit: MiddlewareHandler<AppEnv> = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: (c) => problem(c, { status: 413, detail: 'A file to import may be at most 4 MB; split it into several files.' }) });
  // photo uploads are the one place a large body is expected
  // a GET or HEAD has no body to limit: asking for one would build a full web Request (about a third
  // of a small GET's time in the HTTP layer, issue 14)
  const limit: MiddlewareHandler<AppEnv> = (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    if (method === 'POST' && /^\/api\/clients\/[^/]+\/photos$/.test(c.req.path)) return photoLimit(c, next);
    return method === 'POST' && c.req.path === '/api/imports' ? importLimit(c, next) : jsonLimit(c, next);
  };
  // the FHIR read API (/fhir/R4) is the API too: the same session, limits, CSRF and no-store
  for (const prefix of ['/api/*', '/fhir/*']) {
    app.use(prefix, async (c, next) => {
      await next();
      // API answers carry personal data: never cache them (the docs' static assets say otherwise themselves)
      if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
    });
    app.use(prefix, clientIp);
    app.use(prefix, limit);
    app.use(prefix, csrf);
    app.use(prefix, session);
    // after the session: a refused attempt is counted for the signed-in caller
    app.use(prefix, refusalTrail);
  }

  healthRoutes(app);
  docsRoutes(app);
  authRoutes(app);
  documentAuthRoutes(app);
  accountRoutes(app);
  clientRoutes(app);
  organizationRoutes(app);
  clinicSignUpRoutes(app);
  auditRoutes(app);
  clinicalSettingsRoutes(app);
  intakeRoutes(app);
  screeningRoutes(app);
  pricingRoutes(app);
  planRoutes(app);
  learnRoutes(app);
  consentRoutes(app);
  consentHandoffRoutes(app);
  schedulingSetupRoutes(app);
  bookingRoutes(app);
  waitlistRoutes(app);
  treatmentRoutes(app);
  triageRoutes(app);
  photoRoutes(app);
  billingRoutes(app);
  giftCardRoutes(app);
  membershipRoutes(app);
  recallRoutes(app);
  cardPaymentRoutes(app);
  reviewRoutes(app);
  reportRoutes(app);
  messageRoutes(app);
  backupRoutes(app);
  exportRoutes(app);
  fhirRoutes(app);
  webhookRoutes(app);
  importRoutes(app);
  webRoutes(app, deps.webDir);

  app.notFound((c) => problem(c, { status: 404, detail: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` }));

  app.onError((err, c) => {
    if (err instanceof AppError) {
      return problem(c, { status: STATUS_OF[err.code], detail: err.message, errors: err.fields, code: err.code, extra: err.extra });
    }
    if (err instanceof HTTPException) {
      const status = err.status >= 400 && err.status < 500 ? err.status : 500;
      return problem(c, { status, detail: err.message || 'invalid request' });
    }
    const conflict = pgConflict(err);
    if (conflict) return problem(c, { status: 409, detail: conflict, code: 'conflict' });
    // a deadlock or serialization failure that outlasted the retries: busy now, not broken
    const code = (err as { code?: unknown } | null)?.code;
    if (code === '40P01' || code === '40001') {
      c.header('retry-after', '1');
      return problem(c, { status: 503, detail: 'The calendar is busy with other changes right now. Please try again in a moment.', code: 'busy' });
    }
    const badInput = pgInputError(err);
    if (badInput) return problem(c, { status: 400, detail: badInput, code: 'validation' });
    // Unexpected: log the error class and request id only (messages can echo personal data).
    deps.logger.error({ reqId: c.get('requestId'), err: { name: err.name, stack: err.stack?.split('\n').slice(0, 6).join('\n') } }, 'unhandled error');
    return problem(c, { status: 500, detail: 'an unexpected error occurred; the request id identifies it in the server log' });
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
