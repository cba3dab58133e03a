// The screening engine on realistic requests: a clean intake and a busy one with many findings.
import { screen } from '../src/domain/screening/engine/index.js';
import { req } from '../src/domain/screening/engine/fixtures.js';
import { bench, type BenchResult } from './harness.js';

export async function screeningBenches(): Promise<BenchResult[]> {
  const clean = req();
  const busy = req(
    {
      fitzpatrick: 5,
      conditions: [{ code: 'hsv_history', status: 'history' }, { code: 'diabetes', status: 'active', controlled: true }, { code: 'acne', status: 'active', areas: ['cheeks'] }],
      medications: [{ code: 'topical_retinoid', current: false, lastDose: '2026-11-28' }, { code: 'antiplatelet', current: true }],
      procedures: [{ code: 'tanning', date: '2026-11-20' }, { code: 'microneedling', date: '2026-11-10', areas: ['cheeks'] }, { code: 'dermal_filler', date: '2026-11-25' }],
      implants: [{ code: 'tattoo', areas: ['arms'] }],
    },
    { areas: ['forehead', 'cheeks', 'perioral', 'neck'] },
  );
  return [
    await bench('screening: clean intake', 20_000, () => screen(clean)),
    await bench('screening: busy intake (7 findings)', 20_000, () => screen(busy)),
  ];
}
