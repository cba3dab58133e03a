// The role-matrix rows of memberships (docs/memberships.md): the owner keeps the plans, the desk
// (owner, front desk) sells and takes payments, the client and the desk pause, resume and cancel,
// and those who see a client see their membership. Spread into MATRIX by role-matrix.table.ts.
import type { Probe, Who } from './role-matrix.table.js';

interface Helpers {
  only: (ok: number, roles: Who[], other?: number) => Probe['expect'];
  uniq: () => string;
  NO_ID: string;
}

export function membershipRows({ only, uniq, NO_ID }: Helpers): Record<string, Probe> {
  const plan = (f: { org: { locationId: string } }) => ({ locationId: f.org.locationId, name: `Matrix plan ${uniq()}`, period: 'month', feeCents: 5_000 });
  return {
    'GET /api/membership-plans': { path: () => '/api/membership-plans', expect: only(200, ['owner', 'medical_director', 'provider', 'front_desk', 'client'], 200) },
    'POST /api/membership-plans': { path: () => '/api/membership-plans', body: plan, expect: only(201, ['owner']) },
    'PUT /api/membership-plans/{planId}': { method: 'PUT', path: () => `/api/membership-plans/${NO_ID}`, body: plan, expect: only(404, ['owner']) },
    // the signed-in client sees only their own; another clinic's staff find nothing
    'GET /api/clients/{clientId}/memberships': { path: (f) => `/api/clients/${f.clientId}/memberships`, expect: { ...only(200, ['owner', 'medical_director', 'provider', 'front_desk'], 404), client: 404 } },
    // no such plan: the desk is told which field is wrong
    'POST /api/clients/{clientId}/memberships': {
      path: (f) => `/api/clients/${f.clientId}/memberships`,
      body: (f) => ({ locationId: f.org.locationId, planId: NO_ID, payment: { method: 'cash' }, idempotencyKey: `matrix-${uniq()}` }),
      expect: only(400, ['owner', 'front_desk']),
    },
    'POST /api/memberships/{membershipId}/pause': { path: () => `/api/memberships/${NO_ID}/pause`, body: () => ({ resumeOn: '2027-05-01' }), expect: only(404, ['owner', 'front_desk', 'client']) },
    'POST /api/memberships/{membershipId}/resume': { path: () => `/api/memberships/${NO_ID}/resume`, expect: only(404, ['owner', 'front_desk', 'client']) },
    'POST /api/memberships/{membershipId}/cancel': { path: () => `/api/memberships/${NO_ID}/cancel`, body: () => ({ when: 'now', reason: 'Moving away' }), expect: only(404, ['owner', 'front_desk', 'client']) },
    'POST /api/membership-charges/{chargeId}/payments': { path: () => `/api/membership-charges/${NO_ID}/payments`, body: () => ({ method: 'cash', idempotencyKey: `matrix-${uniq()}` }), expect: only(404, ['owner', 'front_desk']) },
  };
}
