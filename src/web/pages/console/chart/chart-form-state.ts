// The chart form's state, and the conversions between it and the chart body the API takes.
import { ApiError, type Schemas } from '../../../api/client.js';
import { atMostMessage, requiredMessage, summarize } from '../../../../domain/shared/messages.js';
import { AREAS } from '../../../components/clinical/labels.js';
import type { Area, ChartBody } from './chart-types.js';

type Booking = Schemas['Booking'];

/** Form state: number inputs may be empty while typing. */
export interface AreaRow {
  area: string | null;
  depthMm: number | string;
  passes: number | string;
  rfPreset: string;
}
export interface ProductRow {
  name: string;
  approvedForDevice: boolean;
  reason: string;
}
export interface FormState {
  checklist: ChartBody['checklist'];
  deviceId: string | null;
  lotIds: string[];
  numbing: { product: string; amount: string; area: string; onAt: string; offAt: string };
  areas: AreaRow[];
  products: ProductRow[];
  endPoint: string;
  notes: string;
}

/** What every part of the form gets: the state, a patcher, the server's field errors, and whether it may be edited. */
export interface FormPartProps {
  form: FormState;
  /** A patch, or a function of the latest state for row edits that may come in quick succession. */
  set: (patch: Partial<FormState> | ((f: FormState) => Partial<FormState>)) => void;
  err: (path: string) => string | undefined;
  readOnly: boolean;
}

export const emptyArea = (): AreaRow => ({ area: null, depthMm: '', passes: '', rfPreset: '' });
export const emptyProduct = (): ProductRow => ({ name: '', approvedForDevice: true, reason: '' });
const emptyNumbing = { product: '', amount: '', area: '', onAt: '', offAt: '' };

/** A new chart starts from the booked device and one empty area; a saved one from its own body. */
export function initialForm(booking: Booking, chart: ChartBody | undefined): FormState {
  if (!chart) {
    return {
      checklist: { skinCleansed: false, beforePhotosBeforeNumbing: false, numbingApplied: false },
      deviceId: booking.device?.id ?? null,
      lotIds: [],
      numbing: { ...emptyNumbing },
      areas: [emptyArea()],
      products: [],
      endPoint: '',
      notes: '',
    };
  }
  return {
    checklist: { ...chart.checklist },
    deviceId: chart.deviceId || null,
    lotIds: [...chart.lotIds],
    numbing: chart.numbing ? { ...chart.numbing } : { ...emptyNumbing },
    areas: chart.areas.length
      ? chart.areas.map((a) => ({
          area: a.area || null,
          depthMm: a.depthMm,
          passes: a.passes,
          rfPreset: a.rfPreset ?? '',
        }))
      : [emptyArea()],
    products: chart.products.map((p) => ({
      name: p.name,
      approvedForDevice: p.approvedForDevice,
      reason: p.reason ?? '',
    })),
    endPoint: chart.endPoint,
    notes: chart.notes,
  };
}

// An empty field must not become 0 (Number('') is 0): NaN goes out as null, which the server refuses.
const toNumber = (v: number | string) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);

const isArea = (v: string | null): v is Area => v !== null && AREAS.includes(v);

/**
 * Numbing only when it was applied, RF presets only for RF, a reason only for an unapproved product.
 * A row without a treated area cannot be sent: it is refused here, as a field error like the server's.
 */
export function toBody(form: FormState, rf: boolean): ChartBody {
  // the same words as the API (the message catalogue), before anything is sent
  const missing = form.areas.flatMap((a, i) => {
    const depth = toNumber(a.depthMm);
    return [
      ...(isArea(a.area) ? [] : [{ path: `chart.areas.${i}.area`, message: requiredMessage('area') }]),
      ...(Number.isNaN(depth) ? [{ path: `chart.areas.${i}.depthMm`, message: requiredMessage('depthMm') }] : depth > 3 ? [{ path: `chart.areas.${i}.depthMm`, message: atMostMessage('depthMm', 3) }] : []),
    ];
  });
  if (missing.length) throw new ApiError(400, summarize(missing.map((m) => m.message)), missing);
  return {
    checklist: { ...form.checklist },
    deviceId: form.deviceId ?? '',
    lotIds: form.lotIds,
    numbing: form.checklist.numbingApplied ? { ...form.numbing } : null,
    areas: form.areas.flatMap((a) =>
      isArea(a.area)
        ? [
            {
              area: a.area,
              depthMm: toNumber(a.depthMm),
              passes: toNumber(a.passes),
              ...(rf ? { rfPreset: a.rfPreset } : {}),
            },
          ]
        : [],
    ),
    products: form.products.map((p) => ({
      name: p.name,
      approvedForDevice: p.approvedForDevice,
      ...(p.approvedForDevice ? {} : { reason: p.reason }),
    })),
    endPoint: form.endPoint,
    notes: form.notes,
  };
}

/** Patch the row at `i` of a list, leaving the others as they are. */
export const patchRow = <T>(rows: T[], i: number, patch: Partial<T>): T[] =>
  rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
export const withoutRow = <T>(rows: T[], i: number): T[] => rows.filter((_, j) => j !== i);
