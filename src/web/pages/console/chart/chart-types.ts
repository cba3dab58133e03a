// The chart as the API sends and takes it, and the location's devices and lots the chart picks from,
// named after the generated contract.
import type { Schemas } from '../../../api/client.js';

export type ChartView = Schemas['Chart'];
export type ChartBody = ChartView['chart'];
export type Area = ChartBody['areas'][number]['area'];
export type ChartVersion = Schemas['ChartVersion'];
export type ChartResponse = Schemas['BookingChart'];
export type Device = Schemas['Device'];
export type Lot = Schemas['Lot'];

export const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
