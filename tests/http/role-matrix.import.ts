// The role-matrix rows of import (docs/import.md): the owner and the medical director, nobody else.
// Spread into MATRIX by role-matrix.table.ts, which passes its helpers in (no import cycle).
import type { Probe, Who } from './role-matrix.table.js';

export function importRows(h: { only: (ok: number, roles: Who[]) => Probe['expect']; uniq: () => string; NO_ID: string }): Record<string, Probe> {
  const WHO: Who[] = ['owner', 'medical_director'];
  const id = h.NO_ID;
  return {
    'GET /api/imports/presets': { path: () => '/api/imports/presets', expect: h.only(200, WHO) },
    'GET /api/imports': { path: () => '/api/imports', expect: h.only(200, WHO) },
    'POST /api/imports': { path: () => '/api/imports', body: () => ({ fileName: 'clients.csv', csv: `First Name,Last Name,Email\nRole,Matrix,role.matrix.${h.uniq()}@example.com\n` }), expect: h.only(201, WHO) },
    'GET /api/imports/{importId}': { path: () => `/api/imports/${id}`, expect: h.only(404, WHO) },
    'PATCH /api/imports/{importId}': { path: () => `/api/imports/${id}`, method: 'PATCH', body: () => ({ kind: 'clients' }), expect: h.only(404, WHO) },
    'POST /api/imports/{importId}/dry-run': { path: () => `/api/imports/${id}/dry-run`, method: 'POST', expect: h.only(404, WHO) },
    'POST /api/imports/{importId}/run': { path: () => `/api/imports/${id}/run`, method: 'POST', expect: h.only(404, WHO) },
    'GET /api/imports/{importId}/rows': { path: () => `/api/imports/${id}/rows?outcome=conflict`, expect: h.only(404, WHO) },
  };
}
