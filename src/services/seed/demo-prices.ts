// Demo price lists (reference section 8: mechanical microneedling about $300 a facial session,
// $100 to $700; RF priced separately, $500 and up). Treat as configuration, not market data.
import type { Modality } from '../../db/schema.js';

export const DEMO_PRICES: { serviceCode: string; name: string; modality: Modality | null; austin: number; sandiego: number }[] = [
  { serviceCode: 'consultation', name: 'Microneedling consultation', modality: null, austin: 0, sandiego: 0 },
  { serviceCode: 'pen_face', name: 'Pen microneedling, full face', modality: 'pen', austin: 35000, sandiego: 39500 },
  { serviceCode: 'pen_face_neck', name: 'Pen microneedling, face and neck', modality: 'pen', austin: 45000, sandiego: 49500 },
  { serviceCode: 'pen_acne_scars', name: 'Pen microneedling for acne scars', modality: 'pen', austin: 40000, sandiego: 45000 },
  { serviceCode: 'pen_body', name: 'Pen microneedling, body (stretch marks or scars)', modality: 'pen', austin: 42500, sandiego: 47500 },
  { serviceCode: 'pen_scalp', name: 'Scalp microneedling (with minoxidil plan)', modality: 'pen', austin: 30000, sandiego: 32500 },
  { serviceCode: 'roller_face', name: 'Roller microneedling, full face', modality: 'roller', austin: 25000, sandiego: 27500 },
  { serviceCode: 'rf_face', name: 'RF microneedling, full face', modality: 'rf', austin: 95000, sandiego: 110000 },
  { serviceCode: 'rf_face_neck', name: 'RF microneedling, face and neck', modality: 'rf', austin: 125000, sandiego: 140000 },
];

export const DEMO_PACKAGES = [
  { serviceCode: 'pen_face', name: 'Pen microneedling, series of 3', sessions: 3, austin: 90000, sandiego: 99000, validDays: 365 },
  { serviceCode: 'pen_face', name: 'Pen microneedling, series of 6', sessions: 6, austin: 170000, sandiego: 189000, validDays: 540 },
  { serviceCode: 'pen_acne_scars', name: 'Acne scar series of 3', sessions: 3, austin: 105000, sandiego: 117000, validDays: 365 },
  { serviceCode: 'rf_face', name: 'RF microneedling, series of 3', sessions: 3, austin: 255000, sandiego: 297000, validDays: 365 },
];

export const DEMO_PRICES_EFFECTIVE = '2026-01-01';

/** Membership plans of each location (docs/memberships.md): a monthly plan with a quarterly pen session and member prices, and a yearly one. */
export const DEMO_MEMBERSHIP_PLANS = [
  {
    name: 'Glow Monthly', description: 'A pen microneedling session every quarter, member prices on every visit, and 10% off skincare.', period: 'month' as const, austin: 9900, sandiego: 10900,
    signupFee: 0, minTerm: 3, maxPauseDays: 60, percentOffBp: 1000,
    memberPrices: [{ serviceCode: 'pen_face', austin: 30000, sandiego: 34000 }],
    credits: [{ serviceCode: 'pen_face', count: 1, everyPeriods: 3, validDays: 120, label: 'Quarterly pen session' }],
  },
  {
    name: 'Radiance Yearly', description: 'Four pen sessions a year and 15% off everything else.', period: 'year' as const, austin: 119000, sandiego: 129000,
    signupFee: 5000, minTerm: 1, maxPauseDays: 90, percentOffBp: 1500, memberPrices: [],
    credits: [{ serviceCode: 'pen_face', count: 4, everyPeriods: 1, validDays: 365, label: 'Yearly pen sessions' }],
  },
];
