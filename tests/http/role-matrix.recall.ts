// The role-matrix rows of recall flows (docs/recall.md): the owner edits the flows; a client's
// marketing opt-in is read by staff and the client and changed by the client or the desk; anyone may
// follow an unsubscribe link (an unknown token is simply not found).
// Spread into MATRIX by role-matrix.table.ts, which passes its helpers in (no import cycle).
import type { Probe, Who } from './role-matrix.table.js';

interface Helpers {
  only: (ok: number, roles: Who[], other?: number) => Probe['expect'];
  all: (status: number) => Record<Who, number>;
  STAFF: Who[];
}

const TEXT = { subject: 'Time for your next {serviceName}', body: 'Hi {firstName}, book here: {bookingLink}. Stop: {unsubscribeLink}' };
const TOKEN = 'not-a-real-unsubscribe-token-0123456789';

export function recallRows({ only, all, STAFF }: Helpers): Record<string, Probe> {
  return {
    'GET /api/recall-flows': { path: () => '/api/recall-flows', expect: only(200, ['owner']) },
    'PUT /api/recall-flows/{flow}': { method: 'PUT', path: () => '/api/recall-flows/lapsed', body: () => ({ enabled: false, delayDays: 180, channel: 'email', ...TEXT }), expect: only(200, ['owner']) },
    'POST /api/recall-flows/{flow}/preview': { path: () => '/api/recall-flows/lapsed/preview', body: () => TEXT, expect: only(200, ['owner']) },
    // the fixture client is not the signed-in client: theirs is "not found"
    'GET /api/clients/{clientId}/marketing-consent': { path: (f) => `/api/clients/${f.clientId}/marketing-consent`, expect: { ...only(200, STAFF, 404), client: 404 } },
    'PUT /api/clients/{clientId}/marketing-consent': { method: 'PUT', path: (f) => `/api/clients/${f.clientId}/marketing-consent`, body: () => ({ optedIn: false }), expect: { ...only(200, ['owner', 'front_desk']), client: 404 } },
    'GET /api/public/unsubscribe': { path: () => `/api/public/unsubscribe?token=${TOKEN}`, expect: all(404) },
    'POST /api/public/unsubscribe': { path: () => '/api/public/unsubscribe', body: () => ({ token: TOKEN, subscribed: false }), expect: all(404) },
  };
}
