// The three kinds of microneedling and what differs between them (reference 3A, 3B, 7).
import type { Modality } from '../../screening/engine/contract.js';

export interface ModalitySpec {
  id: Modality;
  name: string;
  aka: string[];
  description: string;
  /** depth limits come from the depth caps; RF energy only from the device preset (RF-1) */
  energy: 'none' | 'device_preset';
  rules: { id: string; text: string; sources: string[] }[];
  pricedSeparately: boolean;
}

export const MODALITIES: readonly ModalitySpec[] = [
  {
    id: 'roller',
    name: 'Roller microneedling',
    aka: ['dermaroller', 'dermal rolling'],
    description: 'A hand-held drum of fixed-length needles rolled over the skin.',
    energy: 'none',
    rules: [
      { id: 'MOD-ROLLER-1', text: 'Fixed needle length per roller: choose the roller by the depth cap of the area.', sources: ['S25', 'S26'] },
      { id: 'MOD-ROLLER-2', text: 'Home use stays at or below 1.0 mm; clinic rollers are single-use and sterile.', sources: ['S25', 'S35'] },
    ],
    pricedSeparately: false,
  },
  {
    id: 'pen',
    name: 'Automated pen microneedling',
    aka: ['microneedling pen', 'dermapen', 'SkinPen'],
    description: 'A motorised pen with a single-use needle cartridge and an adjustable depth dial.',
    energy: 'none',
    rules: [
      { id: 'MOD-PEN-1', text: 'The dial is not the true depth: it depends on device, pressure and skin thickness.', sources: ['S25', 'S26'] },
      { id: 'MOD-PEN-2', text: 'FDA has not evaluated SkinPen above 1.5 mm (11 settings, 0 to 2.5 mm).', sources: ['S25'] },
    ],
    pricedSeparately: false,
  },
  {
    id: 'rf',
    name: 'RF microneedling',
    aka: ['radiofrequency microneedling', 'fractional RF'],
    description: 'Insulated or non-insulated needles deliver radiofrequency heat at depth.',
    energy: 'device_preset',
    rules: [
      { id: 'RF-1', text: 'Energy, pulse and passes from the device IFU or presets; never universal numbers.', sources: ['S28', 'S30'] },
      { id: 'RF-2', text: 'Suggested depths are a narrative-review starting point (evidence level 5).', sources: ['S29'] },
      { id: 'RF-3', text: 'Fitzpatrick IV to VI: higher PIH risk; conservative energy; full needle insertion.', sources: ['S30', 'S31'] },
      { id: 'RF-4', text: 'Consent names burns, scarring, fat loss, disfigurement and nerve damage (FDA, October 2025).', sources: ['S28'] },
      { id: 'RF-5', text: 'RF-specific contraindications: CI-A8, CI-A9, CI-R12, CI-R13, gold allergy (CI-R9).', sources: ['S31', 'S32'] },
    ],
    pricedSeparately: true,
  },
];

export const modalitySpec = (m: Modality): ModalitySpec => MODALITIES.find((x) => x.id === m)!;
