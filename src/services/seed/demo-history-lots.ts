// Cartridge lots the demo clinic has received (LOG-4): current lots for every device at both
// locations, an older lot now past its date, and one lot recalled by its manufacturer, so the
// chart's lot list, the settings and the recall trace all have something to show.
import type { Db } from '../../db/connect.js';
import { addDays } from '../../domain/scheduling/local-time.js';
import type { DemoLocation } from './demo-history-plan.js';

export interface DemoLot {
  key: string;
  location: DemoLocation;
  modality: 'pen' | 'rf' | 'roller';
  manufacturer: string;
  product: string;
  lotNumber: string;
  /** days from today */
  expiresIn: number;
  recalledDaysAgo?: number;
}

export const DEMO_LOTS: DemoLot[] = [
  { key: 'aus-pen-old', location: 'austin', modality: 'pen', manufacturer: 'Crown Aesthetics', product: 'SkinPen Precision cartridge, 14 needles', lotNumber: 'SPC-2605-K', expiresIn: -20 },
  { key: 'aus-pen-recalled', location: 'austin', modality: 'pen', manufacturer: 'Crown Aesthetics', product: 'SkinPen Precision cartridge, 14 needles', lotNumber: 'SPC-2609-R', expiresIn: 240, recalledDaysAgo: 45 },
  { key: 'aus-pen', location: 'austin', modality: 'pen', manufacturer: 'Crown Aesthetics', product: 'SkinPen Precision cartridge, 14 needles', lotNumber: 'SPC-2611-A', expiresIn: 420 },
  { key: 'aus-pen-next', location: 'austin', modality: 'pen', manufacturer: 'Crown Aesthetics', product: 'SkinPen Precision cartridge, 14 needles', lotNumber: 'SPC-2612-B', expiresIn: 510 },
  { key: 'aus-rf', location: 'austin', modality: 'rf', manufacturer: 'InMode', product: 'Morpheus8 tip, 24 pins', lotNumber: 'M8T-24-2606', expiresIn: 300 },
  { key: 'aus-roller', location: 'austin', modality: 'roller', manufacturer: 'Dermaroller', product: 'Sterile roller head, 0.5 mm', lotNumber: 'DRH-05-2607', expiresIn: 360 },
  { key: 'sd-pen', location: 'sandiego', modality: 'pen', manufacturer: 'Dermapen', product: 'Dermapen 4 cartridge, 16 needles', lotNumber: 'DP4-16-2608', expiresIn: 390 },
  { key: 'sd-roller', location: 'sandiego', modality: 'roller', manufacturer: 'Dermaroller', product: 'Sterile roller head, 1.0 mm', lotNumber: 'DRH-10-2606', expiresIn: 330 },
];

/** Receives the lots (six months ago) and answers their ids by key. */
export async function seedDemoLots(trx: Db, organizationId: string, today: string, received: Date, locationIds: Map<string, string>, newId: () => string) {
  const ids = new Map<string, string>();
  const rows = DEMO_LOTS.map((l) => {
    const id = newId();
    ids.set(l.key, id);
    return {
      organization_id: organizationId, id, location_id: locationIds.get(l.location)!, manufacturer: l.manufacturer, product: l.product, lot_number: l.lotNumber,
      expires_on: addDays(today, l.expiresIn), created_at: received,
      recalled_at: l.recalledDaysAgo === undefined ? null : new Date(received.getTime() + (182 - l.recalledDaysAgo) * 86_400_000),
      recall_reason: l.recalledDaysAgo === undefined ? null : 'Manufacturer recall: the sterile pouch seal may be incomplete. Quarantine unused cartridges.',
    };
  });
  await trx.insertInto('cartridge_lots').values(rows).execute();
  return ids;
}

/** The lot a visit used: the older pen lot before its date, the recalled one before the recall, then the current one. */
export function lotFor(location: DemoLocation, modality: 'pen' | 'rf' | 'roller', offset: number): string {
  if (location === 'sandiego') return modality === 'pen' ? 'sd-pen' : 'sd-roller';
  if (modality === 'rf') return 'aus-rf';
  if (modality === 'roller') return 'aus-roller';
  if (offset < -110) return 'aus-pen-old';
  if (offset < -45) return 'aus-pen-recalled';
  return 'aus-pen';
}
