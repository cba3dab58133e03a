// The role-matrix rows of a clinic's locations and their price lists: the owner only.
// Spread into MATRIX by role-matrix.table.ts, which passes its helpers in (no import cycle).
import type { Probe, Who } from './role-matrix.table.js';

export function locationRows({ only, uniq }: { only: (ok: number, roles: Who[]) => Probe['expect']; uniq: () => string }): Record<string, Probe> {
  return {
    'POST /api/locations/{locationId}/prices': {
      path: (f) => `/api/locations/${f.org.locationId}/prices`,
      body: () => ({ serviceCode: `mn_face_${uniq()}`, name: 'Microneedling, face', modality: 'pen', priceCents: 45000, effectiveFrom: '2026-12-01' }),
      expect: only(201, ['owner']),
    },
    'POST /api/locations/{locationId}/packages': {
      path: (f) => `/api/locations/${f.org.locationId}/packages`,
      body: () => ({ serviceCode: 'mn_face', name: 'Three sessions', sessions: 3, priceCents: 120000 }),
      expect: only(201, ['owner']),
    },
    'POST /api/locations': { path: () => '/api/locations', body: () => ({ name: `Uptown ${uniq()}`, address: '500 Congress Ave, Austin, TX 78701', timeZone: 'America/Chicago', state: 'TX' }), expect: only(201, ['owner']) },
    'PUT /api/locations/{locationId}': { method: 'PUT', path: (f) => `/api/locations/${f.org.locationId}`, body: () => ({ name: 'Main', address: '1200 Main St, Austin, TX 78701', timeZone: 'America/Chicago', state: 'TX' }), expect: only(200, ['owner']) },
  };
}
