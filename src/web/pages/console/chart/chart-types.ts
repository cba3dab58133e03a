// The chart as the API sends and takes it, and the location's devices and lots the chart picks from.

export interface ChartBody {
  checklist: { skinCleansed: boolean; beforePhotosBeforeNumbing: boolean; numbingApplied: boolean };
  deviceId: string;
  lotIds: string[];
  numbing: null | { product: string; amount: string; area: string; onAt: string; offAt: string };
  areas: { area: string; depthMm: number; passes: number; rfPreset?: string }[];
  products: { name: string; approvedForDevice: boolean; reason?: string }[];
  endPoint: string;
  notes: string;
}

/** Older versions may carry only a name, or nobody. */
export type Person = { id: string; name: string } | string | null;

export interface ChartView {
  id: string;
  version: number;
  status: 'draft' | 'signed';
  chart: ChartBody;
  provider: Person;
  signedName: string | null;
  signedAt: string | null;
  signatureHash: string | null;
  amendmentReason: string | null;
  needsCosign: boolean;
  cosignedBy: Person;
  cosignedAt: string | null;
}

export interface ChartVersion {
  id: string;
  version: number;
  status: 'draft' | 'signed';
  signedAt: string | null;
  amendmentReason: string | null;
}

export interface ChartResponse {
  current: ChartView | null;
  versions: ChartVersion[];
}

export interface Device {
  id: string;
  modality: string;
  manufacturer: string;
  model: string;
  serial: string;
}

export interface Lot {
  id: string;
  product: string;
  lotNumber: string;
  expiresOn: string;
  recalledAt: string | null;
}

export const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
export const personName = (p: Person) => (p === null ? '' : typeof p === 'string' ? p : p.name);
